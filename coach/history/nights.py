"""Which night an event belongs to: the evening it began on.

A night runs from noon to noon, so a routine at 22:00 and a cramp at 03:00 the next morning
belong to the same night and pair up. Nights are calendar dates, so daylight-saving changes
never make a night longer or shorter in the counting.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

NIGHT_STARTS = time(12, 0)


def night_of(moment: datetime) -> date:
    day = moment.date()
    return day if moment.time() >= NIGHT_STARTS else day - timedelta(days=1)


def last_complete_night(now: datetime) -> date:
    """The most recent night that is over (the one before the night `now` is in)."""
    return night_of(now) - timedelta(days=1)


def nights_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
