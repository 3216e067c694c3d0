"""Where to go on from: a routine stopped or cut off tonight can be finished the same night.

Only the latest routine of tonight counts, and only if it was not completed: once a routine is
done, or another one was started, there is nothing to resume.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coach.history.nights import night_of
from coach.history.store import HistoryStore

UNFINISHED = ("partial", "interrupted")


@dataclass(frozen=True)
class ResumePoint:
    routine: str
    title: str
    step_index: int  # the first step not done on every side


def resume_point(store: HistoryStore, now: datetime, steps_in: dict[str, int]) -> ResumePoint | None:
    """`steps_in`: how many steps each routine that may be resumed has (first aid is left out)."""
    tonight = [s for s in store.sessions(night_of(now)) if s.night == night_of(now)]
    if not tonight or tonight[-1].status not in UNFINISHED or tonight[-1].routine not in steps_in:
        return None
    last = tonight[-1]
    done_steps = {step.step_index for step in store.steps(last.id) if step.status == "done"}
    not_done = {step.step_index for step in store.steps(last.id) if step.status != "done"}
    for index in range(steps_in[last.routine]):
        if index in not_done or index not in done_steps:
            return ResumePoint(last.routine, last.title, index) if index > 0 or done_steps else None
    return None
