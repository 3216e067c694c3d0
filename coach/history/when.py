"""Reading when a cramp happened, as a tired person types it in the morning."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

EXAMPLES = "now, 03:00, 'last night 03:00', 'yesterday 23:30' or 2026-11-21T03:00"
_CLOCK = re.compile(r"^(?:(?P<word>last night|yesterday|today)\s+)?(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})$")


EARLIEST_YEAR = 2000  # a diary entry before this is a typing slip


class WhenError(ValueError):
    pass


def parse_when(text: str, now: datetime) -> datetime:
    """A moment in the past, in the local time zone of `now`."""
    raw = " ".join(text.strip().lower().split())
    if raw in ("", "now", "just now"):
        return now
    match = _CLOCK.match(raw)
    if match:
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23 or minute > 59:
            raise WhenError(f"'{text}' is not a time of day — use 24-hour time like 03:00 or 23:30")
        moment = _at(now, hour, minute, match["word"])
    else:
        try:
            if not raw.isascii():  # fromisoformat takes other scripts' digits too
                raise ValueError(raw)
            moment = datetime.fromisoformat(raw.upper().replace(" ", "T"))
        except ValueError:
            raise WhenError(f"'{text}' is not a time coach understands — try {EXAMPLES}") from None
        if moment.year < EARLIEST_YEAR:  # before the zone is applied: year 1 has no local time
            raise WhenError(f"'{text}' is before {EARLIEST_YEAR} — check the year")
        if moment.tzinfo is None:
            moment = moment.astimezone()  # local time, with that date's daylight-saving offset
    if moment > now:
        raise WhenError(f"'{text}' is in the future — give the time the cramp happened")
    return moment


def _at(now: datetime, hour: int, minute: int, word: str | None) -> datetime:
    def on(day: date) -> datetime:
        # Local wall-clock time on that day, with that day's own daylight-saving offset.
        return datetime.combine(day, time(hour, minute)).astimezone()

    if word == "today":
        return on(now.date())
    if word == "yesterday":
        return on(now.date() - timedelta(days=1))
    # A bare time or "last night": its most recent occurrence.
    today = on(now.date())
    return today if today <= now else on(now.date() - timedelta(days=1))
