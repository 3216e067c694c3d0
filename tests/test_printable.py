"""The quick check of text from files gives the same answer as looking at every character."""

from __future__ import annotations

import sys

from coach.printable import first_unprintable, is_unprintable


def test_every_character_python_calls_printable_is_one_coach_lets_through() -> None:
    # first_unprintable trusts str.isprintable() for a whole text; this is why it may.
    refused = [hex(code) for code in range(sys.maxunicode + 1)
               if chr(code).isprintable() and is_unprintable(chr(code))]
    assert refused == []


def test_texts_in_any_script_pass_and_controls_are_still_found() -> None:
    assert first_unprintable("Растяжка икры у стены. Übung. ¿Sigue tenso?") is None
    assert first_unprintable("Растяжка\u202eикры") == "\u202e"
    assert first_unprintable("line\nbreak") == "\n"
    assert first_unprintable("line\nbreak", allow_newline=True) is None
    assert first_unprintable("tab\there", allow_newline=True) == "\t"
