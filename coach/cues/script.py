"""The words and sound for each change of a routine: short, calm, said once.

While getting ready the cue names what comes and the exercise's first caution, the one the screen
shows then; the first effort of an exercise adds its one-line how-to; later repetitions say only
what changed ("Rest.", "Hold.", "Switch legs."). Words are cut to what can be said before the
next change: a get-ready is often only 5 s.
"""

from __future__ import annotations

import re
from enum import Enum

from coach.engine.guidance import most_important_caution
from coach.engine.timeline import Phase, PhaseKind, Timeline
from coach.frozen import frozen
from coach.i18n import N_, _
from coach.model import Exercise, Side


class Sound(Enum):
    """A tone kind: each has its own shape, so hold, rest and switch differ by ear alone."""

    READY = "ready"
    HOLD = "hold"
    REST = "rest"
    SWITCH = "switch"
    TICK = "tick"
    END = "end"


@frozen
class Cue:
    sound: Sound | None
    words: str


WORDS_PER_SECOND = 2.5  # a calm voice at the default 150 words a minute
# Each cue is said in the person's language: the texts here are marked, and translated as said.
FINISHED_WORDS = N_("Well done. That's tonight's routine.")
STOPPED_WORDS = N_("Stopped. What you did still counts.")
TICK_SECONDS = (3, 2, 1)

SIDE_WORDS = {Side.LEFT: N_("Left leg."), Side.RIGHT: N_("Right leg."), Side.BOTH: N_("Both legs."),
              Side.CHOSEN: N_("The cramped leg.")}
# Whole sentences per leg: in other languages the words around the exercise's name differ.
NEXT_WORDS = {Side.LEFT: N_("Next: {exercise}, left leg."), Side.RIGHT: N_("Next: {exercise}, right leg."),
              Side.BOTH: N_("Next: {exercise}, both legs."), Side.CHOSEN: N_("Next: {exercise}, the cramped leg.")}
WORK_WORDS = {PhaseKind.HOLD: N_("Hold."), PhaseKind.REST: N_("Rest."), PhaseKind.TIMED: N_("Begin.")}
RESUMED_WORDS = {PhaseKind.GET_READY: N_("Get ready."), PhaseKind.HOLD: N_("Hold."), PhaseKind.REST: N_("Rest."),
                 PhaseKind.TIMED: N_("Go on."), PhaseKind.SWITCH: N_("Switch legs.")}
SOUND_OF = {PhaseKind.GET_READY: Sound.READY, PhaseKind.HOLD: Sound.HOLD, PhaseKind.TIMED: Sound.HOLD,
            PhaseKind.REST: Sound.REST, PhaseKind.SWITCH: Sound.SWITCH}


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def first_sentence(text: str) -> str:
    """A get-ready lasts about 5 s: room for the exercise's name and one short sentence."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else sentence(text)


def how_to(exercise: Exercise) -> str:
    return sentence(exercise.steps[0]) if exercise.steps else ""


def fit_words(said: list[str], caution: str | None, how: str, seconds: int) -> str:
    """The cue's words, the caution before the how-to, cut to what can be said before the next
    change: first the caution to its first sentence, then the how-to left out."""
    def joined(*parts: str | None) -> str:
        return " ".join(part for part in (*said, *parts) if part)

    budget = seconds * WORDS_PER_SECOND
    for candidate in (joined(caution, how), joined(caution and first_sentence(caution), how),
                      joined(caution and first_sentence(caution))):
        if len(candidate.split()) <= budget:
            return candidate
    return joined(caution and first_sentence(caution))


def is_last_hold(phase: Phase) -> bool:
    return phase.kind is PhaseKind.HOLD and bool(phase.reps) and phase.reps != 1 and phase.rep == phase.reps


class CueScript:
    """Remembers what has been said, so each cue says only what is new to the listener."""

    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        self._introduced: set[str] = set()
        # What the last hold, rest, move or switch said: a get-ready announces what comes, and
        # the start of the effort still names the exercise and leg once.
        self._working_on: tuple[int, str] | None = None  # (step index, exercise id)
        self._working_side: Side | None = None

    def for_phase(self, phase: Phase) -> Cue:
        exercise = phase.exercise
        words: list[str] = []
        if phase.kind is PhaseKind.GET_READY:
            words.append(_(NEXT_WORDS[phase.side]).format(exercise=exercise.name))
            self._working_on = None  # the effort that follows names the exercise again
        else:
            new_step = self._working_on != (phase.step_index, exercise.id)
            if phase.kind is PhaseKind.SWITCH:
                words += [_("Switch legs."), _(SIDE_WORDS[phase.side])]
            else:
                if new_step or self._working_side is not phase.side:
                    words.append(_(SIDE_WORDS[phase.side]))
                if new_step:
                    words.append(sentence(exercise.name))
                if is_last_hold(phase):
                    words.append(_("Last one."))
                words.append(_(WORK_WORDS[phase.kind]))
            self._working_on = (phase.step_index, exercise.id)
            self._working_side = phase.side
        # The same caution the screen shows at this moment (one rule, in coach.engine.guidance).
        caution = most_important_caution(self.timeline, phase.index)
        how = ""
        if phase.kind.is_work and exercise.id not in self._introduced:
            self._introduced.add(exercise.id)
            how = how_to(exercise)
        return Cue(SOUND_OF[phase.kind], fit_words(words, caution, how, phase.duration))

    def resumed(self, phase: Phase) -> Cue:
        """After a pause: where we are, briefly."""
        return Cue(SOUND_OF[phase.kind], f"{_(SIDE_WORDS[phase.side])} {_(RESUMED_WORDS[phase.kind])}")

    @staticmethod
    def ended(finished: bool) -> Cue:
        return Cue(Sound.END, _(FINISHED_WORDS if finished else STOPPED_WORDS))


def wants_ticks(phase: Phase) -> bool:
    """Ticks count down the end of effort only: a hold or a timed move long enough to have them."""
    return phase.kind.is_work and phase.duration > len(TICK_SECONDS)


@frozen
class ScriptLine:
    at: int  # seconds from the start of the routine
    cue: Cue


def cue_script(timeline: Timeline, ticks: bool = False) -> list[ScriptLine]:
    """Every cue of an uninterrupted run, in order: what `coach show --cues` prints."""
    script = CueScript(timeline)
    lines: list[ScriptLine] = []
    for phase in timeline.phases:
        lines.append(ScriptLine(phase.offset, script.for_phase(phase)))
        if ticks and wants_ticks(phase):
            end = phase.offset + phase.duration
            lines += [ScriptLine(end - second, Cue(Sound.TICK, "")) for second in TICK_SECONDS]
    lines.append(ScriptLine(timeline.total, script.ended(finished=True)))
    return lines
