"""History and the cramp diary in the app, under Pilot on a fake clock."""

from __future__ import annotations

from textual.widgets import OptionList

from coach.model import Side
from coach.tui.screens.cramp_form import CrampForm
from coach.tui.screens.done import DoneScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen

from history_seed import seed
from tui_helpers import SIZE, advance, app_with_history, make_app, text


async def test_a_finished_routine_is_recorded_step_by_step(clock):
    app, store = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 60)
        assert [s.status for s in store.sessions()] == ["running"]
        (session,) = store.sessions()
        assert [(s.exercise, s.side, s.status) for s in store.steps(session.id)] == [
            ("wall-calf-stretch", "left", "done")]  # written the moment it ended
        await advance(pilot, clock, 160)
    (session,) = store.sessions()
    assert session.status == "completed" and len(store.steps(session.id)) == 4


async def test_stopping_records_a_partial_routine(clock):
    app, store = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 70)
        await pilot.press("q", "y")
        await pilot.pause()
    (session,) = store.sessions()
    statuses = [(s.side, s.status) for s in store.steps(session.id)]
    assert session.status == "partial" and statuses == [("left", "done"), ("right", "partial")]


async def test_home_shows_the_streak_and_when_each_routine_was_last_done(clock):
    app, store = app_with_history(clock)
    seed(store)
    async with app.run_test(size=SIZE):
        assert text(app, "#streak").startswith("Streak: ")
        options = app.screen.query_one(OptionList)
        evening = str(options.get_option_at_index(0).prompt)
        assert "last done yesterday" in evening or "last done Sat" in evening


async def test_logging_a_cramp_from_the_app(clock):
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CrampForm)
        await pilot.press("ctrl+s")
        assert str(form.query_one("#form-error").content) == "Choose which leg."
        form.query_one("#leg-right").value = True
        form.query_one("#when").value = "last night 03:15"
        form.query_one("#severity").value = "12"
        await pilot.press("ctrl+s")
        assert str(form.query_one("#form-error").content) == "Give how bad it was as a number from 1 to 10."
        form.query_one("#severity").value = "6"
        form.query_one("#minutes").value = "2.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (cramp,) = store.cramps()
    assert (cramp.leg, cramp.severity, cramp.minutes) == ("right", 6, 2.5)
    assert cramp.at.strftime("%Y-%m-%d %H:%M") == "2026-11-22 03:15"


async def test_after_cramp_first_aid_the_diary_is_offered_for_that_leg(clock):
    app, _store = app_with_history(clock, start="cramp-now", side=Side.LEFT)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen) and "Press l" in text(app, "#log-offer")
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.query_one("#leg-left").value is True


async def test_the_history_screen_shows_twelve_weeks_and_the_comparison(clock):
    app, store = app_with_history(clock)
    seed(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        rows = text(app, "#heatmap").splitlines()
        assert [row[:3] for row in rows] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        assert all(len(row.split(" ", 1)[1].split(" ")) == 12 for row in rows[:6])
        assert "×" in text(app, "#heatmap") and "██" in text(app, "#heatmap")
        stats = text(app, "#history-stats")
        assert "after a completed routine:" in stats and "on nights without one:" in stats
        weekly = app.screen.query_one("#weekly-cramps").data
        assert len(weekly) == 12 and 0 < sum(weekly) <= len(store.cramps())


async def test_notices_from_before_the_screen_opened_are_shown_in_the_app(clock):
    app = make_app(clock, notices=["Your history file could not be read. It was kept as X."])
    shown = []
    app.notify = lambda message, **options: shown.append((message, options.get("severity")))
    async with app.run_test(size=SIZE):
        assert shown == [("Your history file could not be read. It was kept as X.", "warning")]


async def test_the_app_coaches_without_a_history(clock):
    app = make_app(clock, start="quick", history=None)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 220)
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")  # no diary without a history: nothing happens, nothing breaks
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and text(app, "#streak") == ""


async def test_a_long_cramp_logged_in_the_app_gets_the_urgent_tier_in_its_words(clock):
    from coach.safety import long_cramp_advice

    app, _store = app_with_history(clock)
    shown: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        original = app.notify
        app.notify = lambda message, **options: (shown.append(message), original(message, **options))[1]
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#leg-left").value = True
        form.query_one("#severity").value = "7"
        form.query_one("#minutes").value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert long_cramp_advice(15) in shown
    assert long_cramp_advice(15).startswith("Get urgent advice today: a cramp over 10 minutes")
