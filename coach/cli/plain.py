"""Following a routine without the full-screen app: one line per phase change.

For screen readers, SSH sessions and terminals where a full-screen app does not work. It waits
until each deadline or key (never per tick), so it costs nothing between changes. In a terminal
space pauses, n skips, b goes back and q stops; cues are spoken and played as in the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from coach.cli.keys import KeyReader
from coach.clock import monotonic
from coach.cues.driver import CueDriver
from coach.durations import format_clock
from coach.engine.guidance import guidance_at
from coach.engine.session import Ended, Event, Paused, PhaseStarted, Resumed, Session, State
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
              prepare: Callable[[Session], object] | None = None,
              cues: Callable[[Session], CueDriver] | None = None, keys: KeyReader | None = None,
              ticks: bool = False, interrupted: Callable[[], object] | None = None,
              first_aid: bool = False, pregnant: bool = False) -> Session:
    """Run the timeline to its end; `prepare` sees the session before it starts (to record it).

    `cues` makes the driver that speaks and plays each change; `keys` waits for a key press;
    `interrupted` is told of Ctrl+C, after which the session is stopped with what was done kept.
    Cautions and "Stop and get help" lines are printed when the full screen would show them:
    cautions as an exercise is got ready for, the help lines when they first apply.
    """
    session = Session(timeline, clock)
    if prepare is not None:
        prepare(session)
    driver = cues(session) if cues is not None else None
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
        elif isinstance(event, Paused):
            out.write("Paused. Press space to go on.\n")
        elif isinstance(event, Resumed):
            out.write("Going on.\n")
        elif isinstance(event, Ended):
            summary = summarise(session)
            out.write(f"{summary.headline} {spoken_duration(summary.seconds)} of stretching.\n")
            if summary.skipped or summary.partly:
                out.write(f"Skipped or cut short: {', '.join(summary.skipped + summary.partly)}.\n")
        out.flush()

    session.subscribe(on_event)
    try:
        session.start()
        while not session.is_over:
            if driver is not None:
                driver.flush()
            running = session.state is State.RUNNING
            wait = session.seconds_until_next_change() if ticks else session.remaining()
            if keys is None:
                sleep(wait if running and wait is not None else 0.0)
            else:
                key = keys(wait if running else None)
                command = KEY_COMMANDS.get(key or "")
                if command is not None:
                    getattr(session, command)()
            session.update()
    except KeyboardInterrupt:
        session.stop()
        if interrupted is not None:
            interrupted()
    finally:
        if driver is not None:
            driver.flush()
            driver.close()
    return session


KEY_COMMANDS = {" ": "toggle_pause", "n": "skip", "b": "back", "q": "stop"}
