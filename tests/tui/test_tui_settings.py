"""The settings screen: every setting shown, checked and saved; the cue mode used at once."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from coach.settings import load_settings
from coach.settings_text import DESCRIPTIONS
from coach.tui.screens.settings import SettingsScreen

from tui_helpers import SIZE, make_app


async def test_every_setting_is_shown_and_changes_are_saved(clock, coach_home):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        for key in DESCRIPTIONS:
            assert screen.query_one(f"#setting-{key}")
        assert screen.query_one("#setting-pregnant", Select).value == "not said"
        screen.query_one("#setting-cues", Select).value = "tones"
        screen.query_one("#setting-pregnant", Select).value = "no"
        screen.query_one("#setting-volume", Input).value = "40"
        screen.query_one("#setting-language", Select).value = "de"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.cue_mode == "tones" and app.settings.volume == 40
    saved = load_settings().settings
    assert (saved.cues, saved.volume, saved.pregnant, saved.language) == ("tones", 40, False, "de")


async def test_a_wrong_value_is_explained_and_nothing_is_saved(clock, coach_home):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#setting-voice_rate", Input).value = "fast"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(screen.query_one("#settings-error").content) == "'voice_rate' must be a whole number, not 'fast'"
    assert not (coach_home / "settings.toml").exists()


@pytest.mark.parametrize("language", ["de", "es", "ru"])
async def test_the_settings_screen_explains_each_setting_without_the_command_lines_english_values(
        clock, coach_home, language):
    """Its choices are offered as words; `coach settings` names the values typed there (voice,
    tones, yes, not-said), which would read as English beside them."""
    import re

    from coach.i18n import use_language

    use_language(language)
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        explained = " ".join(str(about.content) for about in app.screen.query(".setting-about"))
    typed_values = {"voice", "tones", "bell", "silent", "yes", "no", "not-said", "auto", "small", "large"}
    assert not typed_values & set(re.findall(r"[a-z-]+", explained))
