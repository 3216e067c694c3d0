"""Driving coach's screens under Pilot on a fake clock, shared by the TUI tests."""

from __future__ import annotations

from textual.widgets import Digits, Static

from coach.clock import ManualClock
from coach.engine.session import State
from coach.history.store import HistoryStore
from coach.routines.library import load_library
from coach.tui.app import CoachApp
from coach.tui.screens.run import RunScreen

from history_seed import NOW

SIZE = (100, 30)


class HeardCues:
    """Stands in for the announcer: each cue given while sound is on counts as a ring at that
    moment of the fake clock, and every cue is kept with its words."""

    def __init__(self, app: CoachApp, clock: ManualClock):
        self.app = app
        self.clock = clock
        self.mode = "voice"
        self.cues: list = []
        self.silenced = 0
        # What the real announcer found; a test sets one to None to play a system without it.
        self.engine: object | None = "a speech engine"
        self.player: object | None = "a sound player"

    def announce(self, cue) -> None:
        self.cues.append((self.clock(), cue))
        if self.mode != "silent":
            self.app.rings.append(self.clock())

    def silence(self) -> None:
        self.silenced += 1

    def close(self) -> None:
        pass


def make_app(clock: ManualClock, **options) -> CoachApp:
    options.setdefault("show_safety", False)
    options.setdefault("announcer", lambda app: HeardCues(app, clock))
    app = CoachApp(load_library(), clock=clock, **options)
    app.rings = []
    app.bell = lambda: app.rings.append(clock())
    return app


def text(app: CoachApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def status_line(app: CoachApp):
    """The run screen's leg, phase and sound line."""
    from coach.tui.widgets.status_line import StatusLine

    return app.screen.query_one(StatusLine)


def side_text(app: CoachApp) -> str:
    return status_line(app).side_text


def phase_text(app: CoachApp) -> str:
    return status_line(app).phase_text


def sound_label(app: CoachApp) -> str:
    return status_line(app).sound_text


def exercise_heading(app: CoachApp) -> str:
    """The exercise and its position, as the run screen's top line shows them."""
    from coach.tui.widgets.exercise_heading import ExerciseHeading

    return app.screen.query_one(ExerciseHeading).exercise_text


def countdown(app: CoachApp) -> str:
    return app.screen.query_one("#countdown", Digits).value


async def routine_begun(pilot) -> None:
    """Wait for the routine on screen to begin: it does just after its first frame."""
    screen = pilot.app.screen
    for _ in range(20):
        if not isinstance(screen, RunScreen) or screen.session.state is not State.READY:
            return
        await pilot.pause()
    raise AssertionError("the routine on screen never began")


async def advance(pilot, clock: ManualClock, seconds: float) -> None:
    """Move the fake clock on and let the screen redraw, as its timer would."""
    await routine_begun(pilot)
    clock.advance(seconds)
    screen = pilot.app.screen
    if isinstance(screen, RunScreen):
        screen.tick()
    await pilot.pause()


def app_with_history(clock, **options):
    store = HistoryStore()
    app = make_app(clock, history=store, now=lambda: NOW, **options)
    return app, store


def app_at(start: str | None = None, side=None, show_safety: bool = False):
    """An app for a snapshot: quiet, on a fresh fake clock, starting where the picture is taken."""
    clock = ManualClock()
    app = CoachApp(load_library(), clock=clock, start=start, side=side, quiet=True, show_safety=show_safety)
    return app, clock


def after(clock: ManualClock, seconds: float, *keys: str):
    """A snapshot's run_before: move the fake clock on, wake the run screen, then press keys."""
    async def run_before(pilot) -> None:
        await pilot.pause()
        clock.advance(seconds)
        if isinstance(pilot.app.screen, RunScreen):
            pilot.app.screen.tick()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before
