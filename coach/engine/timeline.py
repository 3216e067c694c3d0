"""A routine laid out phase by phase: every get-ready, hold, rest, move and leg switch."""

from __future__ import annotations

from enum import Enum
from functools import cached_property

from coach.frozen import frozen
from coach.i18n import pgettext
from coach.model import Exercise, Holds, Routine, RoutineStep, Side, Sides, Timed


class PhaseKind(Enum):
    GET_READY = "get ready"
    HOLD = "hold"
    REST = "rest"
    TIMED = "now"
    SWITCH = "switch legs"

    @property
    def label(self) -> str:
        """The phase as a timeline names it ('hold', 'Halten'); `value` stays English for files."""
        return {
            PhaseKind.GET_READY: pgettext("phase", "get ready"),
            PhaseKind.HOLD: pgettext("phase", "hold"),
            PhaseKind.REST: pgettext("phase", "rest"),
            PhaseKind.TIMED: pgettext("phase", "now"),
            PhaseKind.SWITCH: pgettext("phase", "switch legs"),
        }[self]

    @property
    def is_work(self) -> bool:
        return self in (PhaseKind.HOLD, PhaseKind.TIMED)

    @property
    def counts_as_exercise(self) -> bool:
        """Time that belongs to the exercise itself (for history), not to moving between them."""
        return self in (PhaseKind.HOLD, PhaseKind.REST, PhaseKind.TIMED)


@frozen
class Phase:
    """One stretch of the countdown: a kind, a length and the step and side it belongs to."""

    index: int
    kind: PhaseKind
    step_index: int
    exercise: Exercise
    side: Side
    duration: int
    offset: int  # seconds from the start of the routine
    rep: int | None = None
    reps: int | None = None
    note: str | None = None

    @property
    def group(self) -> tuple[int, Side]:
        """One exercise on one side: the unit history records."""
        return self.step_index, self.side


@frozen
class Timeline:  # not slots: cached_property needs __dict__
    """A routine laid out as the phases a session counts down, one after another."""

    name: str
    title: str
    phases: tuple[Phase, ...]

    @property
    def total(self) -> int:
        return self._ends[-1] if self.phases else 0

    @property
    def exercise_seconds(self) -> int:
        """The time planned in the exercises themselves: what "time spent" is measured against."""
        return sum(phase.duration for phase in self.phases if phase.kind.counts_as_exercise)

    @cached_property
    def _ends(self) -> list[int]:
        return [phase.offset + phase.duration for phase in self.phases]

    def after(self, index: int) -> int:
        """Seconds in the phases after `index`."""
        return self.total - self._ends[index]


def sides_for(sides: Sides, chosen: Side | None) -> list[Side]:
    return {
        Sides.BOTH: [Side.BOTH],
        Sides.EACH: [Side.LEFT, Side.RIGHT],
        Sides.LEFT: [Side.LEFT],
        Sides.RIGHT: [Side.RIGHT],
        Sides.CHOSEN: [chosen or Side.CHOSEN],
    }[sides]


def build_timeline(routine: Routine, chosen: Side | None = None) -> Timeline:
    """Expand `routine`; `chosen` is the leg named for steps marked `sides: chosen`."""
    phases: list[Phase] = []

    def add(kind: PhaseKind, step_index: int, step: RoutineStep, side: Side, duration: int,
            rep: int | None = None, reps: int | None = None) -> None:
        if duration <= 0:
            return
        offset = phases[-1].offset + phases[-1].duration if phases else 0
        phases.append(Phase(len(phases), kind, step_index, step.exercise, side, duration, offset,
                            rep, reps, step.note))

    for step_index, step in enumerate(routine.steps):
        legs = sides_for(step.sides, chosen)
        get_ready = step.get_ready or (routine.get_ready if step_index == 0 else 0)
        add(PhaseKind.GET_READY, step_index, step, legs[0], get_ready)
        for leg_number, side in enumerate(legs):
            if leg_number:
                add(PhaseKind.SWITCH, step_index, step, side, routine.switch_legs)
            if isinstance(step.dose, Timed):
                add(PhaseKind.TIMED, step_index, step, side, step.dose.duration)
                continue
            dose: Holds = step.dose
            for rep in range(1, dose.reps + 1):
                add(PhaseKind.HOLD, step_index, step, side, dose.hold, rep, dose.reps)
                if rep < dose.reps:
                    add(PhaseKind.REST, step_index, step, side, dose.rest, rep, dose.reps)
    return Timeline(routine.name, routine.title, tuple(phases))
