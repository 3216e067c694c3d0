"""Settings: every one of them, with what it means; saved to settings.toml when you press Save.

The language is chosen from a list of coach's languages, each by its own name, and is used at
once: this screen is drawn again in it, and every other screen as soon as it is shown again.
"""

from __future__ import annotations

from typing import Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from coach.i18n import LANGUAGES, N_, _, choose_language, current_language
from coach.settings import CHECKS, COUNTDOWN_SIZES, CUE_MODES, settings_path
from coach.settings_text import CUE_MODE_LABELS, DESCRIPTIONS, SettingError, parse_value, show_value
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.translated_footer import TranslatedFooter

NOT_SAID = "not said"
AS_THE_SYSTEM = N_("as the system")
# The settings' names as shown (the file's keys stay as they are).
NAMES = {"cues": N_("cues"), "voice_rate": N_("voice rate"), "volume": N_("volume"), "ticks": N_("ticks"),
         "countdown_size": N_("countdown size"), "pregnant": N_("pregnant"), "language": N_("language")}
# Chosen from a list here, not typed as a code: said so in the screen's own words.
# What a setting means where its choices are offered as words: the command line's descriptions
# name the values typed there (voice, tones, yes, not-said), which read as English on this screen.
ABOUT_ON_SCREEN = {
    "cues": N_("what you hear at each change: words and tones, tones only, the terminal bell, or nothing"),
    "ticks": N_("soft ticks in the last 3 seconds of each hold"),
    "countdown_size": N_("the size of the big countdown; auto grows with the window"),
    "pregnant": N_("if yes, coach offers the pregnancy versions of its routines"),
    "language": N_("the language coach speaks and shows, used at once; as the system: the system's language"),
}
ANSWER_WORDS = {"yes": N_("yes"), "no": N_("no"), NOT_SAID: N_("not said"), "auto": N_("auto"),
                "small": N_("small"), "large": N_("large")}


def choices(key: str, value: Any) -> list[tuple[str, str]] | None:
    """The answers offered for a setting with a few fixed ones, as (shown, value); None: typed."""
    if key == "cues":
        return [(_(CUE_MODE_LABELS[mode]), mode) for mode in CUE_MODES]
    if key == "ticks":
        return [(_(ANSWER_WORDS[answer]), answer) for answer in ("yes", "no")]
    if key == "countdown_size":
        return [(_(ANSWER_WORDS.get(size, size)), size) for size in COUNTDOWN_SIZES]
    if key == "pregnant":
        return [(_(ANSWER_WORDS[answer]), answer) for answer in ("yes", "no", NOT_SAID)]
    if key == "language":
        # Each language by its own name, so a person finds theirs whatever the screen speaks now.
        offered = [(_(AS_THE_SYSTEM), NOT_SAID), *((name, code) for code, name in LANGUAGES.items())]
        if value is not None and value not in LANGUAGES:  # a code typed into the file: kept, not lost
            offered.append((value, value))
        return offered
    return None


class SettingsScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    SettingsScreen #settings { padding: 1 2; }
    SettingsScreen #settings-title { text-style: bold; color: $primary; margin-bottom: 1; }
    SettingsScreen .setting { height: auto; margin-bottom: 1; }
    SettingsScreen .setting-name { width: 16; padding-top: 1; text-style: bold; }
    SettingsScreen .setting Select, SettingsScreen .setting Input { width: 24; }
    SettingsScreen .setting-about { width: 1fr; padding: 1 0 0 2; color: $text-muted; }
    SettingsScreen #settings-error { color: $error; margin-bottom: 1; }
    SettingsScreen #settings-file { color: $text-muted; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "close", "Back")]
    HELP_TITLE = N_("settings")
    HELP_INTRO = N_("How coach sounds and looks, and what it knows about you. Move between the settings with "
                    "Tab; each one says what it means. Nothing is kept until you save.")
    KEY_HELP = {"save": N_("check the settings and keep them for next time"),
                "close": N_("back, without saving what you changed")}

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        with VerticalScroll(id="settings"):
            yield Static(_("Settings"), id="settings-title")
            for key in CHECKS:
                saved = getattr(settings, key)
                shown = show_value(key, saved)
                offered = choices(key, saved)
                with Horizontal(classes="setting"):
                    yield Label(_(NAMES[key]) if key in NAMES else key.replace("_", " "), classes="setting-name")
                    if offered is not None:
                        value = saved if key in ("cues", "language") and saved is not None else shown
                        yield Select(offered, value=value, allow_blank=False, id=f"setting-{key}")
                    else:
                        yield Input(value="" if shown == NOT_SAID else shown, id=f"setting-{key}",
                                    placeholder=_(NOT_SAID))
                    yield Static(_(ABOUT_ON_SCREEN.get(key, DESCRIPTIONS[key])), classes="setting-about", markup=False)
            yield Static(id="settings-error", markup=False)
            with Horizontal(classes="setting"):
                yield Button(_("Save"), id="settings-save", variant="primary")
                yield Button(_("Back"), id="settings-back")
            yield Static(_("Saved in {path}").format(path=settings_path()), id="settings-file", markup=False)
        yield TranslatedFooter()

    def typed(self, key: str) -> str:
        widget = self.query_one(f"#setting-{key}")
        if isinstance(widget, Select):
            return str(widget.value)
        return cast(Input, widget).value

    def changes(self) -> dict[str, Any]:
        """What differs from the saved settings; a SettingError names the first value that is wrong."""
        settings = self.app.settings
        changed = {}
        for key in CHECKS:
            value = parse_value(key, self.typed(key))
            if value != getattr(settings, key):
                changed[key] = value
        return changed

    async def action_save(self) -> None:
        error = self.query_one("#settings-error", Static)
        try:
            changed = self.changes()
        except SettingError as problem:
            error.update(str(problem))
            return
        error.update("")
        if not changed:
            self.notify(_("Nothing changed"), timeout=2)
            return
        mode = changed.pop("cues", None)
        if changed and not self.app.save_settings(changed):
            return
        if mode is not None:
            self.app.set_cue_mode(mode)
        if "language" in changed:
            language = choose_language(None, changed["language"])
            if language != current_language():
                self.app.speak_language(language)
                await self.redraw_in_language()  # the screens beneath follow when shown again
                self.query_one("#setting-language", Select).focus()
        self.notify(_("Settings saved"), timeout=3)

    def action_close(self) -> None:
        self.app.pop_screen()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "settings-save":
            await self.action_save()
        elif event.button.id == "settings-back":
            self.action_close()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        await self.action_save()
