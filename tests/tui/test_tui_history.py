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
        await pilot.pause()
        assert str(form.query_one("#leg-error").content) == "Choose which leg."
        assert form.query_one("#leg-error").display and app.focused is form.query_one("#leg")
        form.query_one("#leg-right").value = True
        form.query_one("#when").value = "last night 03:15"
        form.query_one("#severity").value = "12"
        form.query_one("#minutes").value = "2.5"
        form.query_one("#minutes").focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#severity-error").content).startswith("Severity 12 is not between 1 and 10")
        assert not form.query_one("#leg-error").display  # only the question still wrong is marked
        assert app.focused is form.query_one("#severity")
        assert form.query_one("#minutes").selection.is_empty  # typing cannot overwrite another answer
        await pilot.press("6")  # replaces the wrong answer, which was selected
        assert form.query_one("#severity").value == "6"
        await pilot.click("#woke-yes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (cramp,) = store.cramps()
    assert (cramp.leg, cramp.severity, cramp.minutes, cramp.place, cramp.woke) == ("right", 6, 2.5, "calf", True)
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
        months, mondays, *rows = text(app, "#heatmap").splitlines()
        assert months.split() == ["Sep", "Oct", "Nov"] and mondays.split()[-1] == "16"  # Mon 16 Nov
        assert [row[:3] for row in rows] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        assert all(len(row.split(" ", 1)[1].split(" ")) == 12 for row in rows[:6])
        assert "?" in text(app, "#heatmap")  # seeded nights nobody answered are gaps, not zeros
        assert "×" in text(app, "#heatmap") and "██" in text(app, "#heatmap")
        stats = text(app, "#history-stats")
        assert "after a completed routine:" in stats and "on nights without one:" in stats
        chart = text(app, "#weekly-chart").splitlines()
        assert chart[0] == "cramps per answered night" and chart[-3].endswith("routine nights (of 7)")
        assert chart[-2].endswith("week starting") and chart[-2].split()[:-2][-1] == "16"
        assert any(block in "".join(chart[1:6]) for block in "▁▂▃▄▅▆▇█")
        summary = text(app, "#weekly-summary")
        assert "nights answered in these 12 weeks." in summary and summary.count("\n") == 2


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


async def test_escape_in_the_cramp_form_asks_before_throwing_away_what_was_typed(clock):
    from coach.tui.screens.cramp_form import DiscardTyped

    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: straight back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#severity").value = "7"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardTyped)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and form.query_one("#severity").value == "7"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.cramps() == []


async def test_an_entry_is_corrected_deleted_and_undeleted_in_the_app(clock):
    from datetime import timedelta

    from coach.tui.screens.cramp_list import CrampListScreen

    app, store = app_with_history(clock)
    now = app.now()
    store.log_cramp(now - timedelta(days=2), "left", 4, note="older")
    newest = store.log_cramp(now - timedelta(hours=20), "right", 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "c")
        await pilot.pause()
        assert isinstance(app.screen, CrampListScreen)
        await pilot.press("enter")  # the newest entry comes first
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CrampForm) and form.query_one("#severity").value == "5"
        form.query_one("#severity").value = "8"
        await pilot.click("#place-foot")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CrampListScreen)
        assert (store.cramp(newest).severity, store.cramp(newest).place) == (8, "foot")
        await pilot.press("d")
        await pilot.pause()
        assert [c.note for c in store.cramps()] == ["older"]
        assert "Press u to put it back" in text(app, "#cramp-list-status")
        await pilot.press("u")
        await pilot.pause()
        assert store.cramp(newest).severity == 8 and len(store.cramps()) == 2


async def test_the_morning_question_answers_last_night_or_waits_for_later(clock):
    from datetime import timedelta

    from coach.tui.screens.checkin import CheckinQuestion

    from history_seed import NOW

    last_night = NOW.date() - timedelta(days=1)
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:  # a first evening: there is no last night to ask about
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store.start_session("evening", "Evening stretches", 590, NOW - timedelta(days=1))
    for key, answered in [("x", False), ("n", True)]:
        app, _ = app_with_history(clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CheckinQuestion)
            assert "Last night: any cramps?" in text(app, "#question")
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("h", "escape")  # back on home: put off means not asked again now
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert store.is_answered(last_night) is answered
    assert store.answered_nights() == {last_night}


