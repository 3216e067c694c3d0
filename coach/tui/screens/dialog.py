"""A small question with a few answers, each on a button and a key."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from coach.frozen import frozen
from coach.i18n import N_, _

T = TypeVar("T")
ANSWER_HELP = N_("answer '{answer}'")
CANCEL_HELP = N_("close this question without choosing")


def answer_action(index: int) -> str:
    """The action an answer's key runs: 'answer(0)'."""
    return f"answer({index})"


@frozen
class Answer(Generic[T]):
    label: str  # in English, marked with N_(): shown in the person's language
    key: str
    value: T
    variant: ButtonVariant = "default"


class ChoiceDialog(ModalScreen[T | None]):
    """Dismisses with the chosen answer's value, or None on escape.

    QUESTION and the answers' labels are English, marked with N_(), and translated when shown;
    a dialog whose question holds a name sets `self.question` (translated and filled) instead."""
    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        background: $background 70%;
    }
    #dialog {
        width: 56;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    #question {
        text-align: center;
        text-style: bold;
        margin-bottom: 1;
    }
    #buttons {
        height: auto;
        align-horizontal: center;
    }
    #buttons Button {
        margin: 0 1;
        min-width: 12;
    }
    """

    QUESTION = ""
    ANSWERS: tuple[Answer[T], ...] = ()
    FOCUS_INDEX = 0
    KEY_HELP: dict[str, str] = {}
    HELP_TITLE = ""
    HELP_INTRO = N_("Press the key in brackets, or Tab to a button and Enter.")

    def __init__(self) -> None:
        super().__init__()
        self.question = _(self.QUESTION)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Each answer's key, declared before Textual reads the class's bindings.
        # The label is English here (marked with N_ where the answer is declared), translated when shown.
        cls.BINDINGS = [Binding(answer.key, answer_action(index), answer.label)
                        for index, answer in enumerate(cls.ANSWERS)]
        cls.BINDINGS.append(Binding("escape", "cancel", "Cancel"))
        cls.KEY_HELP = {answer_action(index): ANSWER_HELP for index, answer in enumerate(cls.ANSWERS)}
        cls.KEY_HELP["cancel"] = CANCEL_HELP
        cls.HELP_TITLE = cls.QUESTION.split("\n")[0]
        super().__init_subclass__(**kwargs)

    @classmethod
    def key_help(cls) -> dict[str, str]:
        """The help's words for each key, in the person's language, each answer by its label."""
        words = {answer_action(index): _(ANSWER_HELP).format(answer=_(answer.label))
                 for index, answer in enumerate(cls.ANSWERS)}
        words["cancel"] = _(CANCEL_HELP)
        return words

    def help_title(self) -> str:
        return self.question.split("\n")[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                for index, answer in enumerate(self.ANSWERS):
                    yield Button(f"{_(answer.label)} ({answer.key})", id=f"answer-{index}", variant=answer.variant)

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.FOCUS_INDEX}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(int((event.button.id or "").removeprefix("answer-")))

    def action_answer(self, index: int) -> None:
        self.dismiss(self.ANSWERS[index].value)

    def action_cancel(self) -> None:
        self.dismiss(None)
