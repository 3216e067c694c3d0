"""Words that change with a number, in one place so a translation can take them over later.

`plural(n, "night", "nights")` has the shape of gettext's `ngettext(singular, plural, n)` with the
number first: a later gettext catalogue replaces the body, and every caller stays as it is.
"""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """The word for `count` things: plural(1, "night", "nights") == "night"."""
    return one if count == 1 else many


# Where on the leg a cramp was, one and two of them: "both calves", never "both calf".
_PLACES = {"leg": "legs", "calf": "calves", "foot": "feet", "thigh": "thighs"}


def leg_words(leg: str, place: str | None = None) -> str:
    """'left leg', 'right calf', 'both legs', 'both feet': a leg (and where on it) as said aloud."""
    part = place or "leg"
    return f"both {_PLACES.get(part, part)}" if leg == "both" else f"{leg} {part}"


def count_of(count: int, one: str, many: str) -> str:
    """The number and its word: count_of(2, "night", "nights") == "2 nights"."""
    return f"{count} {plural(count, one, many)}"
