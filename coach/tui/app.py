"""The coach app: routines in, a calm guided session out. All timing lives in the core engine."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from coach.clock import monotonic
from coach.first_run import mark_safety_seen, safety_seen
from coach.library import Library
from coach.model import Routine, Side
from coach.session import Session
from coach.timeline import build_timeline
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.run import RunScreen
from coach.tui.screens.safety import SafetyScreen
from coach.tui.screens.side_picker import SidePicker
from coach.tui.theme import NIGHT


class CoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "coach"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, library: Library, *, clock: Callable[[], float] = monotonic,
                 quiet: bool = False, start: str | None = None, side: Side | None = None,
                 show_safety: bool | None = None):
        super().__init__()
        self.library = library
        self.clock = clock
        self.quiet = quiet
        self._start = start
        self._start_side = side
        self._show_safety = (not safety_seen()) if show_safety is None else show_safety

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen(self.library)

    def on_mount(self) -> None:
        self.register_theme(NIGHT)
        self.theme = NIGHT.name
        if self._start:
            self.begin(self.library.routines[self._start], self._start_side)
        elif self._show_safety:
            self.push_screen(SafetyScreen(first_run=True))
        if self._show_safety:
            mark_safety_seen()

    def begin(self, routine: Routine, side: Side | None = None) -> None:
        """Start a routine, first asking which leg if the routine works the cramped one."""
        if routine.asks_for_side and side is None:
            self.push_screen(SidePicker(), lambda chosen: chosen and self.begin(routine, chosen))
            return
        session = Session(build_timeline(routine, side), self.clock)
        self.push_screen(RunScreen(session, routine))

    def cue(self) -> None:
        """The soft signal at each change: the terminal bell, unless the person turned it off."""
        if not self.quiet:
            self.bell()
