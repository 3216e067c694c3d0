"""Which cautions and "get help" lines go with each moment of a routine.

One rule for the full screen and for plain mode, so a screen-reader user hears a caution or a red
flag at the same moment another person sees it.
"""

from __future__ import annotations

from coach import safety
from coach.engine.timeline import Phase, Timeline
from coach.frozen import frozen

LEG_CHECK = "leg-check"


@frozen
class Guidance:
    """The words of care shown beside a phase."""

    cautions: tuple[str, ...] = ()  # the exercise's cautions, while getting ready for it
    get_help: tuple[str, ...] = ()  # the "Stop and get help" box, while it applies


def starts_step(timeline: Timeline, index: int) -> bool:
    return index == 0 or timeline.phases[index - 1].step_index != timeline.phases[index].step_index


def guidance_at(timeline: Timeline, index: int, *, first_aid: bool = False,
                pregnant: bool = False) -> Guidance:
    """What to show during phase `index`.

    Cautions are read before an exercise starts: during its get-ready pause, or, for a step that
    has none, during its first phase. First aid shows its red flags throughout; the leg check
    shows the reasons not to stretch tonight.
    """
    phase = timeline.phases[index]
    # A get-ready pause is always the first phase of its step.
    cautions = phase.exercise.cautions if starts_step(timeline, index) else ()
    get_help: list[str] = []
    if _shows_get_help(phase, first_aid):
        get_help = safety.during_a_cramp() if first_aid else safety.before_stretching(pregnant)
    return Guidance(tuple(cautions), tuple(get_help))


def _shows_get_help(phase: Phase, first_aid: bool) -> bool:
    """First aid shows its red flags throughout; the leg check, the reasons not to stretch tonight."""
    return first_aid or phase.exercise.id == LEG_CHECK


def ever_shows_get_help(timeline: Timeline, *, first_aid: bool = False) -> bool:
    """Whether some moment of the routine shows the "Stop and get help" box (see guidance_at)."""
    return any(_shows_get_help(phase, first_aid) for phase in timeline.phases)


def most_important_caution(timeline: Timeline, index: int) -> str | None:
    """The caution worth saying aloud: the exercise's first one, once, as it is got ready for."""
    cautions = guidance_at(timeline, index).cautions
    return cautions[0] if cautions else None
