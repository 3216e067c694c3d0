"""What a finished or stopped session amounts to, in words a tired person can take in."""

from __future__ import annotations

from coach.engine.session import Session, State, StepOutcome, StepStatus
from coach.frozen import frozen
from coach.i18n import _
from coach.model import Side
from coach.words import count_of


@frozen
class Summary:
    title: str
    finished: bool
    seconds: float
    done: tuple[str, ...]
    partly: tuple[str, ...]
    skipped: tuple[str, ...]
    not_reached: tuple[str, ...]

    @property
    def headline(self) -> str:
        if self.finished and not self.skipped and not self.partly:
            headline = _("{title}: all done. Well done, and sleep well.")
        elif self.finished and not self.done and not self.partly:
            headline = _("{title}: every exercise was skipped, so tonight is not counted as done.")
        elif self.finished and not self.done:
            headline = _("{title}: no exercise was done all the way through, so tonight is not counted as done.")
        elif self.finished:
            headline = _("{title}: finished.")
        elif not self.done and not self.partly:
            headline = _("{title}: stopped before any exercise was done.")
        else:
            headline = _("{title}: stopped early. What you did is kept in your history.")
        return headline.format(title=self.title)


def _label(outcome: StepOutcome) -> str:
    if outcome.side in (Side.BOTH, Side.CHOSEN):
        return outcome.exercise_name
    return _("{exercise} ({leg})").format(exercise=outcome.exercise_name, leg=outcome.side.words)


def summarise(session: Session) -> Summary:
    by_status: dict[StepStatus, list[str]] = {status: [] for status in StepStatus}
    outcomes = session.outcomes()
    for outcome in outcomes:
        by_status[outcome.status].append(_label(outcome))
    return Summary(
        title=session.timeline.title,
        finished=session.state is State.FINISHED,
        # Time spent means time in the exercises (holds, rests, timed stretches), not getting
        # ready or switching legs: the same number history records for each step.
        seconds=sum(outcome.actual_seconds for outcome in outcomes),
        done=tuple(by_status[StepStatus.DONE]),
        partly=tuple(by_status[StepStatus.PARTIAL]),
        skipped=tuple(by_status[StepStatus.SKIPPED]),
        not_reached=tuple(by_status[StepStatus.NOT_REACHED]),
    )


def spoken_duration(seconds: float) -> str:
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(count_of(minutes, "minute", "minutes"))
    if secs or not minutes:
        parts.append(count_of(secs, "second", "seconds"))
    return " ".join(parts)
