"""Dates and numbers in the form of the person's language: 'Mon 03 Nov' in English, 'пн, 3 нояб.'
in Russian, 'Mo., 3. Nov.' in German.

English keeps coach's own compact forms; other languages take theirs from the Unicode CLDR data
through Babel, imported only when a date is first shown in one of them (it costs about 40 ms, which
start-up does not pay). Times of day are 24-hour everywhere coach speaks.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from coach.i18n import ENGLISH, current_language

# name: (English strftime form, CLDR skeleton for the others)
_FORMS = {
    "day_date": ("%a %d %b", "MMMEd"),
    "date_year": ("%d %b %Y", "yMMMd"),
    "day_date_year": ("%a %d %b %Y", "yMMMEd"),
    "day_month": ("%d %b", "MMMd"),
}


@cache
def _babel_dates() -> Any:
    import babel.dates

    return babel.dates


def _format(value: date, form: str) -> str:
    english, skeleton = _FORMS[form]
    language = current_language()
    if language == ENGLISH:
        return value.strftime(english)
    return str(_babel_dates().format_skeleton(skeleton, value, locale=language))


def day_date(value: date) -> str:
    """'Mon 03 Nov': a night this week or last."""
    return _format(value, "day_date")


def date_year(value: date) -> str:
    """'03 Nov 2026'."""
    return _format(value, "date_year")


def day_date_year(value: date) -> str:
    """'Mon 03 Nov 2026'."""
    return _format(value, "day_date_year")


def day_month(value: date) -> str:
    """'03 Nov'."""
    return _format(value, "day_month")


def time_of_day(value: datetime) -> str:
    """'22:30', the same in every language coach speaks."""
    return value.strftime("%H:%M")


def weekday(value: date) -> str:
    """'Mon', 'пн', 'lun'."""
    if current_language() == ENGLISH:
        return value.strftime("%a")
    return str(_babel_dates().format_date(value, "EEE", locale=current_language()))


def month(value: date) -> str:
    """'Nov', 'нояб.', standing alone (a chart's axis)."""
    if current_language() == ENGLISH:
        return value.strftime("%b")
    return str(_babel_dates().format_date(value, "LLL", locale=current_language()))


def decimal(value: float, places: int = 1) -> str:
    """'2.5' in English, '2,5' in German, Spanish and Russian."""
    text = f"{value:.{places}f}"
    return text if current_language() == ENGLISH else text.replace(".", ",")