async def test_the_morning_question_can_lead_to_logging_a_cramp_for_last_night(clock):
    from datetime import timedelta

    from history_seed import NOW

    app, store = app_with_history(clock)
    store.start_session("evening", "Evening stretches", 590, NOW - timedelta(days=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CrampForm) and form.query_one("#when").value == "last night 03:00"
        await pilot.click("#leg-left")
        form.query_one("#severity").value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.is_answered(NOW.date() - timedelta(days=1))


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


async def test_a_plan_is_started_followed_and_ended_in_the_app(clock):
    from coach.tui.screens.plan import ConfirmEndPlan, PlanScreen

    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert text(app, "#plan-text").startswith("No plan running.")
        assert "Leaving the routine out for a week is your choice" in text(app, "#plan-text")
        await pilot.press("t")
        await pilot.pause()
        (plan,) = store.plans()
        assert plan.kind == "test" and plan.weeks[0] == "B" and len(plan.weeks) == 7
        shown = text(app, "#plan-text")
        assert shown.startswith("Test it for yourself, started on the night of")
        assert "Week 1 of 7, night 1 of 7: a baseline night." in shown and "Can't tell yet" in shown
        await pilot.press("p")  # one plan at a time: starting another is not offered while one runs
        await pilot.pause()
        assert len(store.plans()) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert text(app, "#plan-tonight").startswith("Week 1 of 7, night 1 of 7: a baseline night.")
        await pilot.press("p", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmEndPlan)
        await pilot.press("y")
        await pilot.pause()
        assert store.current_plan() is None and text(app, "#plan-text").startswith("No plan running.")


async def test_below_80_columns_the_chart_summary_goes_under_the_chart(clock):
    app, store = app_with_history(clock)
    seed(store)
    for size, beside in [((100, 30), True), ((60, 20), False)]:
        app, _ = app_with_history(clock)
        async with app.run_test(size=size) as pilot:
            await pilot.press("h")
            await pilot.pause()
            chart = app.screen.query_one("#weekly-chart").region
            summary = app.screen.query_one("#weekly-summary").region
            assert (summary.x >= chart.right and summary.y == chart.y) is beside, size
            assert beside or (summary.y >= chart.bottom and summary.width >= 40)


async def test_home_says_each_evening_which_kind_of_night_the_plan_has(clock):
    from datetime import timedelta

    from coach.history.nights import night_of

    app, store = app_with_history(clock)
    tonight = night_of(app.now())
    # Two nights into a randomised plan: baseline week, then a usual week, then a routine week.
    store.start_plan("test", tonight - timedelta(days=8), "BURUR", app.now())
    async with app.run_test(size=SIZE):
        lines = text(app, "#streak").splitlines()
        assert lines[0] == "A routine tonight starts your first streak."
        assert lines[1].startswith("Week 2 of 5, night 2 of 7: a usual night.")
    store.end_plan(app.now())
    after = make_app(clock, history=store, now=app.now)
    async with after.run_test(size=SIZE):
        assert text(after, "#streak") == "A routine tonight starts your first streak."


async def test_a_cramp_the_history_cannot_take_is_not_lost_from_the_form(clock, monkeypatch):
    from coach.history.store import HistoryError

    app, store = app_with_history(clock)

    def full_disk(entry):
        raise HistoryError("the disk is full — free some space, then save again")

    monkeypatch.setattr(store, "add_cramp", full_disk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#leg-left").value = True
        form.query_one("#severity").value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, with what was typed
        assert form.query_one("#severity").value == "5"
        assert str(form.query_one("#note-error").content) == "Not saved: the disk is full — free some space, then save again"
