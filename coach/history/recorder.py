"""Writing a session into the history as it happens: the start, each step as it ends, the end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from coach.engine.session import Ended, Event, Session, State, StepEnded, StepStatus
from coach.history.store import HistoryStore, now_local
from coach.i18n import _

STATUS_AT_END = {State.FINISHED: "completed", State.STOPPED: "partial"}
# Done all the way through: a hold left after a second, then skipped, is not a night of stretching.
ACTUALLY_DONE = {StepStatus.DONE}


class Recorder:
    """Best subscribed before the session starts; history problems never stop the routine."""

    def __init__(self, store: HistoryStore, session: Session, routine_name: str,
                 report: Callable[[str], object] | None = None):
        self.store = store
        self.session = session
        self.routine_name = routine_name
        self.report = report  # told once, if saving fails
        self.session_id: int | None = None
        self.failure: str | None = None
        self._unsubscribe = session.subscribe(self._on_event)
        if session.state is not State.READY:
            self._catch_up()

    def _catch_up(self) -> None:
        """Subscribed after the session began (the full screen opens the history just after its
        first frame): write the start as it was, and any step already left behind."""
        try:
            timeline = self.session.timeline
            started_at = now_local() - timedelta(seconds=self.session.time_spent())
            self.session_id = self.store.start_session(self.routine_name, timeline.title,
                                                       timeline.exercise_seconds, started_at)
        except Exception as error:
            self._failed(error)
            return
        for outcome in self.session.outcomes_so_far():
            self._on_event(StepEnded(outcome))
        if self.session.is_over:
            self._on_event(Ended(self.session.state))

    def _on_event(self, event: Event) -> None:
        try:
            if self.session_id is None:
                timeline = self.session.timeline
                # Planned like time spent is counted: the exercises, without get-ready or switching.
                self.session_id = self.store.start_session(self.routine_name, timeline.title,
                                                           timeline.exercise_seconds)
            if isinstance(event, StepEnded):
                outcome = event.outcome
                self.store.record_step(self.session_id, outcome.step_index, outcome.exercise_id,
                                       outcome.side.value, outcome.planned_seconds,
                                       round(outcome.actual_seconds, 1), outcome.status.value)
            elif isinstance(event, Ended):
                self.store.finish_session(self.session_id, self._status_at_end(event.state))
                self._unsubscribe()
        except Exception as error:  # sqlite3 errors, a full disk: keep coaching, say it once
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        if self.failure is None:
            self.failure = _("History could not be saved: {problem}. The routine goes on.").format(problem=error)
            if self.report is not None:
                self.report(self.failure)

    def _status_at_end(self, state: State) -> str:
        # Skipping (or only starting) every exercise reaches the end too, but it is not a night of
        # stretching: counted as done, it would lengthen the streak and blur the comparison of cramps.
        if state is State.FINISHED and not any(o.status in ACTUALLY_DONE for o in self.session.outcomes()):
            return "partial"
        return STATUS_AT_END[state]
