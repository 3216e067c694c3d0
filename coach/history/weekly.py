"""Week by week: answered nights, cramps and routine nights, for the charts and the report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


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
        return "Too short a period to show a trend."
    early, late = weeks[:half], weeks[-half:]
    early_nights, late_nights = sum(w.answered for w in early), sum(w.answered for w in late)
    if not early_nights or not late_nights:
        return "No trend yet: too few answered nights in one half of the period."
    early_rate = sum(w.cramps for w in early) / early_nights
    late_rate = sum(w.cramps for w in late) / late_nights
    word = "fewer" if late_rate < early_rate else "more" if late_rate > early_rate else "the same"
    return (f"Trend: {early_rate:.2f} cramps per answered night in the first {half} weeks, "
            f"{late_rate:.2f} in the last {half} ({word}).")
