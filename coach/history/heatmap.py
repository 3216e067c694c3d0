"""The last weeks as a calendar grid: routine done, partial or not, and cramp nights marked.

Pure text, readable without colour: each night is two characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach import local_format
from coach.history.store import CrampRecord, NightRecord, SessionRecord
from coach.history.weekly import month_labels

DONE, PARTIAL, NONE, FUTURE = "██", "▒▒", "··", "  "
CRAMP = "×"
UNANSWERED = "?"
A_MONDAY = date(2024, 1, 1)


@dataclass(frozen=True)
class Night:
    day: date
    routine: str  # "done", "partial" or "none"
    cramps: int
    answered: bool = True  # False: nobody said in the morning whether there were cramps

    @property
    def cell(self) -> str:
        base = {"done": DONE, "partial": PARTIAL, "none": NONE}[self.routine]
        if self.cramps:
            return base[0] + CRAMP
        return base if self.answered else base[0] + UNANSWERED


def nights_grid(sessions: Sequence[SessionRecord | NightRecord], cramps: Sequence[CrampRecord], last: date,
                weeks: int = 12, answered: set[date] | None = None,
                still_open: date | None = None) -> list[list[Night | None]]:
    """Rows Monday..Sunday, columns oldest week..this week.

    None (a blank) for nights after `last` and before the first record: the weeks before
    someone started with coach are not nights they missed. Nights from `still_open` on (by
    default `last`) cannot be answered yet, so they are never marked unanswered.
    """
    still_open = last if still_open is None else still_open
    monday = last - timedelta(days=last.weekday()) - timedelta(weeks=weeks - 1)
    status: dict[date, str] = {}
    for s in sessions:
        if s.status == "completed":
            status[s.night] = "done"
        elif s.status in ("partial", "interrupted"):
            status.setdefault(s.night, "partial")
    counts: dict[date, int] = {}
    for c in cramps:
        counts[c.night] = counts.get(c.night, 0) + 1
    first = min([*status, *counts], default=last + timedelta(days=1))
    grid: list[list[Night | None]] = []
    for weekday in range(7):
        row: list[Night | None] = []
        for week in range(weeks):
            day = monday + timedelta(weeks=week, days=weekday)
            shown = first <= day <= last
            heard = answered is None or day in answered or day >= still_open
            row.append(Night(day, status.get(day, "none"), counts.get(day, 0), heard) if shown else None)
        grid.append(row)
    return grid


def grid_text(grid: list[list[Night | None]], first_monday: date | None = None) -> list[str]:
    """The grid, with month names and each week's Monday above it when `first_monday` is given."""
    rows = [f"{weekday_label(weekday)} " + " ".join(night.cell if night else FUTURE for night in row)
            for weekday, row in enumerate(grid)]
    if first_monday is None or not grid:
        return rows
    mondays = [first_monday + timedelta(weeks=week) for week in range(len(grid[0]))]
    days = "    " + " ".join(monday.strftime("%d") for monday in mondays)
    return ["    " + month_labels(mondays), days, *rows]


def weekday_label(weekday: int) -> str:
    """'Mon', 'Di', 'пн ', 'mié': the day's short name in three columns (Monday is 0), the grid's
    rows line up in every language."""
    name = local_format.weekday(A_MONDAY + timedelta(days=weekday)).rstrip(".")
    return name[:3].ljust(3)


def first_monday(last: date, weeks: int = 12) -> date:
    return last - timedelta(days=last.weekday()) - timedelta(weeks=weeks - 1)
