"""What a routine is: exercises, the dose of each step, and which legs it works."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from coach.frozen import frozen
from coach.i18n import N_, _, pgettext
from coach.pictures.pose import Picture


class Position(Enum):
    STANDING = "standing"
    SITTING = "sitting"
    LYING = "lying"  # in bed, on the side or any comfortable way
    LYING_ON_BACK = "lying-on-back"  # flat on the back: left out of the pregnancy routines

    @property
    def label(self) -> str:
        """How the position is said to a person ('standing', 'stehend'); `value` is the file's word."""
        return {
            Position.STANDING: pgettext("position", "standing"),
            Position.SITTING: pgettext("position", "sitting"),
            Position.LYING: pgettext("position", "lying"),
            Position.LYING_ON_BACK: pgettext("position", "lying-on-back"),
        }[self]


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
        """The big label on the run screen: 'LEFT LEG', 'LINKES BEIN'."""
        return _(SIDE_LABELS[self])

    @property
    def words(self) -> str:
        """The leg in a sentence or a table: 'left leg', 'linkes Bein' (German keeps its capital)."""
        return _(SIDE_WORDS[self])


SIDE_LABELS = {
    Side.LEFT: N_("LEFT LEG"),
    Side.RIGHT: N_("RIGHT LEG"),
    Side.BOTH: N_("BOTH LEGS"),
    Side.CHOSEN: N_("THE CRAMPED LEG"),
}
SIDE_WORDS = {
    Side.LEFT: N_("left leg"),
    Side.RIGHT: N_("right leg"),
    Side.BOTH: N_("both legs"),
    Side.CHOSEN: N_("the cramped leg"),
}


@frozen
class Timed:
    """Keep moving for a number of seconds."""

    duration: int

    @property
    def total(self) -> int:
        return self.duration


@frozen
class Holds:
    """Hold, rest, hold...: `reps` holds with a rest between each (none after the last)."""

    hold: int
    rest: int
    reps: int

    @property
    def total(self) -> int:
        return self.hold * self.reps + self.rest * (self.reps - 1)


Dose = Timed | Holds


@frozen
class Exercise:
    """One movement as a person reads it: its steps, cautions, usual dose and picture."""

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


@frozen
class RoutineStep:
    """An exercise in a routine, with the dose, sides and get-ready time it has there."""

    exercise: Exercise
    dose: Dose
    sides: Sides
    get_ready: int = 0
    note: str | None = None


@frozen
class Routine:
    """A named list of steps, done in order, with the pauses that go between them."""

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
