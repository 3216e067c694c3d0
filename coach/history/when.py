"""Reading when a cramp happened, as a tired person types it in the morning."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from coach.i18n import N_, _, pgettext

# Shown with the words of the person's language, which parse_when takes as well as the English ones.
EXAMPLES = N_("now, 03:00, 'last night 03:00', 'yesterday 23:30' or 2026-11-21T03:00")
_CLOCK = r"^(?:(?P<word>{words})\s+)?(?P<h>[0-9]{{1,2}})[:.](?P<m>[0-9]{{2}})$"


EARLIEST_YEAR = 2000  # a diary entry before this is a typing slip


class WhenError(ValueError):
    pass


def parse_when(text: str, now: datetime) -> datetime:
    """A moment in the past, in the local time zone of `now`."""
    raw = " ".join(text.strip().lower().split())
    words = _day_words()
    if raw == "" or words.get(raw) == "now":
        return now
    before_a_time = "|".join(re.escape(word) for word, meaning in words.items() if meaning != "now")
    match = re.match(_CLOCK.format(words=before_a_time), raw)
    if match:
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23 or minute > 59:
            raise WhenError(_("'{text}' is not a time of day — use 24-hour time like 03:00 or 23:30").format(text=text))
        moment = _at(now, hour, minute, words.get(match["word"] or ""))
    else:
        try:
            if not raw.isascii():  # fromisoformat takes other scripts' digits too
                raise ValueError(raw)
            moment = datetime.fromisoformat(raw.upper().replace(" ", "T"))
        except ValueError:
            raise WhenError(_("'{text}' is not a time coach understands — try {examples}").format(
                text=text, examples=_(EXAMPLES))) from None
        if moment.year < EARLIEST_YEAR:  # before the zone is applied: year 1 has no local time
            raise WhenError(_("'{text}' is before {year} — check the year").format(text=text, year=EARLIEST_YEAR))
        if moment.tzinfo is None:
            moment = moment.astimezone()  # local time, with that date's daylight-saving offset
    if moment > now:
        raise WhenError(_("'{text}' is in the future — give the time the cramp happened").format(text=text))
    return moment


def _day_words() -> dict[str, str]:
    """What a person may type before a time (or alone, for now), in English and in their own
    language, each mapped to the English word the parser works with."""
    words = {"now": "now", "just now": "now", "last night": "last night", "yesterday": "yesterday", "today": "today"}
    typed = {"now": pgettext("typed time", "now"), "last night": pgettext("typed time", "last night"),
             "yesterday": pgettext("typed time", "yesterday"), "today": pgettext("typed time", "today")}
    for english, word in typed.items():
        words.setdefault(" ".join(word.lower().split()), english)
    return words


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
