"""Which character a named key types, answered without reading Unicode's name tables.

While a widget has the focus, Textual asks, of every key bound above it, which character that key
types (`textual.keys.key_to_character`), so that a text box can keep its letters. For a named key
('left', 'escape', 'f1') Textual finds out with `unicodedata.lookup`, and every lookup reads
pages of Unicode's name tables into memory: 0.8 MiB for the seven named keys of the run screen,
an eighth of all that coach adds to a bare Textual app on screen. The usual named keys are
answered here from a table; any other key is still asked of Textual. A test checks each answer,
and every key bound anywhere in coach, against Textual's own.
"""

from __future__ import annotations

import textual.screen
from textual.keys import key_to_character as textual_key_to_character

# Textual's answers (see the test): None where a key types no character.
NAMED_KEY_CHARACTERS: dict[str, str | None] = {
    "space": " ", "tab": "\t", "escape": "\x1b", "backspace": "\x08", "delete": "\x7f",
    "question_mark": "?", "full_stop": ".", "comma": ",", "exclamation_mark": "!",
    "enter": None, "insert": None, "minus": None, "plus": None, "slash": None,
    "up": None, "down": None, "left": None, "right": None,
    "home": None, "end": None, "pageup": None, "pagedown": None,
    **{f"f{number}": None for number in range(1, 25)},
}


def key_to_character(key: str) -> str | None:
    if "+" in key:
        return None  # with a modifier (other than shift), as Textual answers
    if len(key) == 1:
        return key
    if key in NAMED_KEY_CHARACTERS:
        return NAMED_KEY_CHARACTERS[key]
    return textual_key_to_character(key)


def install() -> None:
    """Answer the screens' question from here (it is asked in `Screen._binding_chain`)."""
    textual.screen.key_to_character = key_to_character  # type: ignore[attr-defined,assignment]
