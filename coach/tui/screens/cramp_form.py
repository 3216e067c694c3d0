"""Logging a cramp from the app: the same questions as `coach cramp`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, RadioSet, Static

from coach.history.when import EXAMPLES, WhenError, parse_when
from coach.model import Side
from coach.safety import long_cramp_advice
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.marked_radio import MarkedRadioButton
from coach.words import leg_words

LEGS = ("left", "right", "both")


class CrampForm(CoachScreen[bool]):
    DEFAULT_CSS = """
    #cramp-form {
        padding: 1 2;
    }
    #form-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #cramp-form Input {
        width: 40;
        margin-bottom: 1;
    }
    #cramp-form #note {
        width: 70;
        max-width: 100%;
    }
    #form-error {
        color: $error;
        text-style: bold;
        height: auto;
    }
    #form-hint {
        color: $text-muted;
    }
    #cramp-form RadioSet {
        width: 30;
        margin-bottom: 1;
    }
    #form-buttons {
        height: auto;
        margin-top: 1;
    }
    #form-buttons Button {
        margin-right: 2;
    }
    """
    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]
    HELP_TITLE = "logging a cramp"
    HELP_INTRO = ("Tab and Shift+Tab move between the questions; ↑ and ↓ choose a leg. "
                  "Only the leg and how bad are needed.")
    KEY_HELP = {"save": "save the cramp in your diary (Enter in a box does the same)",
            "cancel": "leave without saving"}

    def __init__(self, leg: Side | None = None):
        super().__init__()
        self.leg = leg.value if leg in (Side.LEFT, Side.RIGHT, Side.BOTH) else None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="cramp-form"):
            yield Static("Log a cramp", id="form-title")
            yield Static("Tab moves to the next question; Enter saves.", id="form-hint")
            yield Static(id="form-error", markup=False)  # at the top, where it is seen
            yield Label(f"When did it happen? ({EXAMPLES})")
            yield Input(value="now", id="when")
            yield Label("Which leg?")
            with RadioSet(id="leg"):
                for leg in LEGS:
                    yield MarkedRadioButton(leg.capitalize(), value=leg == self.leg, id=f"leg-{leg}")
            yield Label("How bad, from 1 (mild) to 10 (worst)?")
            yield Input(placeholder="1-10", id="severity", restrict=r"[0-9]*", max_length=2)
            yield Label("How long did it last, in minutes? (if you know)")
            yield Input(placeholder="minutes", id="minutes", restrict=r"[0-9.]*", max_length=5)
            yield Label("Anything else? (optional)")
            yield Input(id="note", max_length=500)
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#when", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_save(self) -> None:
        error = self.query_one("#form-error", Static)
        self.query_one("#cramp-form").scroll_home(animate=False)
        try:
            at = parse_when(self.query_one("#when", Input).value, self.app.now())
        except WhenError as problem:
            error.update(str(problem))
            return
        pressed = self.query_one(RadioSet).pressed_index
        if pressed < 0:
            error.update("Choose which leg.")
            return
        severity_text = self.query_one("#severity", Input).value
        if not severity_text.isdigit() or not 1 <= int(severity_text) <= 10:
            error.update("Give how bad it was as a number from 1 to 10.")
            return
        minutes_text = self.query_one("#minutes", Input).value.strip()
        try:
            minutes = float(minutes_text) if minutes_text else None
        except ValueError:
            error.update("Give how long it lasted in minutes, like 2 or 1.5, or leave it empty.")
            return
        note = self.query_one("#note", Input).value.strip() or None
        if self.app.history is None:  # the form is offered only with a history; be safe all the same
            error.update("Your history cannot be opened, so the cramp cannot be saved.")
            return
        self.app.history.log_cramp(at, LEGS[pressed], int(severity_text), minutes, note)
        self.app.notify(f"Cramp logged: {leg_words(LEGS[pressed])}, {severity_text}/10.", timeout=4)
        advice = long_cramp_advice(minutes)
        if advice:
            self.app.notify(advice, severity="warning", timeout=20)
        self.dismiss(True)
