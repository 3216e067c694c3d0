"""Reading and writing lengths of time as people type them: 45, 45s, 1m30s, 2m, 1:30."""

from __future__ import annotations

import re

from coach.i18n import N_, _

# ASCII digits only: other scripts' digits (١٠, full-width １０) are refused with a message.
_UNITS = re.compile(r"^(?:(?P<h>[0-9]+)h)?(?:(?P<m>[0-9]+)m)?(?:(?P<s>[0-9]+)s?)?$")
_CLOCK = re.compile(r"^(?P<m>[0-9]+):(?P<s>[0-5][0-9])$")
# No length of time coach uses needs more digits; int() of thousands of them would raise.
_MAX_DIGITS = 6

EXAMPLES = N_("45, 45s, 1m30s or 2m")  # shown as _(EXAMPLES); the units stay m and s: files are shared


class DurationError(ValueError):
    """The text is not a length of time coach understands; the message says why, in the person's
    language, as the end of a sentence about the value ("'-5s' is negative")."""


def parse_duration(text: str | int) -> int:
    """Whole seconds in ``text``; raises DurationError for anything else, including zero."""
    raw = str(text).strip().lower().replace(" ", "")
    if raw.startswith("-"):
        raise DurationError(_("is negative"))
    if any(character.isdigit() and not character.isascii() for character in raw):
        raise DurationError(_("uses digits other than 0-9"))
    match = _CLOCK.match(raw) or _UNITS.match(raw)
    if not raw or not match or not any(match.groupdict().values()):
        raise DurationError(_("is not a length of time"))
    if any(len(value or "") > _MAX_DIGITS for value in match.groupdict().values()):
        raise DurationError(_("is far too long"))
    parts = {key: int(value or 0) for key, value in match.groupdict().items()}
    seconds = parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0)
    if seconds == 0:
        raise DurationError(_("is zero"))
    return seconds


def format_duration(seconds: float) -> str:
    """Compact form for files and tables: 45s, 1m30s, 2m."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        return f"{minutes}m{secs:02d}s"
    return f"{minutes}m" if minutes else f"{secs}s"


def shown_duration(seconds: float) -> str:
    """For people to read, in their language's short units: '1m30s' in English, '1 мин 30 с' in
    Russian. Files keep format_duration's form, which every language reads."""
    minutes, secs = divmod(max(0, round(seconds)), 60)
    if minutes and secs:
        return _("{minutes}m{seconds}s").format(minutes=minutes, seconds=f"{secs:02d}")
    return _("{minutes}m").format(minutes=minutes) if minutes else _("{seconds}s").format(seconds=secs)


def format_clock(seconds: float) -> str:
    """m:ss, as on a kitchen timer."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
