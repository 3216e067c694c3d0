"""A history that cannot be written, or holds a damaged row: one line that says what is wrong,
and everything else keeps working."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.history.store import HistoryStore, explain, now_local

from system_programs import needs


@pytest.fixture
def read_only_home(coach_home: Path) -> Iterator[Path]:
    """A COACH_HOME whose history file cannot be written. Root writes through file modes, so as
    root the file is made immutable instead (chattr +i)."""
    store = HistoryStore()
    store.log_cramp(now_local() - timedelta(hours=1), "left", 3)
    store.close()
    path = coach_home / "history.sqlite3"
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o444)
    yield coach_home
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@needs("chattr", "e2fsprogs")  # as root, the only way to make the file read-only
@pytest.mark.parametrize("args", [["cramp", "--leg", "left", "--severity", "3"], ["remind", "add", "21:30"]])
def test_a_read_only_history_gets_one_line_not_a_traceback(read_only_home, args):
    result = subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "read-only" in result.stderr and str(read_only_home / "history.sqlite3") in result.stderr


@pytest.fixture
def full_disk(monkeypatch) -> None:
    """The history's file may not grow by a single page: SQLite's own 'disk is full'."""
    connect = HistoryStore._connect_and_migrate

    def no_room(self: HistoryStore) -> sqlite3.Connection:
        connection = connect(self)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(HistoryStore, "_connect_and_migrate", no_room)


def test_a_full_disk_says_the_disk_is_full(full_disk, capsys):
    HistoryStore().close()  # made before the disk filled
    codes = [main(["cramp", "--leg", "left", "--severity", "3", "--note", "x" * 450]) for _ in range(20)]
    assert codes[-1] == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("coach: cannot save to ") and "the disk is full — free some space" in error


def test_a_disk_io_error_on_a_nearly_full_disk_is_called_a_full_disk(tmp_path, monkeypatch):
    error = sqlite3.OperationalError("disk I/O error")
    path = tmp_path / "history.sqlite3"
    assert "the disk is full" not in explain(error, path)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: shutil._ntuple_diskusage(100, 100, 0))
    assert "the disk is full" in explain(error, path)


def test_damaged_rows_are_skipped_and_reported_and_the_rest_still_shows(capsys):
    store = HistoryStore()
    good = now_local() - timedelta(hours=2)
    store.log_cramp(good, "left", 4, 2.0)
    damaged = store.log_cramp(good, "right", 5)
    store.connection.execute("UPDATE cramps SET at = '20X5-0?-01T03:00' WHERE id = ?", (damaged,))
    infinite = store.log_cramp(good, "both", 6, 1.0)
    store.connection.execute("UPDATE cramps SET minutes = 9e999 WHERE id = ?", (infinite,))
    session = store.start_session("evening", "Evening", 590, good)
    store.finish_session(session, "completed", good + timedelta(minutes=10))
    broken = store.start_session("evening", "Evening", 590, good)
    store.connection.execute("UPDATE sessions SET night = '2026-13-45' WHERE id = ?", (broken,))
    store.close()
    for args in (["stats"], ["history"]):
        assert main(args) == 0, args
        err = capsys.readouterr().err
        assert "a damaged entry in the cramps of" in err and "was skipped" in err
    assert main(["history", "--json"]) == 0
    captured = capsys.readouterr()
    exported = json.loads(captured.out)  # strict JSON: no Infinity
    assert [c["leg"] for c in exported["cramps"]] == ["left"]
    assert len(exported["routines"]) == 1
    assert "a damaged entry in the sessions of" in captured.err


@pytest.mark.parametrize("when, message", [
    ("1999-12-31T23:00", "is before 2000"),
    ("0001-01-01T00:00", "is before 2000"),
    ("2999-01-01T03:00", "is in the future"),
    ("\u0662\u0660\u0662\u0660-01-01T03:00", "is not a time coach understands"),
])
def test_a_cramp_date_must_be_from_2000_until_now(when, message, capsys):
    assert main(["cramp", "--when", when, "--leg", "left", "--severity", "3"]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("minutes", ["inf", "1e308", "nan", "241", "-1"])
def test_cramp_minutes_must_be_from_0_to_240(minutes, capsys):
    assert main(["cramp", "--leg", "left", "--severity", "3", "--minutes", minutes]) == 2
    assert "minutes" in capsys.readouterr().err
    assert HistoryStore().cramps() == []


def test_the_json_export_also_goes_to_a_stdout_that_takes_only_text(monkeypatch):
    import io

    HistoryStore().log_cramp(now_local() - timedelta(hours=2), "left", 4, 2.0, "café")
    text_only = io.StringIO()
    monkeypatch.setattr("sys.stdout", text_only)
    assert main(["history", "--json"]) == 0
    assert [c["note"] for c in json.loads(text_only.getvalue())["cramps"]] == ["café"]
