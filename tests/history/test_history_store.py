"""The history store: schema, partial and interrupted sessions, damage, permissions."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach.history.store import SCHEMA_VERSION, HistoryError, HistoryStore

from helpers import history_at_schema

T0 = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)


def test_a_new_store_is_private_and_at_the_current_schema(tmp_path):
    path = tmp_path / "data" / "history.sqlite3"
    store = HistoryStore(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_reopening_keeps_everything(tmp_path):
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    session = store.start_session("quick", "Quick", 220, T0)
    store.record_step(session, 0, "wall-calf-stretch", "left", 50, 50.0, "done")
    store.finish_session(session, "completed", T0 + timedelta(minutes=4))
    store.log_cramp(T0 + timedelta(hours=5), "left", 6, 3, "woke me")
    store.close()
    again = HistoryStore(path)
    (record,) = again.sessions()
    assert (record.routine, record.status, record.night, record.actual_seconds) == (
        "quick", "completed", date(2026, 11, 20), 50.0)
    (cramp,) = again.cramps()
    assert (cramp.leg, cramp.severity, cramp.minutes, cramp.note, cramp.night) == (
        "left", 6, 3, "woke me", date(2026, 11, 20))


def test_a_step_recorded_twice_keeps_the_latest(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = store.start_session("quick", "Quick", 220, T0)
    store.record_step(session, 0, "wall-calf-stretch", "left", 50, 20.0, "partial")
    store.record_step(session, 0, "wall-calf-stretch", "left", 50, 50.0, "done")
    (step,) = store.steps(session)
    assert (step.actual_seconds, step.status) == (50.0, "done")


def test_sessions_left_running_by_a_dead_program_become_interrupted(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    mine = store.start_session("evening", "Evening", 590, datetime.now().astimezone())
    theirs = store.start_session("quick", "Quick", 220, datetime.now().astimezone())
    store._connection.execute("UPDATE sessions SET pid = ? WHERE id = ?", (int(dead), theirs))
    assert store.mark_interrupted() == 1
    statuses = {s.id: s.status for s in store.sessions()}
    assert statuses == {mine: "running", theirs: "interrupted"}  # a live session is left alone
    later = datetime.now().astimezone() + timedelta(hours=13)
    assert store.mark_interrupted(later) == 1  # nobody does a routine for 13 hours
    assert {s.status for s in store.sessions()} == {"interrupted"}


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100, b"\x00" * 4096 + b"junk"])
def test_an_unreadable_file_is_kept_as_a_backup_and_a_new_one_started(tmp_path, damage):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(damage)
    notices: list[str] = []
    store = HistoryStore(path, notices)
    backups = list(tmp_path.glob("h.sqlite3.unreadable-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == damage
    assert len(notices) == 1 and "could not be read" in notices[0] and str(backups[0]) in notices[0]
    store.log_cramp(T0, "right", 4)
    assert len(store.cramps()) == 1


def test_an_empty_file_simply_becomes_a_new_history(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"")
    notices: list[str] = []
    HistoryStore(path, notices).log_cramp(T0, "both", 2)
    assert notices == [] and not list(tmp_path.glob("*.unreadable-*"))


def test_a_history_from_a_newer_coach_is_left_untouched(tmp_path):
    path = tmp_path / "h.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x)")
    connection.execute("INSERT INTO future VALUES (1)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer coach"):
        HistoryStore(path)
    assert path.read_bytes() == before


def test_migration_from_an_empty_database_adds_tables_without_touching_others(tmp_path):
    path = tmp_path / "h.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE keepsake (note TEXT)")
    connection.execute("INSERT INTO keepsake VALUES ('mine')")
    connection.commit()
    connection.close()
    HistoryStore(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT note FROM keepsake").fetchall() == [("mine",)]
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "steps", "cramps", "keepsake"} <= tables


def test_a_read_only_folder_is_a_clear_error():
    # /sys is a read-only file system even for root, unlike a folder made read-only with chmod.
    with pytest.raises(HistoryError, match=r"cannot create /sys/coach-history/h\.sqlite3: .* or set COACH_HOME"):
        HistoryStore(Path("/sys/coach-history/h.sqlite3"))


def test_a_locked_history_is_waited_for_not_failed(tmp_path):
    import threading

    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    store.log_cramp(T0, "left", 5)  # waits for the lock instead of raising "database is locked"
    assert len(store.cramps()) == 1


def test_a_version_1_history_gains_the_reminder_tables_and_keeps_its_data(tmp_path):
    path = tmp_path / "h.sqlite3"
    connection = history_at_schema(path, 1)
    connection.execute("INSERT INTO cramps (at, night, leg, severity, logged_at) VALUES "
                       "('2026-11-01T03:00:00+00:00', '2026-10-31', 'left', 4, '2026-11-01T08:00:00+00:00')")
    connection.close()
    store = HistoryStore(path)
    assert [(c.leg, c.severity) for c in store.cramps()] == [("left", 4)]
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.connection.execute("SELECT COUNT(*) FROM reminders").fetchone() == (0,)


def test_another_connection_sees_the_same_history_from_another_thread(tmp_path):
    import threading

    store = HistoryStore(tmp_path / "h.sqlite3")
    store.log_cramp(T0, "left", 5)
    seen = []

    def other_thread():
        twin = store.another_connection()
        twin.log_cramp(T0, "right", 3)
        seen.extend(c.leg for c in twin.cramps())
        twin.close()

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert seen == ["left", "right"] and [c.leg for c in store.cramps()] == ["left", "right"]
