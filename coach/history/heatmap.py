"""The last weeks as a calendar grid: routine done, partial or not, and cramp nights marked.

Pure text, readable without colour: each night is two characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach.history.store import CrampRecord, NightRecord, SessionRecord

DONE, PARTIAL, NONE, FUTURE = "██", "▒▒", "··", "  "
CRAMP = "×"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Night:
    day: date
    routine: str  # "done", "partial" or "none"
    cramps: int

    @property
    def cell(self) -> str:
        base = {"done": DONE, "partial": PARTIAL, "none": NONE}[self.routine]
        return base[0] + CRAMP if self.cramps else base


def nights_grid(sessions: Sequence[SessionRecord | NightRecord], cramps: Sequence[CrampRecord], last: date,
                weeks: int = 12) -> list[list[Night | None]]:
    """Rows Monday..Sunday, columns oldest week..this week.

    None (a blank) for nights after `last` and before the first record: the weeks before
    someone started with coach are not nights they missed.
    """
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
            row.append(Night(day, status.get(day, "none"), counts.get(day, 0)) if shown else None)
        grid.append(row)
    return grid


def grid_text(grid: list[list[Night | None]]) -> list[str]:
    return [f"{WEEKDAYS[weekday]} " + " ".join(night.cell if night else FUTURE for night in row)
            for weekday, row in enumerate(grid)]


def weekly_cramps(cramps: list[CrampRecord], last: date, weeks: int = 12) -> list[int]:
    monday = last - timedelta(days=last.weekday()) - timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    for c in cramps:
        week = (c.night - monday).days // 7
        if 0 <= week < weeks:
            counts[week] += 1
    return counts
