"""Text from files and from people, on a terminal: what may be shown as it is, and how the rest is.

A routine file, a cramp note or a path can hold escape sequences (``\\x1b]0;…\\a`` retitles the
window, ``\\x1b[2J`` clears it), a bell, a carriage return or a right-to-left override that makes
text read backwards. Names, titles and descriptions with them are refused when a file is loaded;
anything else that reaches a terminal goes through `visible`, which spells such characters out.
"""

from __future__ import annotations

import unicodedata

from coach.i18n import N_, _

# Characters that reorder the text around them: shown, they make a line say something else.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_unprintable(character: str, allow_newline: bool = False) -> bool:
    """Control, bidi-override and lone-surrogate characters; a newline only if not allowed."""
    if character == "\n":
        return not allow_newline
    return (unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp")
            or character in _BIDI_CONTROLS)


def first_unprintable(text: str, allow_newline: bool = False) -> str | None:
    """The first character of `text` that must not reach a terminal as it is, if any."""
    # isprintable() is False for every category refused here (Cc, Cs, Zl, Zp; the bidi controls
    # are all Cf) and checks in C: most texts, in any script, need no look at each character.
    if text.isprintable():
        return None
    return next((c for c in text if is_unprintable(c, allow_newline)), None)


def describe(character: str) -> str:
    """'U+001B (an escape character)', for messages that say what was found."""
    name = {"\x1b": N_("an escape character"), "\a": N_("a bell"), "\r": N_("a carriage return"),
            "\t": N_("a tab"), "\n": N_("a line break"), "\b": N_("a backspace")}.get(character)
    if name is None and character in _BIDI_CONTROLS:
        name = N_("a text-direction control")
    if name is None and unicodedata.category(character) == "Cs":
        name = N_("a byte that is not UTF-8 text")
    return f"U+{ord(character):04X} ({_(name or N_('a control character'))})"


def visible(text: str, allow_newline: bool = False) -> str:
    """`text` with every unprintable character spelt out, as Python would: ``\\x1b``, ``\\u202e``."""
    if first_unprintable(text, allow_newline) is None:
        return text
    return "".join(_spelt(c) if is_unprintable(c, allow_newline) else c for c in text)


def _spelt(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
