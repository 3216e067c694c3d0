"""Recording never gets in the way of coaching."""

from __future__ import annotations

from datetime import timedelta

from coach.cli.main import _history_if_possible
from coach.engine.session import Session, State, StepStatus
from coach.engine.summary import summarise
from coach.engine.timeline import build_timeline
from coach.history.recorder import Recorder
from coach.history.store import HistoryStore, now_local
from coach.model import Sides, Timed

from helpers import holds, routine, step


def test_a_failing_history_is_reported_once_and_the_routine_goes_on(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step(dose=holds(), sides=Sides.EACH), step("b", dose=Timed(5)))), clock)
    told: list[str] = []
    Recorder(store, session, "test", report=told.append)
    session.start()
    store.close()  # the disk went away, say
    clock.advance(500)
    session.update()
    assert session.state is State.FINISHED
    assert len(told) == 1 and told[0].startswith("History could not be saved:")
    assert told[0].endswith("The routine goes on.")


def test_the_app_still_opens_when_the_history_cannot(monkeypatch):
    monkeypatch.setenv("COACH_HOME", "/sys/coach-test")  # read-only even for root
    store, notices = _history_if_possible()
    assert store is None
    (notice,) = notices
    assert notice.startswith("History is off for now: cannot create /sys/coach-test/history.sqlite3: ")
    assert notice.endswith("— check that folder is yours and writable, or set COACH_HOME to another folder")


def test_skipping_every_exercise_to_the_end_is_not_a_completed_night(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step(dose=holds(), sides=Sides.EACH), step("b", dose=Timed(5)))), clock)
    Recorder(store, session, "test")
    session.start()
    while session.state is not State.FINISHED:
        session.skip_exercise()
    assert [s.status for s in store.sessions()] == ["partial"]
    assert store.completed_nights() == set()
    assert summarise(session).headline == "Test: every exercise was skipped, so tonight is not counted as done."


def test_skipping_through_every_hold_after_a_moment_is_not_a_completed_night(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step(dose=holds(), sides=Sides.EACH), step("b", dose=Timed(5)))), clock)
    Recorder(store, session, "test")
    session.start()
    while session.state is not State.FINISHED:
        clock.advance(1.5)  # a moment in each part, then on with the skip key
        session.skip()
    assert all(o.status is not StepStatus.DONE for o in session.outcomes())
    assert any(o.status is StepStatus.PARTIAL for o in session.outcomes())  # started, not done
    assert [s.status for s in store.sessions()] == ["partial"]
    assert store.completed_nights() == set()
    assert summarise(session).headline == (
        "Test: no exercise was done all the way through, so tonight is not counted as done.")


def test_a_routine_with_one_exercise_skipped_still_counts(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step(dose=holds(), sides=Sides.EACH), step("b", dose=Timed(5)))), clock)
    Recorder(store, session, "test")
    session.start()
    session.skip_exercise()
    clock.advance(500)
    session.update()
    assert [s.status for s in store.sessions()] == ["completed"]
    assert len(store.completed_nights()) == 1
    assert summarise(session).headline == "Test: finished."


def test_a_recorder_subscribed_after_the_start_writes_what_already_happened(tmp_path, clock):
    """The full screen opens the history just after its first frame, so the routine may already
    be going: its start (dated back by the time spent) and any step left behind are still kept."""
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step("a", dose=Timed(5)), step("b", dose=Timed(5)))), clock)
    session.start()
    clock.advance(12)  # its get-ready, the first exercise, and into the second
    session.update()
    before = now_local()
    Recorder(store, session, "test")
    (record,) = store.sessions()
    assert record.status == "running"
    assert before - timedelta(seconds=13) < record.started_at < before - timedelta(seconds=11)
    assert [(s.exercise, s.status) for s in store.steps(record.id)] == [("a", "done")]
    clock.advance(10)
    session.update()
    assert [s.status for s in store.sessions()] == ["completed"]
    assert [(s.exercise, s.status) for s in store.steps(record.id)] == [("a", "done"), ("b", "done")]


def test_a_recorder_subscribed_after_the_end_writes_the_whole_routine(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = Session(build_timeline(routine(step("a", dose=Timed(5)), step("b", dose=Timed(5)))), clock)
    session.start()
    clock.advance(12)
    session.update()
    session.stop()
    Recorder(store, session, "test")
    (record,) = store.sessions()
    assert record.status == "partial"
    assert [(s.exercise, s.status) for s in store.steps(record.id)] == [("a", "done"), ("b", "partial")]
