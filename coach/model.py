"""What a routine is: exercises, the dose of each step, and which legs it works."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from coach.pictures.pose import Picture


class Position(Enum):
    STANDING = "standing"
    SITTING = "sitting"
    LYING = "lying"  # in bed, on the side or any comfortable way
    LYING_ON_BACK = "lying-on-back"  # flat on the back: left out of the pregnancy routines


class Sides(Enum):
    """How a step uses the legs, as written in a routine file."""

    BOTH = "both"  # both legs at once
    EACH = "each"  # left leg, switch, right leg
    LEFT = "left"
    RIGHT = "right"
    CHOSEN = "chosen"  # the leg the person names when starting (first aid for a cramp)


class Side(Enum):
    """The leg a single phase works."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    CHOSEN = "chosen"  # not yet named: shown as "the cramped leg"

    @property
    def label(self) -> str:
        return {
            Side.LEFT: "LEFT LEG",
            Side.RIGHT: "RIGHT LEG",
            Side.BOTH: "BOTH LEGS",
            Side.CHOSEN: "THE CRAMPED LEG",
        }[self]


@dataclass(frozen=True)
class Timed:
    """Keep moving for a number of seconds."""

    duration: int

    @property
    def total(self) -> int:
        return self.duration


@dataclass(frozen=True)
class Holds:
    """Hold, rest, hold...: `reps` holds with a rest between each (none after the last)."""

    hold: int
    rest: int
    reps: int

    @property
    def total(self) -> int:
        return self.hold * self.reps + self.rest * (self.reps - 1)


Dose = Timed | Holds


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    position: Position
    steps: tuple[str, ...]
    per_side: bool
    dose: Dose
    cautions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    origin: Path | None = None
    picture: Picture | None = None  # a pose to draw, or a person's own text picture


@dataclass(frozen=True)
class RoutineStep:
    exercise: Exercise
    dose: Dose
    sides: Sides
    get_ready: int = 0
    note: str | None = None


@dataclass(frozen=True)
class Routine:
    name: str
    title: str
    description: str
    steps: tuple[RoutineStep, ...]
    get_ready: int = 5
    switch_legs: int = 5
    origin: Path | None = None

    @property
    def asks_for_side(self) -> bool:
        return any(step.sides is Sides.CHOSEN for step in self.steps)
