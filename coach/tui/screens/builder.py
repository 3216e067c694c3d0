"""The routine builder: make a routine your own without ever opening YAML.

It edits a list of steps; saving writes the same readable YAML `coach new` writes, checks it
with the loader, and reloads the library so the routine appears at once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from coach import locations
from coach.durations import DurationError, format_clock, format_duration, parse_duration
from coach.engine.text_views import exercise_text
from coach.engine.timeline import build_timeline
from coach.files import private_dir, write_private
from coach.i18n import N_, _
from coach.model import Dose, Holds, Routine, RoutineStep, Sides, Timed
from coach.routines.library import load_library
from coach.routines.nodes import NAME_PATTERN
from coach.routines.writer import routine_yaml
from coach.tui.coach_screen import CoachModalScreen, CoachScreen
from coach.tui.screens.dialog import Answer, ChoiceDialog
from coach.tui.widgets.exercise_picture import ExercisePicture
from coach.tui.widgets.key_hints import KeyHints
from coach.words import count_of

SIDES_ORDER = (Sides.EACH, Sides.BOTH, Sides.LEFT, Sides.RIGHT, Sides.CHOSEN)
# The timing boxes of a step: (field, label, placeholder, characters).
DOSE_FIELDS = (("hold", N_("hold"), N_("hold"), 8), ("rest", N_("rest"), N_("rest"), 8),
               ("reps", N_("times"), N_("reps"), 3), ("duration", N_("for"), N_("duration"), 8))


class RepsError(ValueError):
    """The number of times a hold is repeated, typed wrong: the message is the whole sentence."""


def dose_text(dose: Dose) -> str:
    if isinstance(dose, Timed):
        return format_duration(dose.duration)
    return _("hold {hold}, rest {rest} ×{reps}").format(
        hold=format_duration(dose.hold), rest=format_duration(dose.rest) if dose.rest else "0", reps=dose.reps)


SIDES_WORDS = {Sides.EACH: N_("each leg"), Sides.BOTH: N_("both legs"), Sides.LEFT: N_("left leg"),
               Sides.RIGHT: N_("right leg"), Sides.CHOSEN: N_("the cramped leg")}


def step_label(number: int, step: RoutineStep) -> str:
    return f"{number:>2}. {step.exercise.name} · {dose_text(step.dose)} · {_(SIDES_WORDS[step.sides])}"


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
    #picker-preview {
        width: 1fr;
        padding: 0 2;
    }
    /* The picture first, at a fixed height; the words scroll beneath it. */
    #picker-picture {
        height: 10;
    }
    #picker-words {
        height: 1fr;
    }
    /* On a short screen the words matter more than the picture. */
    ExercisePicker.-short #picker-picture {
        display: none;
    }
    """

    VERTICAL_BREAKPOINTS = [(0, "-short"), (26, "-tall")]
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    HELP_TITLE = N_("adding an exercise")
    HELP_INTRO = N_("↑ and ↓ choose an exercise and show how it is done; Enter adds it.")
    KEY_HELP = {"cancel": N_("close without adding")}

    def compose(self) -> ComposeResult:
        exercises = self.app.library.exercises
        with Vertical(id="picker"):
            yield Static(_("Add which exercise? Enter adds it."), id="picker-title")
            with Horizontal():
                yield OptionList(*[Option(Text(f"{e.name} ({e.position.label})"), id=e.id)
                                   for e in exercises.values()], id="picker-list")
                with Vertical(id="picker-preview"):
                    yield ExercisePicture(id="picker-picture")
                    with VerticalScroll(id="picker-words"):
                        yield Static(id="picker-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        exercise = self.app.library.exercises[event.option.id or ""]
        self.query_one("#picker-detail", Static).update(exercise_text(exercise))
        self.query_one("#picker-picture", ExercisePicture).show(exercise, None)

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
    #builder-names, #builder-dose, #builder-about {
        height: auto;
    }
    #builder-names Label, #builder-dose Label, #builder-about Label {
        padding: 1 1 0 0;
    }
    #routine-description {
        width: 1fr;
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
    /* A short terminal: one-line boxes and labels beside them, so the steps and the keys still fit. */
    BuilderScreen.-short Input { height: 1; border: none; padding: 0 1; }
    BuilderScreen.-short #builder-names, BuilderScreen.-short #builder-about { margin-bottom: 1; }
    BuilderScreen.-short #builder-dose { margin-top: 1; }
    BuilderScreen.-short #builder-names Label, BuilderScreen.-short #builder-dose Label,
    BuilderScreen.-short #builder-about Label { padding: 0 1 0 0; }
    """
    SCOPED_CSS = False  # the short-terminal rules name the screen itself, which a scoped rule cannot match
    VERTICAL_BREAKPOINTS = [(0, "-short"), (26, "-tall")]
    # Save and Back first: on a narrow screen the key line wraps, and these matter most.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", key_display="^s"),
        Binding("escape", "close", "Back", key_display="esc"),
        Binding("a", "add", "Add exercise"),
        Binding("d,delete", "remove", "Remove"),
        Binding("shift+up", "move(-1)", "Move up", key_display="⇧↑"),
        Binding("shift+down", "move(1)", "Move down", key_display="⇧↓"),
        Binding("s", "cycle_sides", "Sides"),
        Binding("t", "toggle_timed", "Timed/holds"),
        Binding("f1", "app.help", "Help", key_display="F1"),
        Binding("f2", "format_guide", "File format", key_display="F2"),  # ? is typed into the boxes here
    ]
    HELP_TITLE = N_("the routine builder")
    HELP_INTRO = N_("Make a routine your own. Tab moves between the title, the file name, the description, "
                    "the steps and the timing boxes; the file name follows the title unless you change it. "
                    "The keys below act on the highlighted step. The file format is explained by "
                    "'coach help routines'.")
    KEY_HELP = {
        "add": N_("add an exercise after the highlighted step"),
        "remove": N_("remove the highlighted step"),
        "move(-1)": N_("move the highlighted step up"),
        "move(1)": N_("move the highlighted step down"),
        "cycle_sides": N_("which leg: each leg in turn, both together, left, right, or the cramped one "
                          "(an exercise for both legs at once stays 'both legs')"),
        "toggle_timed": N_("switch the step between one timed stretch and holds with rests; "
                           "pressing it again brings back what it was"),
        "save": N_("save the routine to your own folder (asks before replacing one of yours)"),
        "close": N_("leave the builder (asks first if there are unsaved changes)"),
        "app.help": N_("this help"),
        "format_guide": N_("the routine file format guide (also: coach help routines)"),
    }

    def __init__(self, base: Routine):
        super().__init__()
        self.base = base
        self.steps: list[RoutineStep] = list(base.steps)
        # The other form of a step's timing, kept while `t` flips it, so flipping back loses nothing.
        self._other_dose: dict[int, tuple[RoutineStep, Dose]] = {}
        self._automatic_name = ""  # the file name the title last gave; a different one was typed
        self._saved_state: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        own = self._is_users(self.base)
        title = self.base.title if own else _("{title} (mine)").format(title=self.base.title)
        name = self.base.name if own else file_name_for(title)
        self._automatic_name = name if name == file_name_for(title) else ""
        with Vertical(id="builder"):
            yield Static(_("Routine builder · starting from '{title}'").format(title=self.base.title),
                         id="builder-title", markup=False)
            with Horizontal(id="builder-names"):
                yield Label(_("Title"))
                yield Input(value=title, id="routine-title", max_length=80)
                yield Label(_("File name"))
                yield Input(value=name[:40], id="routine-name", max_length=40,
                            tooltip=_("Follows the title unless you change it"))
            with Horizontal(id="builder-about"):
                yield Label(_("Description"))
                yield Input(value=self.base.description, id="routine-description", max_length=300)
            yield OptionList(id="builder-steps")
            with Horizontal(id="builder-dose"):
                yield Label(_("This step:"), id="dose-label")
                for field, label, placeholder, width in DOSE_FIELDS:
                    yield Label(_(label), id=f"label-{field}")
                    yield Input(id=f"dose-{field}", max_length=width, placeholder=_(placeholder))
                yield Label(_("Enter applies"), id="dose-hint")
            yield Static(id="builder-total", markup=False)
            yield Static(id="builder-message", markup=False)
        yield KeyHints(self.BINDINGS)  # wraps on a narrow screen, where a Footer cuts keys off

    @staticmethod
    def _is_users(routine: Routine) -> bool:
        return routine.origin is not None and locations.user_routines_dir() in routine.origin.parents

    def _file_for(self, name: str) -> Path:
        """Where a routine of this name is saved: the person's own file for it, if they have one."""
        existing = self.app.library.routines.get(name)
        if existing is not None and self._is_users(existing) and existing.origin is not None:
            return existing.origin
        return locations.user_routines_dir() / f"{name}.yaml"

    def on_mount(self) -> None:
        self.refresh_steps(0)
        self.query_one("#builder-steps", OptionList).focus()
        self._saved_state = self._state()

    def _state(self) -> tuple[object, ...]:
        return (self._value("routine-title"), self._value("routine-name"), self._value("routine-description"),
                tuple(self.steps))

    @property
    def changed(self) -> bool:
        return self._state() != self._saved_state

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def on_input_changed(self, event: Input.Changed) -> None:
        """The file name follows the title, until the person types a file name of their own."""
        if event.input.id == "routine-title":
            name_box = self.query_one("#routine-name", Input)
            if name_box.value == self._automatic_name:
                self._automatic_name = file_name_for(event.value)
                name_box.value = self._automatic_name

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
            return _("No steps yet: press a to add an exercise.")
        total = build_timeline(self._routine(self.base.name, self.base.title)).total
        return _("Total time: {time} ({steps})").format(time=format_clock(total),
                                                        steps=count_of(len(self.steps), "step", "steps"))

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
                    raise RepsError(_("reps should be a whole number from 1 to 50."))
                dose = Holds(parse_duration(self.query_one("#dose-hold", Input).value),
                             0 if rest_text in ("0", "0s") else parse_duration(rest_text), int(reps_text))
        except RepsError as error:
            self.say(str(error))
            return
        except DurationError as error:
            self.say(_("That time {problem}: write it like 45s, 1m30s or 2m.").format(problem=error))
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
            if not step.exercise.per_side:
                self.say(_("{exercise} works both legs at once, so it stays 'both legs'.").format(
                    exercise=step.exercise.name))
                return
            following = SIDES_ORDER[(SIDES_ORDER.index(step.sides) + 1) % len(SIDES_ORDER)]
            self.steps[index] = replace(step, sides=following)
            self.refresh_steps(index)

    def action_toggle_timed(self) -> None:
        index = self.selected
        if index is not None:
            step = self.steps[index]
            remembered = self._other_dose.get(id(step))
            if remembered is not None and remembered[0] is step:
                dose = remembered[1]
            elif isinstance(step.dose, Timed):
                dose = Holds(min(step.dose.total, 30), 10, 2)
            else:
                dose = Timed(step.dose.total)
            self.steps[index] = replace(step, dose=dose)
            self._other_dose[id(self.steps[index])] = (self.steps[index], step.dose)
            self.refresh_steps(index)

    # --- saving ----------------------------------------------------------------------

    def _routine(self, name: str, title: str) -> Routine:
        description = self._value("routine-description") if self.is_mounted else self.base.description
        return Routine(name=name, title=title, description=description, steps=tuple(self.steps),
                       get_ready=self.base.get_ready, switch_legs=self.base.switch_legs)

    def _heavily_edited(self) -> bool:
        """Exercises added or removed: a description written for the old list may no longer be true."""
        before = sorted(step.exercise.id for step in self.base.steps)
        return sorted(step.exercise.id for step in self.steps) != before

    def action_save(self) -> None:
        name, title = self._value("routine-name"), self._value("routine-title")
        if not NAME_PATTERN.match(name):
            self.say(_("The file name needs lower-case letters, digits and hyphens, like my-evening."))
            self.query_one("#routine-name", Input).focus()
            return
        if name in RESERVED_NAMES:
            self.say(_("'{name}' is the name of your exercise file: choose another file name.").format(name=name))
            self.query_one("#routine-name", Input).focus()
            return
        if not title:
            self.say(_("Give the routine a title."))
            self.query_one("#routine-title", Input).focus()
            return
        if not self.steps:
            self.say(_("Add at least one exercise before saving."))
            return
        description = self._value("routine-description")
        if description and description == self.base.description and self._heavily_edited():
            self.app.push_screen(KeepDescription(description), self._description_decided)
            return
        self._confirm_replace(name, title)

    def _description_decided(self, keep: bool | None) -> None:
        if keep:
            self._confirm_replace(self._value("routine-name"), self._value("routine-title"))
        else:
            self.say(_("Write a description that fits the new list, then save with Ctrl+S."))
            self.query_one("#routine-description", Input).focus()

    def _confirm_replace(self, name: str, title: str) -> None:
        path = self._file_for(name)
        editing_it = self._is_users(self.base) and self.base.name == name
        if path.exists() and not editing_it:
            self.app.push_screen(ConfirmReplace(name),
                                 lambda replace_it: self._write(name, title) if replace_it else
                                 self.say(_("Not saved: choose another file name.")))
            return
        self._write(name, title)

    def _write(self, name: str, title: str) -> None:
        folder = private_dir(locations.user_routines_dir())
        path = self._file_for(name)
        # A comment for the person who edits the file later: in their language, like the file's others.
        made = _("Made in the routine builder from '{name}'.").format(name=self.base.name)
        text = routine_yaml(self._routine(name, title), made)
        previous = path.read_text(encoding="utf-8") if path.exists() else None
        backup = None
        try:
            if previous is not None and previous != text:
                backup = keep_a_copy(folder, name, previous)
            write_private(path, text)
        except OSError as error:
            self.say(_("Not saved: {problem}. Nothing was changed.").format(problem=error))
            return
        library = load_library()
        problems = library.problems_in([path])
        if problems:  # never leave a broken file behind
            if previous is None:
                path.unlink()
            else:
                write_private(path, previous)
            self.say(_("Not saved: {problem} — {fix}. See 'coach help routines'.").format(
                problem=problems[0].message, fix=problems[0].fix))
            return
        self.app.library = library
        self._saved_state = self._state()
        said = [_("Saved '{title}' to {path}.").format(title=title, path=path)]
        if name in library.overridden:
            said.append(_("It replaces coach's own for you."))
        if backup:
            said.append(_("The one it replaced is kept in {path}.").format(path=backup))
        self.app.notify(" ".join(said), timeout=8, markup=False)
        self.app.pop_screen()

    def action_format_guide(self) -> None:
        from coach.tui.screens.guide import GuideScreen

        self.app.push_screen(GuideScreen())

    def action_close(self) -> None:
        if not self.changed:
            self.app.pop_screen()
            return
        def decided(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(ConfirmDiscard(), decided)


RESERVED_NAMES = frozenset({"exercises"})  # the person's exercise file lives beside their routines
BACKUP_FOLDER = ".replaced"  # hidden: the library does not load what is in it


def file_name_for(title: str) -> str:
    """A file name from a title: 'Calf and circles (mine)' → 'calf-and-circles-mine'."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    name = "-".join(words)[:40].strip("-") or "my-routine"
    return f"my-{name}"[:40] if name in RESERVED_NAMES else name


def keep_a_copy(folder: Path, name: str, text: str) -> Path:
    """Keep what is about to be replaced, time-stamped, in a hidden folder beside the routines."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = private_dir(folder / BACKUP_FOLDER) / f"{name}-{stamp}.yaml"
    write_private(backup, text)
    return backup


class ConfirmReplace(ChoiceDialog[bool]):
    QUESTION = N_("You already have a routine with this file name.\nReplace it? A copy of it is kept.")
    ANSWERS = (Answer(N_("Replace"), "y", True, "error"), Answer(N_("Keep it"), "n", False, "primary"))
    FOCUS_INDEX = 1

    def __init__(self, name: str):
        super().__init__()
        self.question = _("You already have a routine called '{name}'.\nReplace it? A copy of it is kept.").format(
            name=name)


class ConfirmDiscard(ChoiceDialog[bool]):
    QUESTION = N_("Leave the builder?\nYour changes are not saved.")
    ANSWERS = (Answer(N_("Leave"), "y", True, "error"), Answer(N_("Keep editing"), "n", False, "primary"))
    FOCUS_INDEX = 1


class KeepDescription(ChoiceDialog[bool]):
    QUESTION = N_("You changed the exercises. Keep the description?")
    ANSWERS = (Answer(N_("Keep it"), "k", True), Answer(N_("Edit it"), "e", False, "primary"))
    FOCUS_INDEX = 1

    def __init__(self, description: str):
        super().__init__()
        self.question = _("You changed the exercises. The description still says:\n'{description}'\nKeep it?").format(
            description=description)
