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


def test_mistakes_get_one_clear_line():
    for args, message in [
        (["add", "25:00"], "'25:00' is not a time of day — use 24-hour time like 21:30"),
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
