"""Which night an event belongs to: the evening it began on.

A night runs from noon to noon, so a routine at 22:00 and a cramp at 03:00 the next morning
belong to the same night and pair up. Nights are calendar dates, so daylight-saving changes
never make a night longer or shorter in the counting.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

NIGHT_STARTS = time(12, 0)
# By 04:00 the evening is over: the night just gone can be answered ("any cramps?") and counted,
# so the grid, the stats and the morning question all mean the same night by "last night".
MORNING_STARTS = time(4, 0)


def night_of(moment: datetime) -> date:
    day = moment.date()
    return day if moment.time() >= NIGHT_STARTS else day - timedelta(days=1)


def last_complete_night(now: datetime) -> date:
    """The most recent night that is over: from 04:00 the night just gone, before then the one before it."""
    night = night_of(now)
    return night if MORNING_STARTS <= now.time() < NIGHT_STARTS else night - timedelta(days=1)


def nights_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
