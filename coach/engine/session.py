"""Following a timeline in real time: the state machine behind every countdown.

Time comes only from the injected clock. The current phase ends at a deadline; each next
deadline is the previous one plus the next phase's length, so late polling never adds drift,
and a pause simply pushes the deadline on by the time spent paused.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

from coach.engine.timeline import Phase, Timeline
from coach.frozen import frozen
from coach.model import Side

Clock = Callable[[], float]
# "Back" within this many seconds of a phase starting goes to the previous phase; later, it
# restarts the current one, as on a music player.
BACK_TO_PREVIOUS_WITHIN = 3.0
# Less time than this in an exercise before skipping it is a skip, not an attempt.
COUNTS_AS_TRIED = 1.0


class State(Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class PhaseStatus(Enum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"


class StepStatus(Enum):
    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"
    NOT_REACHED = "not reached"


@frozen
class StepOutcome:
    """One exercise on one side, as it actually went."""

    step_index: int
    exercise_id: str
    exercise_name: str
    side: Side
    planned_seconds: int
    actual_seconds: float
    status: StepStatus


@frozen
class PhaseStarted:
    """A phase (get ready, hold, rest, switch legs...) has begun."""

    phase: Phase


@frozen
class StepEnded:
    """A step of the routine is left behind: done, skipped or stopped."""

    outcome: StepOutcome


@frozen
class Paused:
    """The countdown stopped for a pause."""


@frozen
class Resumed:
    """The countdown goes on after a pause."""


@frozen
class Ended:
    """The routine is over: finished, or stopped before its end."""

    state: State  # FINISHED or STOPPED


Event = PhaseStarted | StepEnded | Paused | Resumed | Ended


def seconds_until_display_changes(remaining: float) -> float:
    """How long until a whole-second countdown showing ceil(remaining) shows another number."""
    if remaining <= 0:
        return 0.0
    return remaining - (math.ceil(remaining) - 1)


class Session:
    def __init__(self, timeline: Timeline, clock: Clock = time.monotonic):
        if not timeline.phases:
            raise ValueError("a session needs at least one phase")
        self.timeline = timeline
        self._clock = clock
        self.state = State.READY
        self.index = 0
        self._started_at = 0.0  # when the current phase began, pushed on by pauses
        self._deadline = 0.0
        self._paused_at: float | None = None
        self._status = [PhaseStatus.PENDING] * len(timeline.phases)
        self._spent = [0.0] * len(timeline.phases)
        self._listeners: list[Callable[[Event], None]] = []
        self._groups: dict[tuple[int, Side], list[Phase]] = {}
        for phase in timeline.phases:
            self._groups.setdefault(phase.group, []).append(phase)

    # --- observing -------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Event], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    @property
    def phase(self) -> Phase:
        return self.timeline.phases[self.index]

    @property
    def next_phase(self) -> Phase | None:
        phases = self.timeline.phases
        return phases[self.index + 1] if self.index + 1 < len(phases) else None

    @property
    def is_over(self) -> bool:
        return self.state in (State.FINISHED, State.STOPPED)

    def remaining(self) -> float:
        """Seconds left in the current phase."""
        if self.state is State.READY:
            return float(self.phase.duration)
        if self.is_over:
            return 0.0
        now = self._paused_at if self._paused_at is not None else self._clock()
        return min(float(self.phase.duration), max(0.0, self._deadline - now))

    def total_remaining(self) -> float:
        if self.is_over:
            return 0.0
        return self.remaining() + self.timeline.after(self.index)

    def seconds_until_next_change(self) -> float | None:
        """When the shown countdown next changes; None while nothing is counting down."""
        if self.state is not State.RUNNING:
            return None
        return seconds_until_display_changes(self.remaining())

    # --- controlling -----------------------------------------------------------------

    def start(self) -> None:
        if self.state is State.READY:
            self.state = State.RUNNING
            self._begin(0, self._clock())

    def update(self) -> None:
        """Move past every deadline the clock has passed. Call it as often as you like."""
        if self.state is not State.RUNNING:
            return
        now = self._clock()
        while self.state is State.RUNNING and now >= self._deadline:
            self._advance(PhaseStatus.DONE, self._deadline)

    def pause(self) -> None:
        self.update()
        if self.state is State.RUNNING:
            self._paused_at = self._clock()
            self.state = State.PAUSED
            self._emit(Paused())

    def resume(self) -> None:
        if self.state is State.PAUSED and self._paused_at is not None:
            pushed = self._clock() - self._paused_at
            self._deadline += pushed
            self._started_at += pushed
            self._paused_at = None
            self.state = State.RUNNING
            self._emit(Resumed())

    def toggle_pause(self) -> None:
        if self.state is State.PAUSED:
            self.resume()
        else:
            self.pause()

    def skip(self) -> None:
        """End this phase now, as skipped, and start the next."""
        self.update()
        if self.state in (State.RUNNING, State.PAUSED):
            self._advance(PhaseStatus.SKIPPED, self._now())

    def skip_exercise(self) -> None:
        """Skip the rest of this exercise (both legs) and start the next one."""
        self.update()
        if self.state not in (State.RUNNING, State.PAUSED):
            return
        step = self.phase.step_index
        while not self.is_over and self.phase.step_index == step:
            self._advance(PhaseStatus.SKIPPED, self._now())

    def back(self) -> None:
        """Restart this phase, or go to the previous one if this one has only just begun."""
        self.update()
        if self.state not in (State.RUNNING, State.PAUSED):
            return
        now = self._now()
        target = self.index
        if now - self._started_at < BACK_TO_PREVIOUS_WITHIN and self.index > 0:
            target = self.index - 1
        self._leave(PhaseStatus.PENDING if target == self.index else self._status[self.index], now)
        self._begin(target, now)

    def stop(self) -> None:
        """End the session early; what was done so far stays recorded."""
        self.update()
        if self.state not in (State.RUNNING, State.PAUSED):
            return
        self._leave(self._status[self.index], self._now())
        self._end(State.STOPPED)

    # --- reporting -------------------------------------------------------------------

    def outcomes(self) -> list[StepOutcome]:
        return [self._outcome(phases) for phases in self._groups.values()]

    def outcomes_so_far(self) -> list[StepOutcome]:
        """The steps already left behind: none before the start, all of them once it is over."""
        if self.state is State.READY:
            return []
        if self.is_over:
            return self.outcomes()
        left = []
        for group, phases in self._groups.items():
            if group == self.phase.group:
                break
            left.append(self._outcome(phases))
        return left

    def time_spent(self) -> float:
        current = 0.0
        if self.state in (State.RUNNING, State.PAUSED):
            current = self._now() - self._started_at
        return sum(self._spent) + current

    # --- inside ----------------------------------------------------------------------

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock()

    def _begin(self, index: int, at: float) -> None:
        previous = self.phase if self.state is not State.READY else None
        self.index = index
        self._started_at = at
        self._deadline = at + self.phase.duration
        if self.state is State.PAUSED:
            self._paused_at = at
        if previous is not None and previous.group != self.phase.group:
            self._emit(StepEnded(self._outcome_of(previous.group)))
        self._emit(PhaseStarted(self.phase))

    def _leave(self, status: PhaseStatus, at: float) -> None:
        self._spent[self.index] += max(0.0, at - self._started_at)
        self._status[self.index] = status

    def _advance(self, status: PhaseStatus, at: float) -> None:
        self._leave(status, at)
        if self.index + 1 < len(self.timeline.phases):
            self._begin(self.index + 1, at)
        else:
            self._end(State.FINISHED)

    def _end(self, state: State) -> None:
        self._paused_at = None
        self.state = state
        self._emit(StepEnded(self._outcome_of(self.phase.group)))
        self._emit(Ended(state))

    def _outcome_of(self, group: tuple[int, Side]) -> StepOutcome:
        return self._outcome(self._groups[group])

    def _outcome(self, phases: list[Phase]) -> StepOutcome:
        counted = [p for p in phases if p.kind.counts_as_exercise]
        work = [self._status[p.index] for p in phases if p.kind.is_work]
        spent = sum(self._spent[p.index] for p in counted)
        if work and all(status is PhaseStatus.DONE for status in work):
            status = StepStatus.DONE
        elif any(status is PhaseStatus.DONE for status in work):
            status = StepStatus.PARTIAL
        elif any(status is PhaseStatus.SKIPPED for status in work):
            status = StepStatus.PARTIAL if spent >= COUNTS_AS_TRIED else StepStatus.SKIPPED
        elif spent > 0:
            status = StepStatus.PARTIAL  # started, then stopped
        else:
            status = StepStatus.NOT_REACHED
        first = phases[0]
        return StepOutcome(first.step_index, first.exercise.id, first.exercise.name, first.side,
                           sum(p.duration for p in counted), spent, status)
