"""The exercise library: every exercise with its steps, cautions and sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from coach.engine.text_views import exercise_text
from coach.i18n import N_, _
from coach.routines.library import Library
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.exercise_picture import ExercisePicture
from coach.tui.widgets.translated_footer import TranslatedFooter


class ExercisesScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    .exercise {
        margin-bottom: 1;
    }
    .exercise-entry {
        height: auto;
    }
    .exercise-entry > .exercise {
        width: 1fr;
    }
    .exercise-picture {
        width: 40%;
        max-width: 48;
        height: 14;
        margin: 0 0 1 2;
    }
    """
    BINDINGS = [Binding("escape,q", "close", "Back")]
    HELP_TITLE = N_("the exercises")
    HELP_INTRO = N_("Every exercise coach knows and how it is done. ↑ and ↓ scroll.")
    KEY_HELP = {"close": N_("back to the start screen")}

    def __init__(self, library: Library):
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="exercises", classes="page"):
            yield Static(_("Exercise library"), id="exercises-title", classes="page-title")
            for exercise in self.library.exercises.values():
                with Horizontal(classes="exercise-entry"):
                    yield Static(exercise_text(exercise), classes="exercise", markup=False)
                    if exercise.picture is not None:
                        yield ExercisePicture(exercise, classes="exercise-picture")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#exercises").focus()

    def action_close(self) -> None:
        self.app.pop_screen()
