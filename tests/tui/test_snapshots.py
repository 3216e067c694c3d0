"""Pictures of the key screens at 100x30, compared with approved ones in __snapshots__/.

Regenerate after an intended change with `make snapshot-update`,
then look at every changed picture before committing it.
"""

from __future__ import annotations

from coach.clock import ManualClock
from coach.model import Side
from coach.routines.library import load_library
from coach.tui.app import CoachApp

from tui_helpers import after, app_at

SIZE = (100, 30)


def test_home(snap_compare):
    app, _ = app_at()
    assert snap_compare(app, terminal_size=SIZE)


def test_safety_on_first_run(snap_compare):
    app, _ = app_at(show_safety=True)
    assert snap_compare(app, terminal_size=SIZE)


def test_run_hold(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 5 + 10 + 10 + 3.5))


def test_run_rest(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 5 + 10 + 2))


def test_run_switch_legs(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 5 + 50 + 1))


def test_run_paused(snap_compare):
    app, clock = app_at("evening")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 5 + 10 + 5 + 20, "space"))


def test_cramp_now(snap_compare):
    app, clock = app_at("cramp-now", side=Side.LEFT)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 10 + 12))


def test_done(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 5 + 50 + 5 + 30, "q", "y"))


def test_history_with_twelve_weeks_of_data(snap_compare):
    from coach.history.store import HistoryStore

    from history_seed import NOW, seed

    store = HistoryStore()
    seed(store)
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False,
                   history=store, now=lambda: NOW)
    assert snap_compare(app, terminal_size=SIZE, press=["h"])


def test_cramp_now_at_60_by_20_keeps_stop_and_get_help_in_view(snap_compare):
    app, clock = app_at("cramp-now", side=Side.LEFT)
    assert snap_compare(app, terminal_size=(60, 20), run_before=after(clock, 10 + 12))


def test_run_get_ready_shows_the_cautions(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=SIZE, run_before=after(clock, 2))
