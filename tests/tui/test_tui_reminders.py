"""Bedtime reminders in the app, under Pilot on a fake clock."""

from __future__ import annotations

import asyncio
import stat

from coach.history.store import HistoryStore
from coach.reminders.schedule import EVERY_DAY, parse_time
from coach.reminders.store import ReminderStore
from coach.tui.screens.exercises import ExercisesScreen
from coach.tui.screens.reminders import RemindersScreen

from tui_helpers import SIZE, app_with_history, text


async def test_the_reminders_screen_adds_removes_and_pauses(clock):
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RemindersScreen) and text(app, "#reminders-status") == "No reminders yet."
        screen.query_one("#reminder-time").value = "25:00"
        await pilot.press("enter")
        assert "is not a time of day" in text(app, "#reminder-error")
        screen.query_one("#reminder-time").value = "21:30"
        screen.query_one("#reminder-days").value = "mon-fri"
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#reminder-error") == ""
        assert text(app, "#reminders-status").startswith("Next reminder: Mon 23 Nov at 21:30.")
        await pilot.press("p")
        assert text(app, "#reminders-status").startswith("Paused")
        await pilot.press("p")
        assert text(app, "#reminders-status").startswith("Next reminder")
        await pilot.press("d")  # asks first
        await pilot.pause()
        assert "Remove reminder 1 (21:30 mon,tue,wed,thu,fri)?" in str(app.screen.query_one("#question").content)
        await pilot.press("n")
        await pilot.pause()
        assert len(ReminderStore(store).all()) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert ReminderStore(store).all() == []


async def test_reminders_take_9pm_and_weekdays_a_chosen_routine_show_ids_and_refuse_twins(clock):
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#reminder-time").value = "9pm"
        screen.query_one("#reminder-days").value = "weekdays"
        screen.query_one("#reminder-routine").value = "quick"
        screen.query_one("#reminder-time").focus()
        await pilot.press("enter")
        await pilot.pause()
        [reminder] = ReminderStore(store).all()
        assert (reminder.at, reminder.days, reminder.routine) == (parse_time("21:00"), frozenset(range(5)), "quick")
        listed = screen.query_one("#reminder-list")
        assert str(listed.get_option_at_index(0).prompt).split()[:2] == [str(reminder.id), "21:00"]
        screen.query_one("#reminder-time").value = "21:00"
        screen.query_one("#reminder-days").value = "mon-fri"
        screen.query_one("#reminder-time").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "already set" in text(app, "#reminder-error") and len(ReminderStore(store).all()) == 1


def a_reminder_due_at_20_00(store) -> None:
    """A daily 20:00 reminder made long ago: due at NOW (20:30)."""
    reminders = ReminderStore(store)
    reminders.add(parse_time("20:00"), EVERY_DAY, "evening")
    reminders._db.execute("UPDATE reminders SET created_at = '2026-01-01T00:00:00+00:00'")


def _stand_in_notify_send(folder, script):
    folder.mkdir(exist_ok=True)
    path = folder / "notify-send"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


async def test_a_due_reminder_shows_in_the_app_when_the_desktop_cannot(clock, tmp_path, monkeypatch):
    _stand_in_notify_send(tmp_path / "bin", "exit 1\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    app, store = app_with_history(clock)
    a_reminder_due_at_20_00(store)
    shown = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **options: shown.append((options.get("title"), message))
        app.check_reminders()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert shown == [("Time for your bedtime stretches", "Evening stretches takes about 12 min. "
                      "Start it with: coach run evening (this reminder was for 20:00)")]
    assert [entry[2:] for entry in ReminderStore(HistoryStore(store.path)).log()] == [("failed", "log")]



async def test_a_reminder_names_the_pregnancy_version_that_will_run(clock, tmp_path, monkeypatch):
    _stand_in_notify_send(tmp_path / "bin", "exit 1\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    app, store = app_with_history(clock)
    app.pregnant = True
    a_reminder_due_at_20_00(store)
    shown = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **options: shown.append((options.get("title"), message))
        app.check_reminders()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert shown == [("Time for your bedtime stretches", "Evening stretches (pregnancy) takes about 8 min. "
                      "Start it with: coach run evening (this reminder was for 20:00)")]

async def test_a_hung_notification_server_never_freezes_the_app(clock, tmp_path, monkeypatch):
    _stand_in_notify_send(tmp_path / "bin", "exec /bin/sleep 30\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    app, store = app_with_history(clock)
    a_reminder_due_at_20_00(store)
    async with app.run_test(size=SIZE) as pilot:
        app.check_reminders()
        await pilot.press("e")  # the screen answers while the notification hangs
        await pilot.pause()
        # Behaviour, not a stopwatch: the key was handled while the delivery was still hanging.
        assert isinstance(app.screen, ExercisesScreen)
        assert any(worker.group == "reminders" and worker.is_running for worker in app.workers)
        # The hang is cut off by the delivery's own timeout; this bound only stops a broken build
        # from waiting the stand-in's full 30 s.
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout=25)
        assert not any(worker.is_running for worker in app.workers)



async def test_with_nothing_due_the_30_second_look_starts_no_worker(clock):
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE):
        app.look_for_reminders()
        assert len(app.workers) == 0
        a_reminder_due_at_20_00(store)
        started = []
        app.check_reminders = lambda: started.append(True)
        app.look_for_reminders()
        assert started == [True]


async def test_a_reminder_kept_quiet_tonight_says_so_on_the_screen(clock):
    from coach.reminders.due import run_due

    from history_seed import NOW

    app, store = app_with_history(clock)
    a_reminder_due_at_20_00(store)
    session = store.start_session("evening", "Evening stretches", 500, NOW.replace(hour=19))
    store.finish_session(session, "completed", NOW.replace(hour=19, minute=15))
    assert [r.outcome for r in run_due(ReminderStore(store), {}, lambda *_: None, NOW)] == ["quiet"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        listed = app.screen.query_one("#reminder-list")
        assert str(listed.get_option_at_index(0).prompt).endswith("quiet: done tonight")


async def test_no_reminder_is_looked_for_while_a_routine_is_followed_and_one_is_after_it(clock):
    app, store = app_with_history(clock)
    a_reminder_due_at_20_00(store)
    started = []
    async with app.run_test(size=SIZE) as pilot:
        app.check_reminders = lambda: started.append(True)
        app.begin(app.library.routines["quick"])
        await pilot.pause()
        app.look_for_reminders()
        assert started == []  # "time for your stretches", in the middle of them: not sent
        app.screen.session.stop()
        await pilot.pause()
        app.look_for_reminders()
        assert started == [True]


async def test_in_russian_the_days_are_offered_and_taken_in_russian_words(clock):
    from coach.i18n import use_language

    use_language("ru")
    app, store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RemindersScreen)
        assert screen.query_one("#reminder-days").value == "ежедневно"
        hint = " ".join(str(label.content) for label in screen.query("Label"))
        assert "ежедневно, будни, сб,вс" in hint and "daily" not in hint
        screen.query_one("#reminder-time").value = "21:30"
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#reminder-error") == ""
    (reminder,) = ReminderStore(store).all()
    assert reminder.days == EVERY_DAY
