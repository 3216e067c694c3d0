"""Settings: every one of them, with what it means; saved to settings.toml when you press Save."""

from __future__ import annotations

from typing import Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select, Static

from coach.settings import CHECKS, COUNTDOWN_SIZES, CUE_MODES, settings_path
from coach.settings_text import CUE_MODE_LABELS, DESCRIPTIONS, SettingError, parse_value, show_value
from coach.tui.coach_screen import CoachScreen

NOT_SAID = "not said"
# Settings with a few fixed answers get a list to choose from; the rest are typed.
CHOICES: dict[str, list[tuple[str, str]]] = {
    "cues": [(CUE_MODE_LABELS[mode], mode) for mode in CUE_MODES],
    "ticks": [("yes", "yes"), ("no", "no")],
    "countdown_size": [(size, size) for size in COUNTDOWN_SIZES],
    "pregnant": [("yes", "yes"), ("no", "no"), (NOT_SAID, NOT_SAID)],
}


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
    HELP_TITLE = "settings"
    HELP_INTRO = ("How coach sounds and looks, and what it knows about you. Move between the settings with "
                  "Tab; each one says what it means. Nothing is kept until you save.")
    KEY_HELP = {"save": "check the settings and keep them for next time",
                "close": "back, without saving what you changed"}

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        with VerticalScroll(id="settings"):
            yield Static("Settings", id="settings-title")
            for key in CHECKS:
                shown = show_value(key, getattr(settings, key))
                with Horizontal(classes="setting"):
                    yield Label(key.replace("_", " "), classes="setting-name")
                    if key in CHOICES:
                        yield Select(CHOICES[key], value=getattr(settings, key) if key == "cues" else shown,
                                     allow_blank=False, id=f"setting-{key}")
                    else:
                        yield Input(value="" if shown == NOT_SAID else shown, id=f"setting-{key}",
                                    placeholder=NOT_SAID)
                    yield Static(DESCRIPTIONS[key], classes="setting-about", markup=False)
            yield Static(id="settings-error", markup=False)
            with Horizontal(classes="setting"):
                yield Button("Save", id="settings-save", variant="primary")
                yield Button("Back", id="settings-back")
            yield Static(f"Saved in {settings_path()}", id="settings-file", markup=False)
        yield Footer()

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

    def action_save(self) -> None:
        error = self.query_one("#settings-error", Static)
        try:
            changed = self.changes()
        except SettingError as problem:
            error.update(str(problem))
            return
        error.update("")
        if not changed:
            self.notify("Nothing changed", timeout=2)
            return
        mode = changed.pop("cues", None)
        if changed and not self.app.save_settings(changed):
            return
        if mode is not None:
            self.app.set_cue_mode(mode)
        self.notify("Settings saved", timeout=3)

    def action_close(self) -> None:
        self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "settings-save":
            self.action_save()
        elif event.button.id == "settings-back":
            self.action_close()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()
