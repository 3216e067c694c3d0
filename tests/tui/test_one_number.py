"""Time spent is one number: the same on the done screen, in plain mode and in history."""

from __future__ import annotations

import io
import os
import signal

from coach.cli.plain import run_plain
from coach.clock import ManualClock
from coach.durations import format_clock
from coach.engine.timeline import build_timeline
from coach.history.recorder import Recorder
from coach.history.store import HistoryStore, now_local
from coach.history.views import history_table
from coach.routines.library import load_library

from tui_helpers import SIZE, advance, app_with_history, exercise_heading, make_app, text


async def test_a_stopped_routine_shows_the_same_time_on_the_done_screen_and_in_history(clock):
    app, store = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 10 + 10 + 4)  # get ready (not counted), hold, rest, 4 s of hold
        await pilot.press("q", "y")
        await pilot.pause()
        assert "Time spent stretching: 24 seconds" in text(app, "#summary")
    [session] = store.sessions()
    assert round(session.actual_seconds) == 24
    assert session.planned_seconds == 200  # 3:40 less get-ready and switching legs
    assert f"{format_clock(24)} of {format_clock(200)}" in history_table(store.sessions(), [])


def test_plain_mode_counts_time_the_same_way(coach_home):
    clock = ManualClock()
    store = HistoryStore()
    out = io.StringIO()
    run_plain(build_timeline(load_library().routines["quick"]), out, clock, clock.advance, bell=False,
              prepare=lambda session: Recorder(store, session, "quick"))
    [record] = store.sessions()
    assert round(record.actual_seconds) == 200
    assert "3 minutes 20 seconds of stretching" in out.getvalue()


async def test_a_routine_closed_with_the_terminal_records_the_time_spent(clock):
    app, store = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 12)
        os.kill(os.getpid(), signal.SIGHUP)  # what closing the terminal window sends
        await pilot.pause(0.2)
    [session] = store.sessions()
    assert session.status == "partial" and round(session.actual_seconds) == 12


def app_at_the_real_time(clock):
    """History stamps routines with the real time, so 'tonight' must be the real night here."""
    store = HistoryStore()
    return make_app(clock, start="quick", history=store, now=now_local), store


async def test_a_routine_stopped_tonight_can_be_resumed_from_where_it_stopped(clock):
    app, store = app_at_the_real_time(clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 50)  # wall calf stretch, left leg, done
        await advance(pilot, clock, 5 + 50)  # and the right leg
        await advance(pilot, clock, 5 + 20)  # hamstring stretch begun
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("enter")  # back to the start screen
        await pilot.pause()
        assert text(app, "#resume") == (
            "Quick trial stretches stopped tonight. Press g to go on from Standing hamstring stretch.")
        await pilot.press("g")
        await pilot.pause()
        assert exercise_heading(app) == "Standing hamstring stretch · standing"
        await advance(pilot, clock, 120)
        await pilot.press("enter")
        await pilot.pause()
        assert [s.status for s in store.sessions()] == ["partial", "completed"]
        assert not app.screen.query_one("#resume").display  # finished: nothing left to go on with


async def test_nothing_is_offered_to_resume_after_a_completed_routine(clock):
    app, _ = app_at_the_real_time(clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 220)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one("#resume").display
