"""Home: the routines, and one key each for cramp first aid, the exercises and safety."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.durations import format_clock
from coach.engine.timeline import build_timeline
from coach.history.stats import streaks
from coach.routines.library import Library
from coach.routines.pregnancy import first_aid_for, routines_for
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.key_hints import KeyHints


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
    ]

    @property
    def library(self) -> Library:
        return self.app.library  # the builder may have reloaded it

    def compose(self) -> ComposeResult:
        yield Static("coach  ·  bedtime stretches for calf cramps", id="title")
        yield Static("Choose a routine and press Enter. Cramping now? Press c.", id="hint")
        streak = self._streak_text()
        yield Static(streak, id="streak").set_styles("display: block;" if streak else "display: none;")
        yield OptionList(*self._options(), id="routines")
        if self.library.problems:
            files = sorted({problem.path.name for problem in self.library.problems})
            yield Static(f"Left out because of mistakes: {', '.join(files)}. "
                         "Run 'coach validate' to see what to fix.", id="problems", markup=False)
        yield KeyHints(self.BINDINGS)

    def _streak_text(self) -> str:
        store = self.app.history
        if store is None:
            return ""
        current, _ = streaks(store.completed_nights(), self.app.now())
        if current == 0:
            return "No streak yet tonight. Every night counts."
        return f"Streak: {current} night{'s' if current != 1 else ''} in a row."

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
        streak = self._streak_text()
        self.query_one("#streak", Static).update(streak)
        self.query_one("#streak", Static).display = bool(streak)
        routines = self.query_one(OptionList)
        highlighted = routines.highlighted
        routines.clear_options()
        routines.add_options(self._options())
        routines.highlighted = highlighted

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
