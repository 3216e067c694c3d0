"""coach remind, run as a person runs it."""

from __future__ import annotations

import subprocess
import sys


def coach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_add_list_pause_resume_remove():
    added = coach("remind", "add", "21:30", "--days", "mon-fri")
    assert added.returncode == 0
    assert added.stdout.startswith("Reminder 1: 21:30 mon,tue,wed,thu,fri, for 'evening'. Next: ")
    assert "To have reminders fire with no terminal open, run: coach remind install" in added.stdout
    listing = coach("remind", "list").stdout.splitlines()
    assert listing[0].split()[:4] == ["1", "21:30", "mon,tue,wed,thu,fri", "evening"]
    assert coach("remind", "pause").returncode == 0
    assert coach("remind", "list").stdout.startswith("Reminders are paused")
    assert coach("remind", "resume").returncode == 0
    assert coach("remind", "remove", "1").stdout.strip() == "Reminder 1 removed."
    assert coach("remind", "list").stdout.strip() == "No reminders. Add one with: coach remind add 21:30"


def test_9pm_and_weekdays_are_understood_and_a_twin_is_refused():
    assert coach("remind", "add", "9pm", "--days", "weekdays").stdout.startswith(
        "Reminder 1: 21:00 mon,tue,wed,thu,fri, for 'evening'.")
    twin = coach("remind", "add", "21:00", "--days", "mon-fri")
    assert twin.returncode == 2 and "reminder 1 is already set for 21:00" in twin.stderr
    assert coach("remind", "add", "21:00", "--days", "mon-fri", "--routine", "quick").returncode == 0


def test_a_long_snooze_names_the_day():
    snoozed = coach("remind", "snooze", "100h").stdout
    assert snoozed.startswith("Snoozed: you will be reminded on ") and " at " in snoozed
    assert coach("remind", "snooze", "1m").stdout.startswith("Snoozed: you will be reminded ")


def test_each_action_explains_itself_in_its_help():
    texts = {action: coach("remind", action, "--help").stdout for action in
             ("add", "list", "remove", "pause", "resume", "snooze", "test", "due", "install", "uninstall")}
    assert len(set(texts.values())) == len(texts)
    assert "stays quiet on a night the routine is already done" in " ".join(texts["add"].split())
    assert "quiet: done tonight" in texts["list"]


def test_mistakes_get_one_clear_line():
    for args, message in [
        (["add", "25:00"], "'25:00' is not a time of day — write it like 21:30 or 9pm"),
        (["snooze", "-5m"], "snooze '-5m' would end before now — give how long to wait"),
        (["add", "21:30", "--days", "funday"], "'funday' is not a list of days"),
        (["add", "21:30", "--routine", "evning"], "there is no routine called 'evning'"),
        (["remove", "7"], "there is no reminder 7"),
        (["snooze", "soon"], "snooze 'soon' is not a length of time"),
    ]:
        result = coach("remind", *args)
        assert result.returncode == 2 and result.stderr.startswith("coach: ") and message in result.stderr
        assert "Traceback" not in result.stderr


def test_due_with_nothing_set_up_is_quiet_and_succeeds():
    result = coach("remind", "due")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_due_exits_non_zero_when_no_reminder_could_be_shown(tmp_path, coach_home):
    import os
    from datetime import timedelta

    from coach.history.store import HistoryStore, now_local
    from coach.reminders.store import ReminderStore

    store = ReminderStore(HistoryStore())
    at = (now_local() - timedelta(minutes=2)).time()
    store.add(at, frozenset(range(7)), "evening")
    store._db.execute("UPDATE reminders SET created_at = ?", ((now_local() - timedelta(days=1)).isoformat(),))
    store.history.close()
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "notify-send").write_text("#!/bin/sh\necho 'Cannot connect to the bus' >&2\nexit 1\n")
    (folder / "notify-send").chmod(0o700)
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "DBUS_SESSION_BUS_ADDRESS": ""}
    # A session of its own: no terminal to fall back on, as under cron.
    result = subprocess.run([sys.executable, "-m", "coach", "remind", "due"], capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "failed by log" in result.stdout
    assert result.stderr.startswith("coach: no reminder could be shown: ") and "Cannot connect to the bus" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_reminder_kept_quiet_by_a_done_routine_says_so(coach_home):
    from datetime import timedelta

    from coach.history.store import HistoryStore, now_local
    from coach.reminders.store import ReminderStore

    now = now_local()
    store = HistoryStore()
    session = store.start_session("evening", "Evening stretches", 500, now - timedelta(minutes=5))
    store.finish_session(session, "completed", now - timedelta(minutes=2))
    ReminderStore(store).add((now - timedelta(minutes=1)).time(), frozenset(range(7)), "evening")
    # Made yesterday: a reminder is first due at its time after it was made.
    store.connection.execute("UPDATE reminders SET created_at = ?", ((now - timedelta(days=1)).isoformat(),))
    store.close()
    assert "quiet: done tonight" in coach("remind", "due").stdout
    assert coach("remind", "list").stdout.splitlines()[0].endswith("quiet: done tonight")
