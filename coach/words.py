"""Words that change with a number, and the names of legs and places on them, in the person's language.

`plural(n, "night", "nights")` is gettext's `ngettext` with the number first; the extractor knows
`plural`, `count_of` and `count_words` by name, so their English words land in the catalogue and a
language with more forms (Russian has three) takes them over.
"""

from __future__ import annotations

from coach.i18n import N_, _, ngettext


def plural(count: int, one: str, many: str) -> str:
    """The word for `count` things: plural(1, "night", "nights") == "night"."""
    return ngettext(one, many, count)


def count_of(count: int, one: str, many: str) -> str:
    """The number and its word: count_of(2, "night", "nights") == "2 nights"."""
    return f"{count} {plural(count, one, many)}"


def count_words(count: int, one: str, many: str) -> str:
    """A whole phrase holding its number as `{count}`, for languages where the number is not simply
    first: count_words(3, "{count} night answered", "{count} nights answered")."""
    return ngettext(one, many, count).format(count=count)


# A leg (and where on it) as said aloud: whole phrases, because in other languages the side agrees
# with the body part ("левая нога", "левая икра", "левое бедро").
_LEG_PHRASES = {
    ("left", "leg"): N_("left leg"), ("right", "leg"): N_("right leg"), ("both", "leg"): N_("both legs"),
    ("left", "calf"): N_("left calf"), ("right", "calf"): N_("right calf"), ("both", "calf"): N_("both calves"),
    ("left", "foot"): N_("left foot"), ("right", "foot"): N_("right foot"), ("both", "foot"): N_("both feet"),
    ("left", "thigh"): N_("left thigh"), ("right", "thigh"): N_("right thigh"),
    ("both", "thigh"): N_("both thighs"),
}


def leg_words(leg: str, place: str | None = None) -> str:
    """'left leg', 'right calf', 'both legs', 'both feet': a leg (and where on it) as said aloud."""
    phrase = _LEG_PHRASES.get((leg, place or "leg"))
    return _(phrase) if phrase else f"{leg} {place or 'leg'}"
