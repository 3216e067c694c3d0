"""Following a routine without the full-screen app: one line per phase change.

For screen readers, SSH sessions and terminals where a full-screen app does not work. It sleeps
until each deadline (never per tick), so it costs nothing between changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from coach.clock import monotonic
from coach.durations import format_clock
from coach.engine.guidance import guidance_at
from coach.engine.session import Ended, Event, PhaseStarted, Session
from coach.engine.summary import spoken_duration, summarise
from coach.engine.timeline import Phase, PhaseKind, Timeline
from coach.safety import GET_HELP_TITLE


def phase_sentence(phase: Phase, first_of_step: bool) -> str:
    kind = phase.kind.value.capitalize()
    if phase.kind is PhaseKind.HOLD and phase.reps and phase.reps > 1:
        kind += f" {phase.rep} of {phase.reps}"
    leg = phase.side.label.lower()
    text = f"[{format_clock(phase.offset)}] {kind}: {phase.exercise.name}, {leg}, {spoken_duration(phase.duration)}."
    if first_of_step:
        steps = " ".join(f"{n}) {line}" for n, line in enumerate(phase.exercise.steps, start=1))
        text += f" {phase.exercise.position.value.capitalize()}. {steps}"
        if phase.note:
            text += f" Note: {phase.note}"
    return text


def run_plain(timeline: Timeline, out: TextIO, clock: Callable[[], float] = monotonic,
              sleep: Callable[[float], None] = time.sleep, bell: bool = True,
              prepare: Callable[[Session], object] | None = None, first_aid: bool = False,
              pregnant: bool = False) -> Session:
    """Run the timeline to its end; `prepare` sees the session before it starts (to record it).

    Cautions and "Stop and get help" lines are printed when the full screen would show them:
    cautions as an exercise is got ready for, the help lines when they first apply.
    """
    session = Session(timeline, clock)
    if prepare is not None:
        prepare(session)
    introduced: set[int] = set()
    help_shown: tuple[str, ...] = ()

    def on_event(event: Event) -> None:
        if isinstance(event, PhaseStarted):
            phase = event.phase
            if bell:
                out.write("\a")
            first_of_step = phase.step_index not in introduced
            out.write(phase_sentence(phase, first_of_step) + "\n")
            introduced.add(phase.step_index)
            guidance = guidance_at(timeline, phase.index, first_aid=first_aid, pregnant=pregnant)
            if first_of_step:
                out.writelines(f"  Take care: {caution}\n" for caution in guidance.cautions)
            nonlocal help_shown
            if guidance.get_help and guidance.get_help != help_shown:
                out.write(f"  {GET_HELP_TITLE}:\n")
                out.writelines(f"  - {line}\n" for line in guidance.get_help)
            help_shown = guidance.get_help
        elif isinstance(event, Ended):
            summary = summarise(session)
            out.write(f"{summary.headline} {spoken_duration(summary.seconds)} of stretching.\n")
            if summary.skipped or summary.partly:
                out.write(f"Skipped or cut short: {', '.join(summary.skipped + summary.partly)}.\n")
        out.flush()

    session.subscribe(on_event)
    session.start()
    try:
        while not session.is_over:
            sleep(session.remaining())
            session.update()
    except KeyboardInterrupt:
        session.stop()
    return session
