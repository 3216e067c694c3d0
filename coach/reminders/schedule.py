"""When a bedtime reminder is due: local wall-clock times on chosen weekdays.

Pure: `now` is always passed in. Only the most recent scheduled time before now ever matters,
so a machine that slept for ten hours produces one late reminder (or one missed), never a burst.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from coach import local_format
from coach.frozen import frozen
from coach.i18n import ENGLISH, _, current_language, pgettext

FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = tuple(name[:3] for name in FULL_DAY_NAMES)
EVERY_DAY = frozenset(range(7))
A_MONDAY = date(2024, 1, 1)
GRACE = timedelta(hours=3)
_TIME = re.compile(r"^([0-9]{1,2})(?:[:.h]([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
DAY_WORDS = {"daily": "mon-sun", "everyday": "mon-sun", "all": "mon-sun", "weekdays": "mon-fri",
             "weekends": "sat-sun", "weekend": "sat-sun"}


class ScheduleError(ValueError):
    pass


@frozen
class Reminder:
    id: int
    at: time
    days: frozenset[int]
    routine: str
    created_at: datetime

    @property
    def days_text(self) -> str:
        """The days as a person reads them: 'every day', 'mon,tue' ('jeden Tag', 'пн,вт')."""
        return days_words(self.days)


def parse_time(text: str) -> time:
    """'21:30', '9pm', '9:30 pm', '21.30'; a bare '9' is refused, being either 9:00 or 21:00."""
    match = _TIME.match(text.strip().lower())
    if match is None:
        raise ScheduleError(_("'{text}' is not a time of day — write it like 21:30 or 9pm").format(text=text))
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise ScheduleError(_("'{text}' is not a time of day — with am or pm the hour is 1 to 12, like 9pm"
                                  ).format(text=text))
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match[2] is None:
        raise ScheduleError(_("'{text}' needs minutes or am/pm — write it like 21:00 or 9pm").format(text=text))
    if hour > 23 or minute > 59:
        raise ScheduleError(_("'{text}' is not a time of day — write it like 21:30 or 9pm").format(text=text))
    return time(hour, minute)


def own_day_words() -> tuple[str, str, str]:
    """'daily', 'weekdays', 'weekends' as a person types them in their language ('будни')."""
    return pgettext("days", "daily"), pgettext("days", "weekdays"), pgettext("days", "weekends")


def parse_days(text: str) -> frozenset[int]:
    """'mon-fri', 'sat,sun', 'monday,wed-fri', 'daily', 'weekdays', or those words in the person's
    language ('будни', 'пн-пт'); English always works too. Ranges wrap: 'fri-mon' is four days."""
    raw = text.strip().lower().replace(" ", "")
    words = dict(DAY_WORDS)
    for word, meaning in zip(own_day_words(), ("mon-sun", "mon-fri", "sat-sun"), strict=True):
        words[word.lower().replace(" ", "")] = meaning
    raw = ",".join(words.get(part, part) for part in raw.split(","))
    days: set[int] = set()
    for part in raw.split(","):
        ends = part.split("-")
        if len(ends) > 2:
            raise ScheduleError(_("'{part}' is not a day or a range of days — write it like mon-fri").format(part=part))
        first, last = _day(ends[0], text), _day(ends[-1], text)
        day = first
        days.add(day)
        while day != last:
            day = (day + 1) % 7
            days.add(day)
    return frozenset(days)


def same_as(reminders: Iterable[Reminder], at: time, days: frozenset[int], routine: str) -> Reminder | None:
    """An existing reminder identical to this one: adding it again would only ring twice."""
    return next((r for r in reminders if (r.at, r.days, r.routine) == (at, days, routine)), None)


def _day(name: str, text: str) -> int:
    for index, full in enumerate(FULL_DAY_NAMES):
        if len(name) >= 3 and full.startswith(name):
            return index
    own = [_own_day_name(day).lower() for day in range(7)]  # 'mo', 'lun', 'пн': as the list shows them
    if name in own:
        return own.index(name)
    raise ScheduleError(_("'{text}' is not a list of days — use names like mon-fri or sat,sun").format(text=text))


def format_days(days: frozenset[int]) -> str:
    """The days as the reminder store keeps them ('every day', 'mon,tue'): the same in every language."""
    if days == EVERY_DAY:
        return "every day"
    return ",".join(DAY_NAMES[day] for day in sorted(days))


def days_words(days: frozenset[int]) -> str:
    """The days in the person's language: 'every day', 'mon,wed' ('jeden Tag', 'Mo,Mi', 'пн,ср')."""
    if days == EVERY_DAY:
        return _("every day")
    return ",".join(_own_day_name(day) for day in sorted(days))


def _own_day_name(day: int) -> str:
    if current_language() == ENGLISH:
        return DAY_NAMES[day]
    return local_format.weekday(A_MONDAY + timedelta(days=day)).rstrip(".")


def local_moment(day: date, at: time) -> datetime:
    """That wall-clock time on that day, with the day's own daylight-saving offset.

    A time the clocks skip that night (01:30 when 01:00 becomes 02:00) becomes the first moment
    that exists after it (02:00), never the hour before it. A time that happens twice when the
    clocks go back is the first of the two.
    """
    wall = datetime.combine(day, at)
    for minutes in range(0, 24 * 60):
        candidate = wall + timedelta(minutes=minutes)
        moment = candidate.astimezone()
        if moment.replace(tzinfo=None) == candidate:  # this wall-clock time exists
            return moment
    return wall.astimezone()  # a zone with no valid time that day: not on this planet


def latest_due(reminder: Reminder, now: datetime) -> datetime | None:
    """The most recent scheduled time at or before `now` (within a week), if any."""
    for back in range(8):
        day = now.date() - timedelta(days=back)
        if day.weekday() in reminder.days:
            moment = local_moment(day, reminder.at)
            if moment <= now:
                return moment
    return None


def next_due(reminder: Reminder, now: datetime) -> datetime:
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        if day.weekday() in reminder.days:
            moment = local_moment(day, reminder.at)
            if moment > now:
                return moment
    raise ScheduleError(_("a reminder needs at least one day"))
