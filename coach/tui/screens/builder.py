"""The routine builder: make a routine your own without ever opening YAML.

It edits a list of steps; saving writes the same readable YAML `coach new` writes, checks it
with the loader, and reloads the library so the routine appears at once.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from coach import locations
from coach.durations import DurationError, format_clock, format_duration, parse_duration
from coach.engine.text_views import exercise_text
from coach.engine.timeline import build_timeline
from coach.model import Dose, Holds, Routine, RoutineStep, Sides, Timed
from coach.routines.library import load_library
from coach.routines.nodes import NAME_PATTERN
from coach.routines.writer import routine_yaml
from coach.tui.coach_screen import CoachModalScreen, CoachScreen

SIDES_ORDER = (Sides.EACH, Sides.BOTH, Sides.LEFT, Sides.RIGHT, Sides.CHOSEN)


def dose_text(dose: Dose) -> str:
    if isinstance(dose, Timed):
        return format_duration(dose.duration)
    return f"hold {format_duration(dose.hold)}, rest {format_duration(dose.rest) if dose.rest else '0'} ×{dose.reps}"


def step_label(number: int, step: RoutineStep) -> str:
    sides = {Sides.EACH: "each leg", Sides.BOTH: "both legs", Sides.LEFT: "left leg",
             Sides.RIGHT: "right leg", Sides.CHOSEN: "the cramped leg"}[step.sides]
    return f"{number:>2}. {step.exercise.name} · {dose_text(step.dose)} · {sides}"


class ExercisePicker(CoachModalScreen[str | None]):
    """Choose an exercise, reading how it is done before adding it."""
    DEFAULT_CSS = """
    ExercisePicker {
        align: center middle;
        background: $background 70%;
    }
    #picker {
        width: 90%;
        height: 80%;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    #picker-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #picker-list {
        width: 40%;
        height: 1fr;
    }
    #picker-detail {
        width: 1fr;
        padding: 0 2;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        exercises = self.app.library.exercises
        with Vertical(id="picker"):
            yield Static("Add which exercise? Enter adds it.", id="picker-title")
            with Horizontal():
                yield OptionList(*[Option(Text(f"{e.name} ({e.position.value})"), id=e.id) for e in exercises.values()],
                                 id="picker-list")
                yield Static(id="picker-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        exercise = self.app.library.exercises[event.option.id or ""]
        self.query_one("#picker-detail", Static).update(exercise_text(exercise))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class BuilderScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #builder {
        padding: 1 2;
    }
    #builder-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #builder-names, #builder-dose {
        height: auto;
    }
    #builder-names Label, #builder-dose Label {
        padding: 1 1 0 0;
    }
    #routine-name {
        width: 24;
    }
    #routine-title {
        width: 1fr;
    }
    #builder-steps {
        height: 1fr;
        min-height: 4;
        border: round $panel-lighten-2;
        background: $background;
    }
    #builder-steps > .option-list--option-highlighted,
    #builder-steps:focus > .option-list--option-highlighted {
        background: $primary 22%;
        color: $foreground;
    }
    #builder-dose Input {
        width: 12;
    }
    #dose-hint {
        color: $text-muted;
    }
    #builder-total {
        color: $secondary;
    }
    #builder-message {
        color: $warning;
    }
    """
    BINDINGS = [
        Binding("a", "add", "Add exercise"),
        Binding("d,delete", "remove", "Remove"),
        Binding("shift+up", "move(-1)", "Move up", key_display="⇧↑"),
        Binding("shift+down", "move(1)", "Move down", key_display="⇧↓"),
        Binding("s", "cycle_sides", "Sides"),
        Binding("t", "toggle_timed", "Timed/holds"),
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, base: Routine):
        super().__init__()
        self.base = base
        self.steps: list[RoutineStep] = list(base.steps)

    def compose(self) -> ComposeResult:
        name = self.base.name if self.base.origin and self._is_users(self.base) else f"my-{self.base.name}"
        with Vertical(id="builder"):
            yield Static(f"Routine builder · starting from '{self.base.title}'", id="builder-title", markup=False)
            with Horizontal(id="builder-names"):
                yield Label("Name")
                yield Input(value=name[:40], id="routine-name", max_length=40)
                yield Label("Title")
                yield Input(value=f"{self.base.title} (mine)" if name != self.base.name else self.base.title,
                            id="routine-title", max_length=80)
            yield OptionList(id="builder-steps")
            with Horizontal(id="builder-dose"):
                yield Label("This step:", id="dose-label")
                for field, label, width in (("hold", "hold", 8), ("rest", "rest", 8), ("reps", "times", 3),
                                            ("duration", "for", 8)):
                    yield Label(label, id=f"label-{field}")
                    yield Input(id=f"dose-{field}", max_length=width, placeholder=field)
                yield Label("Enter applies", id="dose-hint")
            yield Static(id="builder-total", markup=False)
            yield Static(id="builder-message", markup=False)
        yield Footer(show_command_palette=False)

    @staticmethod
    def _is_users(routine: Routine) -> bool:
        return routine.origin is not None and locations.user_routines_dir() in routine.origin.parents

    def on_mount(self) -> None:
        self.refresh_steps(0)
        self.query_one("#builder-steps", OptionList).focus()

    # --- showing ---------------------------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self.query_one("#builder-steps", OptionList).highlighted

    def refresh_steps(self, select: int | None = None) -> None:
        options = self.query_one("#builder-steps", OptionList)
        options.clear_options()
        options.add_options([Option(Text(step_label(n, step))) for n, step in enumerate(self.steps, start=1)])
        if self.steps:
            options.highlighted = min(max(select or 0, 0), len(self.steps) - 1)
        self.query_one("#builder-total", Static).update(self._total_text())
        self._show_dose()

    def _total_text(self) -> str:
        if not self.steps:
            return "No steps yet: press a to add an exercise."
        total = build_timeline(self._routine(self.base.name, self.base.title)).total
        return f"Total time: {format_clock(total)} ({len(self.steps)} steps)"

    def _show_dose(self) -> None:
        index = self.selected
        timed = index is not None and isinstance(self.steps[index].dose, Timed)
        for field in ("hold", "rest", "reps"):
            for widget in (f"#dose-{field}", f"#label-{field}"):
                self.query_one(widget).display = index is not None and not timed
        for widget in ("#dose-duration", "#label-duration"):
            self.query_one(widget).display = timed
        if index is None:
            return
        dose = self.steps[index].dose
        if isinstance(dose, Timed):
            self.query_one("#dose-duration", Input).value = format_duration(dose.duration)
        else:
            self.query_one("#dose-hold", Input).value = format_duration(dose.hold)
            self.query_one("#dose-rest", Input).value = format_duration(dose.rest) if dose.rest else "0"
            self.query_one("#dose-reps", Input).value = str(dose.reps)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "builder-steps":
            self._show_dose()

    def say(self, text: str) -> None:
        self.query_one("#builder-message", Static).update(text)

    # --- changing --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("dose-"):
            self.apply_dose()
        else:
            self.action_save()

    def apply_dose(self) -> None:
        index = self.selected
        if index is None:
            return
        step = self.steps[index]
        dose: Dose
        try:
            if isinstance(step.dose, Timed):
                dose = Timed(parse_duration(self.query_one("#dose-duration", Input).value))
            else:
                rest_text = self.query_one("#dose-rest", Input).value.strip()
                reps_text = self.query_one("#dose-reps", Input).value.strip()
                if not (reps_text.isascii() and reps_text.isdigit()) or not 1 <= int(reps_text) <= 50:
                    raise DurationError("reps should be a whole number from 1 to 50")
                dose = Holds(parse_duration(self.query_one("#dose-hold", Input).value),
                             0 if rest_text in ("0", "0s") else parse_duration(rest_text), int(reps_text))
        except DurationError as error:
            self.say(f"That time {error}: write it like 45s, 1m30s or 2m." if "reps" not in str(error)
                     else f"{error}.")
            return
        self.steps[index] = replace(step, dose=dose)
        self.say("")
        self.refresh_steps(index)
        self.query_one("#builder-steps", OptionList).focus()

    def action_add(self) -> None:
        def added(exercise_id: str | None) -> None:
            if exercise_id:
                exercise = self.app.library.exercises[exercise_id]
                sides = Sides.EACH if exercise.per_side else Sides.BOTH
                at = (self.selected + 1) if self.selected is not None else len(self.steps)
                self.steps.insert(at, RoutineStep(exercise, exercise.dose, sides, get_ready=5))
                self.refresh_steps(at)

        self.app.push_screen(ExercisePicker(), added)

    def action_remove(self) -> None:
        index = self.selected
        if index is not None:
            del self.steps[index]
            self.refresh_steps(index)

    def action_move(self, offset: int) -> None:
        index = self.selected
        if index is None or not 0 <= index + offset < len(self.steps):
            return
        self.steps[index], self.steps[index + offset] = self.steps[index + offset], self.steps[index]
        self.refresh_steps(index + offset)

    def action_cycle_sides(self) -> None:
        index = self.selected
        if index is not None:
            step = self.steps[index]
            following = SIDES_ORDER[(SIDES_ORDER.index(step.sides) + 1) % len(SIDES_ORDER)]
            self.steps[index] = replace(step, sides=following)
            self.refresh_steps(index)

    def action_toggle_timed(self) -> None:
        index = self.selected
        if index is not None:
            step = self.steps[index]
            dose = Holds(min(step.dose.total, 30), 10, 2) if isinstance(step.dose, Timed) else Timed(step.dose.total)
            self.steps[index] = replace(step, dose=dose)
            self.refresh_steps(index)

    # --- saving ----------------------------------------------------------------------

    def _routine(self, name: str, title: str) -> Routine:
        return Routine(name=name, title=title, description=self.base.description, steps=tuple(self.steps),
                       get_ready=self.base.get_ready, switch_legs=self.base.switch_legs)

    def action_save(self) -> None:
        name = self.query_one("#routine-name", Input).value.strip()
        title = self.query_one("#routine-title", Input).value.strip()
        if not NAME_PATTERN.match(name):
            self.say("The name needs lower-case letters, digits and hyphens, like my-evening.")
            return
        if not title:
            self.say("Give the routine a title.")
            return
        if not self.steps:
            self.say("Add at least one exercise before saving.")
            return
        folder = locations.user_routines_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.yaml"
        text = routine_yaml(self._routine(name, title), f"Made in the routine builder from '{self.base.name}'.")
        previous = path.read_text(encoding="utf-8") if path.exists() else None
        path.write_text(text, encoding="utf-8")
        library = load_library()
        problems = library.problems_in([path])
        if problems:  # never leave a broken file behind
            if previous is None:
                path.unlink()
            else:
                path.write_text(previous, encoding="utf-8")
            self.say(f"Not saved: {problems[0].message} — {problems[0].fix}")
            return
        self.app.library = library
        replaced = " It replaces coach's own for you." if name in library.overridden else ""
        self.app.notify(f"Saved '{title}' to {path}.{replaced}", timeout=6, markup=False)
        self.app.pop_screen()

    def action_close(self) -> None:
        self.app.pop_screen()
