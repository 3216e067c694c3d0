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
from coach.i18n import _, pgettext
from coach.model import Position, Side
from coach.safety import GET_HELP_TITLE
from coach.words import leg_words


def phase_word(kind: PhaseKind) -> str:
    """'Hold', 'Rest': what the phase is, at the start of its line."""
    return {
        PhaseKind.GET_READY: pgettext("phase", "Get ready"), PhaseKind.HOLD: pgettext("phase", "Hold"),
        PhaseKind.REST: pgettext("phase", "Rest"), PhaseKind.TIMED: pgettext("phase", "Now"),
        PhaseKind.SWITCH: pgettext("phase", "Switch legs"),
    }[kind]


def position_word(position: Position) -> str:
    return {
        Position.STANDING: pgettext("position", "Standing"), Position.SITTING: pgettext("position", "Sitting"),
        Position.LYING: pgettext("position", "Lying"), Position.LYING_ON_BACK: pgettext("position", "Lying-on-back"),
    }[position]


def side_words(side: Side) -> str:
    return _("the cramped leg") if side is Side.CHOSEN else leg_words(side.value)


def phase_sentence(phase: Phase, first_of_step: bool) -> str:
    kind = phase_word(phase.kind)
    if phase.kind is PhaseKind.HOLD and phase.reps and phase.reps > 1:
        kind = _("Hold {rep} of {reps}").format(rep=phase.rep, reps=phase.reps)
    text = _("[{clock}] {phase}: {exercise}, {leg}, {duration}.").format(
        clock=format_clock(phase.offset), phase=kind, exercise=phase.exercise.name, leg=side_words(phase.side),
        duration=spoken_duration(phase.duration))
    if first_of_step:
        steps = " ".join(f"{n}) {line}" for n, line in enumerate(phase.exercise.steps, start=1))
        text += " " + _("{position}. {steps}").format(position=position_word(phase.exercise.position), steps=steps)
        if phase.note:
            text += " " + _("Note: {note}").format(note=phase.note)
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
                out.writelines("  " + _("Take care: {caution}").format(caution=caution) + "\n"
                               for caution in guidance.cautions)
            nonlocal help_shown
            if guidance.get_help and guidance.get_help != help_shown:
                out.write(f"  {_(GET_HELP_TITLE)}:\n")
                out.writelines(f"  - {line}\n" for line in guidance.get_help)
            help_shown = guidance.get_help
        elif isinstance(event, Paused):
            out.write(_("Paused. Press space to go on.") + "\n")
        elif isinstance(event, Resumed):
            out.write(_("Going on.") + "\n")
        elif isinstance(event, Ended):
            summary = summarise(session)
            out.write(_("{headline} {duration} of stretching.").format(
                headline=summary.headline, duration=spoken_duration(summary.seconds)) + "\n")
            if summary.skipped or summary.partly:
                out.write(_("Skipped or cut short: {exercises}.").format(
                    exercises=", ".join(summary.skipped + summary.partly)) + "\n")
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
