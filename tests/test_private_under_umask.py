"""Under umask 000 every folder coach makes is 0700 and every file 0600: another local user must
not be able to read the health data or change what runs at bedtime."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from coach.reminders import scheduler_install
from coach.reminders.schedule import Reminder, parse_days, parse_time


def coach(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, env={**os.environ, "COACH_HOME": str(home)},
                          preexec_fn=lambda: os.umask(0), start_new_session=True, cwd=cwd)


def modes(top: Path) -> dict[str, int]:
    found = {}
    for folder, folders, files in os.walk(top):
        for name in [*folders, *files]:
            path = Path(folder, name)
            found[str(path.relative_to(top))] = stat.S_IMODE(path.lstat().st_mode)
    return found


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_every_folder_and_file_the_commands_make_is_private_under_umask_000(tmp_path):
    top = tmp_path / "top"
    home = top / "nested" / "coach-home"  # its parents are coach's to make too
    reports = tmp_path / "reports"
    reports.mkdir()
    for args in (["new", "my-evening"], ["cramp", "--leg", "left", "--severity", "3"],
                 ["remind", "add", "21:30"], ["report", "--output", str(reports / "for-doctor.md")],
                 ["remind", "test"]):
        result = coach(home, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
    found = modes(top)
    assert "nested/coach-home/routines/my-evening.yaml" in found
    assert "nested/coach-home/history.sqlite3" in found
    assert "nested/coach-home/reminders.log" in found
    wrong = {path: oct(mode) for path, mode in found.items()
             if mode != (0o700 if (top / path).is_dir() else 0o600)}
    assert wrong == {}
    assert stat.S_IMODE((reports / "for-doctor.md").stat().st_mode) == 0o600


def test_installed_systemd_units_and_their_folders_are_private_under_umask_000(tmp_path, monkeypatch, open_umask):
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "systemctl").write_text("#!/bin/sh\nexit 0\n")
    (bin_folder / "systemctl").chmod(0o700)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    units = tmp_path / "config" / "systemd" / "user"
    reminder = Reminder(1, parse_time("21:30"), parse_days("daily"), "evening", datetime(2026, 1, 1))
    scheduler_install.install([reminder], "systemd", unit_dir=units)
    assert modes(tmp_path / "config") == {"systemd": 0o700, "systemd/user": 0o700,
                                          "systemd/user/coach-reminders.service": 0o600,
                                          "systemd/user/coach-reminders.timer": 0o600}
    assert stat.S_IMODE(scheduler_install.state_file().stat().st_mode) == 0o600
