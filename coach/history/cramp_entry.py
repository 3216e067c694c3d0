"""What a cramp entry may hold, and one checker used by the store, the command line and the app.

Each problem is reported against the field it belongs to, so a form can put the message beside
that field and a terminal can ask that one question again.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from coach.i18n import _, pgettext

LEGS = ("left", "right", "both")
PLACES = ("calf", "foot", "thigh")
SEVERITY_RANGE = (1, 10)
# A cramp longer than a few hours is a typing slip (minutes for seconds, an extra zero).
MAX_MINUTES = 240.0
LONG_CRAMP_MINUTES = 10.0
MAX_NOTE_CHARACTERS = 500


class CrampValueError(ValueError):
    """One value of a cramp entry is out of bounds; `field` names which."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CrampEntry:
    """A cramp as a person describes it, before (or instead of) it has an id in the store."""

    at: datetime
    leg: str
    severity: int
    minutes: float | None = None
    note: str | None = None
    place: str | None = "calf"
    woke: bool | None = None


def check_leg(leg: str) -> str:
    if leg not in LEGS:
        raise CrampValueError("leg", _("'{leg}' is not a leg — choose left, right or both").format(leg=leg))
    return leg


def check_place(place: str | None) -> str | None:
    if place is not None and place not in PLACES:
        raise CrampValueError("place", _("'{place}' is not a place coach knows — choose calf, foot or thigh").format(
            place=place))
    return place


def check_severity(severity: int) -> int:
    low, high = SEVERITY_RANGE
    if isinstance(severity, bool) or not isinstance(severity, int) or not low <= severity <= high:
        raise CrampValueError("severity", _("severity {severity} is not between {low} and {high} — give a whole "
                                            "number from {low} (mild) to {high} (worst)").format(
            severity=severity, low=low, high=high))
    return severity


def check_minutes(minutes: float | None) -> float | None:
    if minutes is None:
        return None
    if minutes != minutes or minutes < 0:  # NaN compares unequal to itself
        raise CrampValueError("minutes", _("how long it lasted cannot be negative — give minutes, like 2 or 1.5"))
    if minutes > MAX_MINUTES:
        raise CrampValueError("minutes", _("{minutes} minutes is longer than {most} — give how long it lasted in "
                                           "minutes, like 2 or 1.5").format(minutes=f"{minutes:g}",
                                                                            most=f"{MAX_MINUTES:g}"))
    return float(minutes)


def check_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    if len(note) > MAX_NOTE_CHARACTERS:
        raise CrampValueError("note", _("the note is {length} characters long — keep it under {most}").format(
            length=len(note), most=MAX_NOTE_CHARACTERS))
    return note or None


def parse_minutes(text: str) -> float | None:
    """Minutes as typed: empty means not known."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise CrampValueError("minutes", _("'{text}' is not a number of minutes — give one like 2 or 1.5, "
                                           "or leave it empty").format(text=text)) from None
    return check_minutes(value)


def parse_severity(text: str) -> int:
    text = text.strip()
    if not text.isdigit():
        low, high = SEVERITY_RANGE
        raise CrampValueError("severity", _("'{text}' is not a number — give how bad it was from {low} to {high}"
                                            ).format(text=text, low=low, high=high))
    return check_severity(int(text))


def parse_yes_no(text: str) -> bool | None:
    """y or n, yes or no, also in the person's language ('да', 'ja', 'sí') or its first letter."""
    text = text.strip().lower()
    if text == "":
        return None
    for answer, english, own in ((True, "yes", pgettext("answer", "yes")), (False, "no", pgettext("answer", "no"))):
        own = own.strip().lower()
        if text in (english[0], english, own[:1], own, _without_accents(own)):
            return answer
    raise CrampValueError("woke", _("'{text}' is not yes or no — answer y or n, or leave it empty").format(text=text))


def _without_accents(word: str) -> str:
    """'si' for 'sí': typed without the accent on a keyboard that lacks it."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def checked(entry: CrampEntry) -> CrampEntry:
    """The entry with every value checked and the note tidied; raises CrampValueError."""
    return CrampEntry(entry.at, check_leg(entry.leg), check_severity(entry.severity),
                      check_minutes(entry.minutes), check_note(entry.note), check_place(entry.place),
                      None if entry.woke is None else bool(entry.woke))
