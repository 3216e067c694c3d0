"""coach's own entries in the command palette (Ctrl+P): the same things the home keys do.

A routine in progress is never left behind by a command: the ones that would take the person
away from it say how to stop it first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from coach.i18n import _
from coach.routines.pregnancy import routine_for, routines_for

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

CRAMP_ROUTINE = "cramp-now"


def routine_in_progress(app: CoachApp) -> bool:
    from coach.tui.screens.run import RunScreen

    return any(isinstance(screen, RunScreen) and not screen.session.is_over for screen in app.screen_stack)


def when_free(app: CoachApp, action: Callable[[], object]) -> Callable[[], None]:
    """Run `action` from the routines, or explain why not while a routine is going."""

    def run() -> None:
        if routine_in_progress(app):
            app.notify(_("A routine is going: press q to stop it first, then choose again."), timeout=6)
            return
        if app.current_mode != "home":
            app.go_home()
            app.call_later(action)
        else:
            action()

    return run


def coach_commands(app: CoachApp) -> Iterator[SystemCommand]:
    from coach.tui.screens.cramp_form import CrampForm
    from coach.tui.screens.exercises import ExercisesScreen
    from coach.tui.screens.history import HistoryScreen
    from coach.tui.screens.reminders import RemindersScreen
    from coach.tui.screens.safety import SafetyScreen
    from coach.tui.screens.settings import SettingsScreen

    # The same routines the start screen offers (the pregnancy versions, for someone pregnant).
    routines = routines_for(app.library, app.pregnant)
    if CRAMP_ROUTINE in app.library.routines:
        first_aid = routine_for(app.library, CRAMP_ROUTINE, app.pregnant)
        yield SystemCommand(_("Cramp now"), _("First aid for a cramp that has started: asks which leg"),
                            when_free(app, partial(app.begin, first_aid)))
    for name, routine in routines.items():
        if not routine.asks_for_side:
            yield SystemCommand(_("Start: {routine}").format(routine=routine.title),
                                routine.description or _("the '{name}' routine").format(name=name),
                                when_free(app, partial(app.begin, routine)))
    history = app.history
    if history is not None:
        yield SystemCommand(_("Log a cramp"), _("Note a cramp in your diary: when, which leg, how bad"),
                            when_free(app, lambda: app.push_screen(CrampForm())))
        yield SystemCommand(_("History"), _("12 weeks at a glance, your streak and your cramps"),
                            when_free(app, lambda: app.push_screen(HistoryScreen())))
        yield SystemCommand(_("Reminders"), _("Bedtime reminders: add, remove, pause"),
                            when_free(app, lambda: app.push_screen(RemindersScreen(history))))
    yield SystemCommand(_("Exercises"), _("Every exercise and how it is done"),
                        when_free(app, lambda: app.push_screen(ExercisesScreen(app.library))))
    yield SystemCommand(_("Safety"), _("When to stop, and when to see a doctor"),
                        lambda: app.push_screen(SafetyScreen()))
    yield SystemCommand(_("Settings"), _("Sound, voice speed, volume, ticks, countdown size, language and more"),
                        when_free(app, lambda: app.push_screen(SettingsScreen())))
    yield SystemCommand(_("Help"), _("The keys of the screen you are on"), app.action_help)
    yield SystemCommand(_("Quit"), _("Close coach (during a routine it asks first)"), app.action_quit)
