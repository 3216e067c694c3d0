"""Home: the routines, and one key each for cramp first aid, the exercises and safety."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Self

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets._option_list import OptionListContent
from textual.widgets.option_list import Option, OptionDoesNotExist

from coach.durations import format_clock
from coach.engine.timeline import build_timeline
from coach.routines.library import Library
from coach.routines.pregnancy import first_aid_for, routines_for
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.key_hints import KeyHints
from coach.words import count_of

if TYPE_CHECKING:
    from coach.history.resume import ResumePoint


MARK = "▶ "


def marked(label: Text, highlighted: bool) -> Text:
    """The label with a pointer before the chosen routine: its state shown by a shape, not a colour."""
    lines = label.split("\n")
    return Text("\n").join(Text.assemble(MARK if highlighted and n == 0 else " " * len(MARK), line)
                           for n, line in enumerate(lines))


class RoutineList(OptionList):
    """One click chooses a routine, as in a file list; Enter or a double click starts it."""

    def __init__(self, *options: Option | None, id: str | None = None):
        self.labels: dict[int, Text] = {}
        super().__init__(*options, id=id)

    def set_routines(self, options: list[Option | None]) -> None:
        self.clear_options()
        self.add_options(options)

    def add_options(self, new_options: Iterable[OptionListContent]) -> Self:
        items = list(new_options)
        index = self.option_count  # separators (None) are not options and take no index
        for item in items:
            if isinstance(item, Option):
                if isinstance(item.prompt, Text):
                    self.labels[index] = item.prompt
                    item._set_prompt(marked(item.prompt, False))
                index += 1
        return super().add_options(items)

    def clear_options(self) -> Self:
        self.labels = {}
        return super().clear_options()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        for index, on in ((old, False), (new, True)):
            if index is not None and index in self.labels:
                self.replace_option_prompt_at_index(index, marked(self.labels[index], on))
        super().watch_highlighted(new)

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # OptionList's own click handler would start the routine at once
        clicked = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()


class HomeScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #title {
        padding: 1 2 0 2;
        text-style: bold;
        color: $primary;
    }
    #hint {
        padding: 0 2 1 2;
        color: $text-muted;
    }
    #routines {
        margin: 0 2;
        height: auto;
        max-height: 1fr;
        border: round $panel-lighten-2;
        background: $background;
    }
    /* A dim highlight: a bright bar is glaring in a dark room. */
    #routines > .option-list--option-highlighted,
    #routines:focus > .option-list--option-highlighted {
        background: $primary 22%;
        color: $foreground;
    }
    #routines > .option-list--option {
        padding: 0 1;
    }
    #streak {
        padding: 0 2 1 2;
        color: $secondary;
    }
    #problems {
        margin: 1 2 0 2;
        color: $warning;
    }
    #resume {
        padding: 0 2 1 2;
        text-style: bold;
    }
    """
    BINDINGS = [
        Binding("enter", "start", "Start", key_display="⏎"),
        Binding("c", "cramp_now", "Cramp now!"),
        Binding("l", "log_cramp", "Log a cramp"),
        Binding("h", "history", "History"),
        Binding("r", "reminders", "Reminders"),
        Binding("b", "build", "Make my own"),
        Binding("e", "exercises", "Exercises"),
        Binding("s", "safety", "Safety"),
        Binding("o", "settings", "Settings"),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark,f1", "app.help", "Help", key_display="?"),
        Binding("g", "go_on", "Go on", show=False),  # offered in words, only when there is something to resume
    ]
    HELP_TITLE = "the start screen"
    HELP_INTRO = ("Your routines, nightly ones first and cramp first aid last. ↑ and ↓ (or one mouse "
                  "click) choose a routine; Enter (or a double click) starts it.")
    KEY_HELP = {
        "start": "start the highlighted routine",
        "cramp_now": "first aid for a cramp that has started: asks only which leg",
        "log_cramp": "note a cramp in your diary: when, which leg, how bad",
        "history": "your history: 12 weeks at a glance, your streak, your cramps",
        "reminders": "bedtime reminders: add, remove, pause",
        "build": "make your own routine, starting from the highlighted one",
        "exercises": "every exercise and how it is done",
        "safety": "when to stop, and when to see a doctor",
        "settings": "sound, voice speed, volume, ticks, countdown size, and the other settings",
        "app.quit": "close coach",
        "app.help": "this help",
        "go_on": "go on with a routine stopped earlier tonight, from the exercise where it stopped",
    }

    @property
    def library(self) -> Library:
        return self.app.library  # the builder may have reloaded it

    def compose(self) -> ComposeResult:
        yield Static("coach  ·  bedtime stretches for calf cramps", id="title")
        yield Static("Choose a routine and press Enter. Cramping now? Press c.", id="hint")
        streak = self._streak_text()
        yield Static(streak, id="streak").set_styles("display: block;" if streak else "display: none;")
        resume = self._resume_text()
        yield Static(resume, id="resume", markup=False).set_styles("display: block;" if resume else "display: none;")
        yield RoutineList(*self._options(), id="routines")
        if self.library.problems:
            files = sorted({problem.path.name for problem in self.library.problems})
            yield Static(f"Left out because of mistakes: {', '.join(files)}. "
                         "Run 'coach validate' to see what to fix.", id="problems", markup=False)
        yield KeyHints(self.BINDINGS)

    def _streak_text(self) -> str:
        store = self.app.history
        if store is None:
            return ""
        # Imported here: the first frame is drawn before the history is open.
        from coach.history.nights import night_of
        from coach.history.plan import tonight_text
        from coach.history.stats import streaks

        done = store.completed_nights()
        now = self.app.now()
        current, _ = streaks(done, now)
        if current == 0:
            # True whatever the hour: there is no run of nights to keep, and tonight can begin one.
            streak = ("A routine tonight starts a new streak." if done
                      else "A routine tonight starts your first streak.")
        else:
            streak = f"Streak: {count_of(current, 'night', 'nights')} in a row."
        plan = store.current_plan()
        if plan is None:
            return streak
        # Each evening the plan says which kind of night this is: the person should not have to look.
        return f"{streak}\n{tonight_text(plan.weeks, plan.first_night, night_of(now))}"

    def _resume_point(self) -> ResumePoint | None:
        store = self.app.history
        if store is None:
            return None
        from coach.history.resume import resume_point

        steps_in = {name: len(r.steps) for name, r in self.library.routines.items() if not r.asks_for_side}
        try:
            return resume_point(store, self.app.now(), steps_in)
        except Exception:  # a history problem must never hide the routines
            return None

    def _resume_text(self) -> str:
        point = self._resume_point()
        if point is None:
            return ""
        step = self.library.routines[point.routine].steps[point.step_index]
        return f"{point.title} stopped tonight. Press g to go on from {step.exercise.name}."

    def action_go_on(self) -> None:
        point = self._resume_point()
        if point is not None:
            self.app.begin(self.library.routines[point.routine], from_step=point.step_index)

    def _last_done(self) -> dict[str, str]:
        store = self.app.history
        if store is None:
            return {}
        today = self.app.now().date()
        labels = {}
        for routine, when in store.last_completed().items():
            days = (today - when.date()).days
            labels[routine] = ("last done today" if days == 0 else "last done yesterday" if days == 1
                               else f"last done {when.strftime('%a %d %b')}")
        return labels

    def on_screen_resume(self) -> None:
        """Back from a routine or the diary: the streak and last-done dates may have changed."""
        self._show_history()
        # After the list has settled: on a fresh home screen an earlier highlight would be reset.
        self.call_after_refresh(self._highlight_the_routine_just_used)

    def history_opened(self) -> None:
        """The history opens just after the first frame: then come the streak, the last-done
        dates and the morning question."""
        self._show_history()
        if self.is_current:
            self.app.ask_about_last_night()

    def _show_history(self) -> None:
        streak = self._streak_text()
        self.query_one("#streak", Static).update(streak)
        self.query_one("#streak", Static).display = bool(streak)
        resume = self._resume_text()
        self.query_one("#resume", Static).update(resume)
        self.query_one("#resume", Static).display = bool(resume)
        routines = self.query_one(OptionList)
        highlighted = routines.highlighted
        routines.clear_options()
        routines.add_options(self._options())
        routines.highlighted = highlighted

    def _highlight_the_routine_just_used(self) -> None:
        used = self.app.last_routine  # however it was started: by key, click or the palette
        if used is None or not self.is_current:  # closing the leg question starts a routine over us
            return
        # Once: a later return (from the exercises, say) keeps the person's own choice.
        self.app.last_routine = None
        with suppress(OptionDoesNotExist):  # the builder may have renamed or removed it
            routines = self.query_one(OptionList)
            routines.highlighted = routines.get_option_index(used)

    def _options(self) -> list[Option | None]:
        # The nightly routines first; first aid (which asks for a leg) last, and one key away.
        offered = routines_for(self.library, self.app.pregnant)
        ordered = sorted(offered.values(), key=lambda routine: routine.asks_for_side)
        options: list[Option | None] = []
        last_done = self._last_done()
        for routine in ordered:
            name = routine.name
            if options:
                options.append(None)  # a blank line between routines
            total = format_clock(build_timeline(routine).total)
            label = Text.assemble((routine.title, "bold"), f"   {total}")
            if name in last_done:
                label.append(f"   {last_done[name]}", style="dim")
            if routine.description:
                label.append(f"\n{routine.description}", style="dim")
            options.append(Option(label, id=name))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.call_after_refresh(self.app.ask_about_last_night)  # after the first paint

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.begin(self.library.routines[event.option.id or ""])

    def action_start(self) -> None:
        self.query_one(OptionList).action_select()

    def action_cramp_now(self) -> None:
        first_aid = first_aid_for(self.library, self.app.pregnant)
        if first_aid is not None:  # coach's own, whatever the person's files hold
            self.app.begin(first_aid)
        else:
            self.notify("The cramp-now routine is missing or has mistakes: run 'coach validate'.",
                        severity="error")

    def action_exercises(self) -> None:
        from coach.tui.screens.exercises import ExercisesScreen

        self.app.push_screen(ExercisesScreen(self.library))

    def action_log_cramp(self) -> None:
        if self.app.history is not None:
            from coach.tui.screens.cramp_form import CrampForm

            self.app.push_screen(CrampForm())

    def action_history(self) -> None:
        from coach.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_build(self) -> None:
        from coach.tui.screens.builder import BuilderScreen

        routines = self.query_one(OptionList)
        if routines.highlighted is not None:
            name = routines.get_option_at_index(routines.highlighted).id
            self.app.push_screen(BuilderScreen(self.library.routines[name or ""]))

    def action_reminders(self) -> None:
        if self.app.history is not None:
            from coach.tui.screens.reminders import RemindersScreen

            self.app.push_screen(RemindersScreen(self.app.history))

    def action_settings(self) -> None:
        from coach.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_safety(self) -> None:
        from coach.tui.screens.safety import SafetyScreen

        self.app.push_screen(SafetyScreen())
