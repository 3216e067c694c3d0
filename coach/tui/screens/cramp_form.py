"""Logging or correcting a cramp from the app: the same questions as `coach cramp`.

A wrong answer is explained beside its own question and the cursor goes there, with that answer
selected and nothing else, so what the person types next replaces only the wrong answer. Esc asks
before throwing away anything typed.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, RadioSet, Static
from textual.widgets.input import Selection

from coach.history.cramp_entry import (
    LEGS,
    MAX_NOTE_CHARACTERS,
    PLACES,
    CrampEntry,
    CrampValueError,
    check_note,
    parse_minutes,
    parse_severity,
)
from coach.history.store import CrampRecord, HistoryError
from coach.history.when import EXAMPLES, WhenError, parse_when
from coach.i18n import N_, _, pgettext
from coach.model import Side
from coach.safety import long_cramp_advice
from coach.tui.coach_screen import CoachScreen
from coach.tui.screens.dialog import Answer, ChoiceDialog
from coach.tui.widgets.marked_radio import MarkedRadioButton
from coach.tui.widgets.translated_footer import TranslatedFooter
from coach.words import leg_words

WOKE = ("yes", "no")
# The answers as shown: the stored values (left, calf, yes...) stay English.
CHOICE_WORDS = {"left": N_("Left"), "right": N_("Right"), "both": N_("Both"), "calf": N_("Calf"),
                "foot": N_("Foot"), "thigh": N_("Thigh"), "yes": N_("Yes"), "no": N_("No")}


def typed_when(hint: str) -> str:
    """The first answer offered ('now', 'last night 03:00') in the words of the person's language,
    which the diary reads back as well as the English ones."""
    for word in ("now", "last night"):
        if hint == word or hint.startswith(f"{word} "):
            return pgettext("typed time", word) + hint[len(word):]
    return hint


def choice_word(value: str) -> str:
    word = CHOICE_WORDS.get(value)
    return _(word) if word else value.capitalize()
FIELDS = ("when", "leg", "place", "severity", "minutes", "woke", "note")


class DiscardTyped(ChoiceDialog[bool]):
    QUESTION = N_("Throw away what you typed?\nNothing has been saved yet.")
    ANSWERS = (Answer(N_("Throw away"), "y", True, "error"), Answer(N_("Keep typing"), "n", False, "primary"))
    FOCUS_INDEX = 1  # the safe answer


class CrampForm(CoachScreen[bool]):
    """Dismisses with True once something was saved."""

    DEFAULT_CSS = """
    #cramp-form Input {
        width: 40;
        margin-bottom: 1;
    }
    #cramp-form #note {
        width: 70;
        max-width: 100%;
    }
    .field-error {
        color: $error;
        text-style: bold;
        height: auto;
        margin-bottom: 1;
    }
    #cramp-form Label {
        width: 100%;  /* long questions wrap at 60 columns instead of running off the edge */
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
    HELP_TITLE = N_("logging a cramp")
    HELP_INTRO = N_("Tab and Shift+Tab move between the questions; ↑ and ↓ choose a leg or a place. "
                    "F1 opens this help from any box.")
    KEY_HELP = {"save": N_("save the cramp in your diary (Enter in a box does the same)"),
                "cancel": N_("leave without saving")}

    def __init__(self, leg: Side | None = None, record: CrampRecord | None = None, when_hint: str = "now"):
        super().__init__()
        self.record = record
        self.when_hint = when_hint
        if record is not None:
            self.leg: str | None = record.leg
        else:
            self.leg = leg.value if leg in (Side.LEFT, Side.RIGHT, Side.BOTH) else None
        self._untouched: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        record = self.record
        place = record.place if record else "calf"
        woke = None if record is None or record.woke is None else ("yes" if record.woke else "no")
        with VerticalScroll(id="cramp-form", classes="page"):
            yield Static(_("Correct a cramp") if record else _("Log a cramp"), id="form-title", classes="page-title")
            yield Static(_("Tab moves to the next question; Enter saves."), id="form-hint")
            yield Label(_("When did it happen? ({examples})").format(examples=_(EXAMPLES)), markup=False)
            yield Input(value=record.at.strftime("%Y-%m-%d %H:%M") if record else typed_when(self.when_hint),
                        id="when")
            yield self._error("when")
            yield Label(_("Which leg?"))
            with RadioSet(id="leg"):
                for leg in LEGS:
                    yield MarkedRadioButton(choice_word(leg), value=leg == self.leg, id=f"leg-{leg}")
            yield self._error("leg")
            yield Label(_("Where in the leg?"))
            with RadioSet(id="place"):
                for name in PLACES:
                    yield MarkedRadioButton(choice_word(name), value=name == place, id=f"place-{name}")
            yield self._error("place")
            yield Label(_("How bad, from 1 (mild) to 10 (worst)?"))
            yield Input(value=str(record.severity) if record else "", placeholder="1-10", id="severity",
                        restrict=r"[0-9]*", max_length=2)
            yield self._error("severity")
            yield Label(_("How long did it last, in minutes? (if you know)"))
            yield Input(value=f"{record.minutes:g}" if record and record.minutes is not None else "",
                        placeholder=_("minutes"), id="minutes", restrict=r"[0-9.,]*", max_length=5)
            yield self._error("minutes")
            yield Label(_("Did it wake you? (if you want to say)"))
            with RadioSet(id="woke"):
                for answer in WOKE:
                    yield MarkedRadioButton(choice_word(answer), value=answer == woke, id=f"woke-{answer}")
            yield self._error("woke")
            yield Label(_("Anything else? (optional)"))
            yield Input(value=record.note or "" if record else "", id="note", max_length=MAX_NOTE_CHARACTERS)
            yield self._error("note")
            with Horizontal(id="form-buttons"):
                yield Button(_("Save (ctrl+s)"), id="save", variant="primary")
                yield Button(_("Cancel (esc)"), id="cancel")
        yield TranslatedFooter()

    @staticmethod
    def _error(field: str) -> Static:
        error = Static(id=f"{field}-error", classes="field-error", markup=False)
        error.display = False
        return error

    def on_mount(self) -> None:
        self._untouched = self._answers()
        self.query_one("#when", Input).focus()

    def _answers(self) -> tuple[object, ...]:
        inputs = tuple(field.value for field in self.query(Input))
        choices = tuple(radios.pressed_index for radios in self.query(RadioSet))
        return inputs + choices

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        if self._answers() == self._untouched:
            self.dismiss(False)
            return
        self.app.push_screen(DiscardTyped(), self._discard_if)

    def _discard_if(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(False)

    def _chosen(self, field: str, names: tuple[str, ...]) -> str | None:
        pressed = self.query_one(f"#{field}", RadioSet).pressed_index
        return names[pressed] if pressed >= 0 else None

    def _entry(self) -> CrampEntry:
        """What the form says, or CrampValueError naming the first question with a wrong answer."""
        try:
            at: datetime = parse_when(self.query_one("#when", Input).value, self.app.now())
        except WhenError as problem:
            raise CrampValueError("when", str(problem)) from None
        leg = self._chosen("leg", LEGS)
        if leg is None:
            raise CrampValueError("leg", _("Choose which leg."))
        severity = parse_severity(self.query_one("#severity", Input).value)
        minutes = parse_minutes(self.query_one("#minutes", Input).value)
        woke = self._chosen("woke", WOKE)
        note = check_note(self.query_one("#note", Input).value)
        return CrampEntry(at, leg, severity, minutes, note, self._chosen("place", PLACES),
                          None if woke is None else woke == "yes")

    def action_save(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        store = self.app.history
        if store is None:  # the form is offered only with a history; be safe all the same
            self._show_error("when", _("Your history cannot be opened, so the cramp cannot be saved."))
            return
        try:
            entry = self._entry()
            if self.record is None:
                store.add_cramp(entry)
            else:
                store.correct_cramp(self.record.id, entry)
        except CrampValueError as problem:
            self._show_error(problem.field, str(problem))
            return
        except HistoryError as problem:  # a read-only or full disk: say so, and keep what was typed
            self._show_error("note", _("Not saved: {problem}").format(problem=problem))
            return
        said = _("Cramp corrected: {leg}, {severity}/10.") if self.record else _("Cramp logged: {leg}, {severity}/10.")
        self.app.notify(said.format(leg=leg_words(entry.leg, entry.place), severity=entry.severity), timeout=4)
        advice = long_cramp_advice(entry.minutes)
        if advice:
            self.app.notify(advice, severity="warning", timeout=20)
        self.dismiss(True)

    def _show_error(self, field: str, message: str) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update(message[:1].upper() + message[1:])
        error.display = True
        for other in self.query(Input):  # a selection left elsewhere would be replaced by typing
            other.selection = Selection.cursor(len(other.value))
        target: Widget = self.query_one(f"#{field}")
        target.focus()
        if isinstance(target, Input):
            target.selection = Selection(0, len(target.value))  # typing replaces only the wrong answer
        self.call_after_refresh(error.scroll_visible, animate=False)
