"""Follows a session and hands over one cue per change: the glue between engine and sound.

Events only mark what is due; `flush()` (called right after the screen or loop has brought the
session up to date) turns the newest into a cue, so phases that pass at once make one cue.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from coach.cues.script import TICK_SECONDS, Cue, CueScript, Sound, wants_ticks
from coach.engine.session import Ended, Event, Paused, PhaseStarted, Resumed, Session, State


class CueDriver:
    def __init__(self, session: Session, announce: Callable[[Cue], None], silence: Callable[[], None],
                 ticks: Callable[[], bool] = lambda: False):
        self.session = session
        self.script = CueScript(session.timeline)
        self._announce = announce
        self._silence = silence
        self._ticks = ticks
        self._due: Event | None = None
        self._ticked: tuple[int, int] | None = None  # (phase index, second) of the last tick
        self._unsubscribe = session.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, Paused):
            self._due = None
            self._silence()
        elif isinstance(event, PhaseStarted | Resumed | Ended):
            self._due = event

    def flush(self) -> Cue | None:
        """Say what is due now, if anything; returns the cue given."""
        due, self._due = self._due, None
        cue: Cue | None = None
        if isinstance(due, PhaseStarted) and not self.session.is_over:
            cue = self.script.for_phase(self.session.phase)
        elif isinstance(due, Resumed) and self.session.state is State.RUNNING:
            cue = self.script.resumed(self.session.phase)
        elif isinstance(due, Ended):
            if due.state is State.FINISHED:
                cue = self.script.ended(finished=True)
            else:
                self._silence()  # stopped: what is sounding stops, nothing more is said
        if cue is None:
            cue = self._tick()
        if cue is not None:
            self._announce(cue)
        return cue

    def _tick(self) -> Cue | None:
        session = self.session
        if session.state is not State.RUNNING or not self._ticks() or not wants_ticks(session.phase):
            return None
        second = math.ceil(session.remaining())
        if second not in TICK_SECONDS or self._ticked == (session.phase.index, second):
            return None
        self._ticked = (session.phase.index, second)
        return Cue(Sound.TICK, "")

    def close(self) -> None:
        self._unsubscribe()
