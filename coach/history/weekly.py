"""Week by week: answered nights, cramps and routine nights, for the charts and the report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from coach import local_format
from coach.i18n import _
from coach.words import count_of, count_words, plural


@dataclass(frozen=True)
class Week:
    start: date  # the first night of the week
    answered: int  # nights with a morning answer
    cramps: int  # cramps on those nights
    routine_nights: int  # nights with a completed routine, answered or not

    @property
    def per_night(self) -> float | None:
        """Cramps per answered night; None for a week nobody answered (unknown, not zero)."""
        return self.cramps / self.answered if self.answered else None


def weeks_ending(last: date, count: int, answered: set[date], cramp_nights: Iterable[date],
                 done: set[date]) -> list[Week]:
    """`count` weeks, oldest first, the last one ending with the night `last`."""
    cramps_on = Counter(cramp_nights)
    first = last - timedelta(days=7 * count - 1)
    result = []
    for index in range(count):
        start = first + timedelta(days=7 * index)
        nights = [start + timedelta(days=n) for n in range(7)]
        heard = [n for n in nights if n in answered]
        result.append(Week(start, len(heard), sum(cramps_on[n] for n in heard), sum(1 for n in nights if n in done)))
    return result


def trend_text(weeks: list[Week]) -> str:
    """First half against second half, in cramps per answered night, or why it cannot be said."""
    half = len(weeks) // 2
    if half == 0:
        return _("Too short a period to show a trend.")
    early, late = weeks[:half], weeks[-half:]
    early_nights, late_nights = sum(w.answered for w in early), sum(w.answered for w in late)
    if not early_nights or not late_nights:
        return _("No trend yet: too few answered nights in one half of the period.")
    early_rate = sum(w.cramps for w in early) / early_nights
    late_rate = sum(w.cramps for w in late) / late_nights
    word = _("fewer") if late_rate < early_rate else _("more") if late_rate > early_rate else _("the same")
    return plural(half, "Trend: {early} cramps per answered night in the first {count} week, "
                  "{late} in the last {count} ({word}).",
                  "Trend: {early} cramps per answered night in the first {count} weeks, "
                  "{late} in the last {count} ({word}).").format(
        count=half, early=local_format.decimal(early_rate, 2), late=local_format.decimal(late_rate, 2), word=word)


_EIGHTHS = " ▁▂▃▄▅▆▇█"
UNKNOWN_WEEK = "?"


def chart_lines(weeks: list[Week], height: int = 5) -> list[str]:
    """A bar chart in plain text: cramps per answered night each week (bars, left axis), routine
    nights out of 7 under each bar, and the week's start date on the x axis. A week nobody
    answered shows "?" instead of a bar: unknown, not zero."""
    rates = [w.per_night for w in weeks if w.per_night is not None]
    ceiling = max(1.0, *rates) if rates else 1.0
    label_width = 5
    lines = [_("cramps per answered night")]
    for row in range(height, 0, -1):
        top = ceiling * row / height
        label = local_format.decimal(top, 1) if row in (height, (height + 1) // 2) else ""
        cells = []
        for week in weeks:
            if week.per_night is None:
                cells.append(f" {UNKNOWN_WEEK}" if row == 1 else "  ")
                continue
            filled = week.per_night / ceiling * height - (row - 1)  # how much of this row is bar
            eighths = max(0, min(8, round(filled * 8)))
            cells.append(_EIGHTHS[eighths] * 2)
        lines.append(f"{label:>{label_width}}┤" + " ".join(cells))
    lines.append(f"{'0':>{label_width}}└" + "─" * (3 * len(weeks) - 1))
    lines.append(" " * label_width + " " + " ".join(f"{w.routine_nights:>2}" for w in weeks)
                 + "  " + _("routine nights (of 7)"))
    lines.append(" " * label_width + " " + " ".join(w.start.strftime("%d") for w in weeks) + "  " + _("week starting"))
    lines.append(" " * (label_width + 1) + month_labels([w.start for w in weeks]))
    return lines


def month_labels(starts: list[date]) -> str:
    """Month names over columns three characters apart: each over the week holding the 1st of that
    month, and the first column's month too unless the next column starts a month of its own."""
    def holds_first(start: date) -> bool:
        return any((start + timedelta(days=n)).day == 1 for n in range(7))

    text = ""
    for index, start in enumerate(starts):
        if holds_first(start):
            month = next(start + timedelta(days=n) for n in range(7) if (start + timedelta(days=n)).day == 1)
        elif index == 0 and not (len(starts) > 1 and holds_first(starts[1])):
            month = start
        else:
            continue
        text = text.ljust(3 * index) + local_format.month(month)
    return text.rstrip()


def summary_lines(weeks: list[Week], first_night: date | None = None, last_night: date | None = None) -> list[str]:
    """What the chart shows, in words, for plain mode and screen readers.

    Only nights from the first one coach knows of (`first_night`) up to the last one that is over
    (`last_night`) could have been answered: the rest are not counted as missed.
    """
    if not weeks:
        return []
    answered = sum(w.answered for w in weeks)
    nights = [w.start + timedelta(days=n) for w in weeks for n in range(7)]
    could_answer = sum(1 for night in nights if (first_night is None or night >= first_night)
                       and (last_night is None or night <= last_night))
    period = count_words(len(weeks), "in these {count} week", "in these {count} weeks")
    first = (plural(could_answer, "{answered} of {count} night answered {period}.",
                         "{answered} of {count} nights answered {period}.").format(
                count=could_answer, answered=answered, period=period)
             if could_answer else _("No nights to answer yet {period}.").format(period=period))
    lines = [first, trend_text(weeks)]
    latest = weeks[-1]
    start = local_format.day_month(latest.start)
    if latest.per_night is not None:
        lines.append(_("Latest week (from {start}): {cramps} over {nights}, routine on {routine} of 7.").format(
            start=start, cramps=count_of(latest.cramps, "cramp", "cramps"),
            nights=count_of(latest.answered, "answered night", "answered nights"), routine=latest.routine_nights))
    else:
        lines.append(_("Latest week (from {start}): no nights answered yet.").format(start=start))
    return lines
