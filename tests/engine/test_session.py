"""The session engine, driven only by a fake clock: nothing here waits for real time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.clock import ManualClock
from coach.engine.session import (
    Ended,
    Paused,
    PhaseStarted,
    Resumed,
    Session,
    State,
    StepEnded,
    StepStatus,
    seconds_until_display_changes,
)
from coach.engine.timeline import PhaseKind, build_timeline
from coach.model import Side, Sides, Timed

from helpers import holds, routine, step


def session_for(clock, *steps, get_ready=5, switch_legs=5):
    return Session(build_timeline(routine(*steps, get_ready=get_ready, switch_legs=switch_legs)), clock)


def recorder(session):
    events = []
    session.subscribe(events.append)
    return events


def test_remaining_time_is_the_deadline_minus_the_clock(clock):
    session = session_for(clock, step(dose=Timed(30)), get_ready=0)
    assert session.state is State.READY and session.remaining() == 30
    session.start()
    clock.advance(12.25)
    assert session.remaining() == pytest.approx(17.75)
    clock.advance(17.75)
    session.update()
    assert session.state is State.FINISHED and session.remaining() == 0


def test_phases_follow_each_other_exactly_on_their_deadlines(clock):
    session = session_for(clock, step(dose=holds(10, 10, 2), sides=Sides.EACH))
    events = recorder(session)
    session.start()
    clock.advance(5.3)  # polled 0.3 s late: the hold still ends 15 s after the start
    session.update()
    assert session.phase.kind is PhaseKind.HOLD
    assert session.remaining() == pytest.approx(9.7)
    clock.advance(9.7 + 10 + 10)
    session.update()
    assert (session.phase.kind, session.phase.side) == (PhaseKind.SWITCH, Side.RIGHT)
    started = [e.phase.kind for e in events if isinstance(e, PhaseStarted)]
    assert started == [PhaseKind.GET_READY, PhaseKind.HOLD, PhaseKind.REST, PhaseKind.HOLD, PhaseKind.SWITCH]
    ended = [e.outcome for e in events if isinstance(e, StepEnded)]
    assert [(o.side, o.status, o.planned_seconds) for o in ended] == [(Side.LEFT, StepStatus.DONE, 30)]


def test_one_late_update_catches_up_through_several_phases(clock):
    session = session_for(clock, step(dose=holds(10, 10, 3)))
    events = recorder(session)
    session.start()
    clock.advance(5 + 10 + 10 + 3)  # asleep through three phase changes
    session.update()
    assert (session.phase.kind, session.phase.rep) == (PhaseKind.HOLD, 2)
    assert session.remaining() == pytest.approx(7)
    assert sum(isinstance(e, PhaseStarted) for e in events) == 4


def test_pause_freezes_the_countdown_and_pushes_the_deadline(clock):
    session = session_for(clock, step(dose=Timed(30)), get_ready=0)
    events = recorder(session)
    session.start()
    clock.advance(10)
    session.pause()
    clock.advance(500)
    assert session.state is State.PAUSED and session.remaining() == pytest.approx(20)
    assert session.seconds_until_next_change() is None  # nothing to redraw while paused
    session.update()
    assert session.state is State.PAUSED
    session.toggle_pause()
    clock.advance(19.9)
    session.update()
    assert session.state is State.RUNNING and session.remaining() == pytest.approx(0.1)
    clock.advance(0.1)
    session.update()
    assert session.state is State.FINISHED
    assert session.time_spent() == pytest.approx(30)
    assert [type(e) for e in events if not isinstance(e, (PhaseStarted, StepEnded))] == [Paused, Resumed, Ended]


def test_skip_marks_the_phase_skipped_and_starts_the_next_at_full_length(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b", dose=Timed(20)), get_ready=0)
    session.start()
    clock.advance(4)
    session.skip()
    assert session.phase.exercise.id == "b" and session.remaining() == 20
    clock.advance(20)
    session.update()
    first, second = session.outcomes()
    assert (first.status, first.actual_seconds) == (StepStatus.PARTIAL, 4)
    assert (second.status, second.actual_seconds) == (StepStatus.DONE, 20)


def test_skip_at_once_records_skipped_not_partial(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b"), get_ready=0)
    session.start()
    session.skip()
    assert session.outcomes()[0].status is StepStatus.SKIPPED


def test_skip_exercise_jumps_over_both_legs_and_their_holds(clock):
    session = session_for(clock, step(dose=holds(), sides=Sides.EACH), step("b"), get_ready=0)
    session.start()
    clock.advance(12)  # into the first rest
    session.skip_exercise()
    assert session.phase.exercise.id == "b" and session.phase.kind is PhaseKind.TIMED
    left, right, b = session.outcomes()
    assert left.status is StepStatus.PARTIAL and right.status is StepStatus.SKIPPED
    assert b.status is StepStatus.NOT_REACHED


def test_skip_while_paused_stays_paused_on_the_next_phase(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b", dose=Timed(20)), get_ready=0)
    session.start()
    session.pause()
    session.skip()
    clock.advance(100)
    assert session.state is State.PAUSED and session.remaining() == 20
    session.resume()
    clock.advance(5)
    assert session.remaining() == pytest.approx(15)


def test_back_restarts_the_phase_or_goes_to_the_previous_one(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b", dose=Timed(20)), get_ready=0)
    session.start()
    clock.advance(30 + 10)
    session.update()
    assert session.phase.exercise.id == "b"
    session.back()  # 10 s in: restart this phase
    assert session.phase.exercise.id == "b" and session.remaining() == 20
    clock.advance(1)
    session.back()  # 1 s in: go to the previous phase
    assert session.phase.index == 0 and session.remaining() == 30
    clock.advance(30)
    session.update()
    assert session.phase.exercise.id == "b"


def test_back_on_the_first_phase_restarts_it(clock):
    session = session_for(clock, step(dose=Timed(30)), get_ready=0)
    session.start()
    clock.advance(1)
    session.back()
    assert session.phase.index == 0 and session.remaining() == 30


def test_stop_keeps_an_honest_record_of_what_was_done(clock):
    session = session_for(clock, step(dose=holds(10, 10, 3), sides=Sides.EACH), step("b"), get_ready=0)
    events = recorder(session)
    session.start()
    clock.advance(50 + 5 + 12)  # left done, switched, into the right's first rest
    session.update()
    session.stop()
    assert session.state is State.STOPPED and session.remaining() == 0
    left, right, b = session.outcomes()
    assert (left.status, left.actual_seconds, left.planned_seconds) == (StepStatus.DONE, 50, 50)
    assert (right.status, right.actual_seconds) == (StepStatus.PARTIAL, 12)
    assert b.status is StepStatus.NOT_REACHED
    assert isinstance(events[-1], Ended) and events[-1].state is State.STOPPED
    session.update()
    session.skip()
    assert session.state is State.STOPPED  # nothing moves after the end


def test_display_changes_exactly_on_whole_seconds():
    assert seconds_until_display_changes(7.3) == pytest.approx(0.3)
    assert seconds_until_display_changes(7.0) == pytest.approx(1.0)
    assert seconds_until_display_changes(0.2) == pytest.approx(0.2)
    assert seconds_until_display_changes(0) == 0


def test_total_remaining_counts_the_rest_of_the_routine(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b", dose=Timed(20)), get_ready=5)
    assert session.total_remaining() == 55
    session.start()
    clock.advance(7.5)
    session.update()
    assert session.total_remaining() == pytest.approx(47.5)


def test_no_drift_after_ten_thousand_phase_changes():
    clock = ManualClock(start=0.0)
    many = [step(f"s{i}", dose=Timed(1 + i % 7)) for i in range(10_000)]
    session = session_for(clock, *many, get_ready=0)
    total = session.timeline.total
    rng = random.Random(4)
    session.start()
    paused_for = 0.0
    while session.state is not State.FINISHED:
        if rng.random() < 0.01 and session.state is State.RUNNING:
            session.pause()
            gap = rng.uniform(0, 30)
            clock.advance(gap)
            paused_for += gap
            session.resume()
        clock.advance(rng.uniform(0.01, 3.0))  # irregular, late polling
        session.update()
    changes_seen = session.phase.index
    assert changes_seen == 9_999
    # The last deadline lands exactly where the plan says, however late each poll was.
    assert session._deadline == pytest.approx(total + paused_for, abs=1e-6)
    assert session.time_spent() == pytest.approx(total, abs=1e-6)


actions = st.lists(st.tuples(
    st.sampled_from(["update", "pause", "resume", "skip", "skip_exercise", "back", "toggle_pause"]),
    st.floats(min_value=0, max_value=40, allow_nan=False)), max_size=60)


@settings(max_examples=200, deadline=None)
@given(actions)
def test_any_sequence_of_actions_keeps_the_countdown_sane(script):
    clock = ManualClock()
    session = session_for(clock, step(dose=holds(10, 5, 2), sides=Sides.EACH), step("b", dose=Timed(20)))
    session.start()
    for action, wait in script:
        clock.advance(wait)
        getattr(session, action)()
        assert 0 <= session.remaining() <= session.phase.duration
        assert 0 <= session.total_remaining() <= session.timeline.total
        if session.state is State.RUNNING:
            wake = session.seconds_until_next_change()
            assert wake is not None and 0 <= wake <= 1.0 + 1e-9
    for outcome in session.outcomes():
        assert outcome.actual_seconds >= 0


def test_a_step_stopped_moments_after_it_began_counts_as_cut_short(clock):
    session = session_for(clock, step(dose=Timed(30)), step("b"), get_ready=0)
    session.start()
    clock.advance(0.4)
    session.stop()
    first, second = session.outcomes()
    assert first.status is StepStatus.PARTIAL and second.status is StepStatus.NOT_REACHED
