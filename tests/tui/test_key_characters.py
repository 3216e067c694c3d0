"""coach answers which character a named key types as Textual would, without Unicode's name tables."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import unicodedata

import pytest
import textual.keys
import textual.screen
from textual.binding import Binding
from textual.dom import DOMNode

import coach.tui
from coach.tui import key_characters
from coach.tui.key_characters import NAMED_KEY_CHARACTERS, key_to_character

from tui_helpers import SIZE, make_app, routine_begun


def keys_bound_in_coach() -> set[str]:
    """Every key any of coach's app, screens and widgets binds, with those of the Textual classes
    they are built on (a scrolling container's arrows, a list's enter)."""
    for module in pkgutil.walk_packages(coach.tui.__path__, "coach.tui."):
        importlib.import_module(module.name)
    keys: set[str] = set()
    seen: set[type] = set()
    to_visit = [DOMNode]
    while to_visit:
        cls = to_visit.pop()
        for subclass in cls.__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                to_visit.append(subclass)
    for cls in seen:
        if not cls.__module__.startswith("coach."):
            continue
        for ancestor in inspect.getmro(cls):
            for binding in vars(ancestor).get("BINDINGS", []):
                key = binding.key if isinstance(binding, Binding) else binding[0]
                keys.update(part.strip() for part in key.split(","))
    return keys


def test_the_table_gives_textuals_answer_for_each_key():
    for key, character in NAMED_KEY_CHARACTERS.items():
        assert character == textual.keys.key_to_character(key), key


def test_every_key_bound_in_coach_gets_textuals_answer():
    keys = keys_bound_in_coach()
    assert {"space", "left", "right", "escape", "question_mark", "f1", "q", "ctrl+c"} <= keys
    for key in keys:
        assert key_to_character(key) == textual.keys.key_to_character(key), key


def test_a_key_not_in_the_table_is_asked_of_textual():
    assert "tilde" not in NAMED_KEY_CHARACTERS
    assert key_to_character("tilde") == "~" == textual.keys.key_to_character("tilde")


async def test_a_focused_run_screen_reads_no_unicode_names(clock, monkeypatch: pytest.MonkeyPatch):
    looked_up: list[str] = []
    real_lookup = unicodedata.lookup

    def lookup(name: str) -> str:
        looked_up.append(name)
        return real_lookup(name)

    monkeypatch.setattr(unicodedata, "lookup", lookup)
    monkeypatch.setattr(textual.screen, "key_to_character", textual.keys.key_to_character)
    textual.keys.key_to_character.cache_clear()  # as in a fresh process
    app = make_app(clock, start="quick")
    assert textual.screen.key_to_character is key_characters.key_to_character  # the app put it there
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        assert app.screen.focused is not None  # the keys above a focused widget are each asked about
        assert app.screen.active_bindings
        await pilot.pause()
    assert looked_up == []
