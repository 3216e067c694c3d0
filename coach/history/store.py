"""The history of routines and cramps, in SQLite.

Every write is its own transaction, so a crash or `kill -9` loses at most the step in progress.
The file is the person's health data: the folder is 0700 and the file 0600. A database that
cannot be read is moved aside to a timestamped backup, never deleted.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from coach import locations
from coach.history.nights import night_of

FILE_NAME = "history.sqlite3"
BUSY_TIMEOUT_SECONDS = 10
# Migrations only ever add: each entry brings the schema from version N to N+1.
MIGRATIONS = [
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine TEXT NOT NULL,
        title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        night TEXT NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'partial', 'interrupted')),
        planned_seconds INTEGER NOT NULL,
        pid INTEGER
    );
    CREATE INDEX sessions_by_night ON sessions (night);
    CREATE TABLE steps (
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        step_index INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        side TEXT NOT NULL,
        planned_seconds INTEGER NOT NULL,
        actual_seconds REAL NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (session_id, step_index, side)
    );
    CREATE TABLE cramps (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        night TEXT NOT NULL,
        leg TEXT NOT NULL CHECK (leg IN ('left', 'right', 'both')),
        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 10),
        minutes REAL CHECK (minutes IS NULL OR minutes >= 0),
        note TEXT,
        logged_at TEXT NOT NULL
    );
    CREATE INDEX cramps_by_night ON cramps (night);
    """,
    """
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        days TEXT NOT NULL,
        routine TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE reminder_log (
        reminder_id INTEGER NOT NULL,
        scheduled_for TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('notified', 'missed', 'quiet', 'failed')),
        via TEXT,
        logged_at TEXT NOT NULL,
        PRIMARY KEY (reminder_id, scheduled_for)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
INTERRUPTED_AFTER_HOURS = 12


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (SQLite always has one; say so clearly if not)."""
    if cursor.lastrowid is None:
        raise HistoryError("the history did not return the id of the new row — try again")
    return cursor.lastrowid


class HistoryError(Exception):
    """The history cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class SessionRecord:
    id: int
    routine: str
    title: str
    started_at: datetime
    night: date
    ended_at: datetime | None
    status: str
    planned_seconds: int
    actual_seconds: float


@dataclass(frozen=True)
class NightRecord:
    """Just what the stats need of a session."""

    night: date
    status: str


@dataclass(frozen=True)
class StepRecord:
    session_id: int
    step_index: int
    exercise: str
    side: str
    planned_seconds: int
    actual_seconds: float
    status: str


@dataclass(frozen=True)
class CrampRecord:
    id: int
    at: datetime
    night: date
    leg: str
    severity: int
    minutes: float | None
    note: str | None


SESSION_FIELDS = tuple(field.name for field in fields(SessionRecord))
CRAMP_FIELDS = tuple(field.name for field in fields(CrampRecord))


def default_path() -> Path:
    return locations.data_dir() / FILE_NAME


def now_local() -> datetime:
    return datetime.now().astimezone()


class HistoryStore:
    def __init__(self, path: Path | None = None, notices: list[str] | None = None):
        self.path = Path(path) if path else default_path()
        self.notices = notices if notices is not None else []  # said to the person, once
        self._connection = self._open()

    # --- opening -----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise HistoryError(f"cannot create {self.path}: {error.strerror} — check that folder "
                               f"is yours and writable, or set COACH_HOME to another folder") from error
        try:
            return self._connect_and_migrate()
        except sqlite3.OperationalError as error:  # locked, read-only, out of space: not damage
            raise HistoryError(f"cannot use {self.path}: {error} — check the file and its folder "
                               "are yours and writable, then try again") from error
        except sqlite3.DatabaseError as error:  # "not a database", "malformed": the file is damaged
            backup = self._move_aside()
            self.notices.append(f"Your history file could not be read ({error}). It was kept as "
                                f"{backup} and a new one was started.")
            return self._connect_and_migrate()

    def _connect_and_migrate(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            self._refuse_newer(connection)  # before anything, even the journal mode, changes
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            # The write lock first, then the version: two programs opening a new history at
            # once must not both run the same migration.
            with _transaction(connection):
                version = self._refuse_newer(connection)
                for number in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[number]):
                        connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {number + 1}")
            return connection
        except BaseException:
            connection.close()
            raise

    def _refuse_newer(self, connection: sqlite3.Connection) -> int:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(f"{self.path} was written by a newer coach (schema {version}) — "
                               "update coach; your history is left untouched")
        return version

    def _move_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.rename(Path(f"{backup}{suffix}"))
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        return backup

    def another_connection(self) -> HistoryStore:
        """The same, already checked and migrated file, for another thread (SQLite connections
        belong to the thread that made them): no integrity check, no migration, no lock."""
        twin = object.__new__(HistoryStore)
        twin.path, twin.notices = self.path, []
        twin._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        return twin

    @property
    def connection(self) -> sqlite3.Connection:
        """For the other stores that share this file (reminders)."""
        return self._connection

    def close(self) -> None:
        self._connection.close()

    # --- routines ----------------------------------------------------------------------

    def start_session(self, routine: str, title: str, planned_seconds: int,
                      started_at: datetime | None = None) -> int:
        started_at = started_at or now_local()
        cursor = self._connection.execute(
            "INSERT INTO sessions (routine, title, started_at, night, status, planned_seconds, pid) "
            "VALUES (?, ?, ?, ?, 'running', ?, ?)",
            (routine, title, started_at.isoformat(), night_of(started_at).isoformat(),
             planned_seconds, os.getpid()))
        return inserted_id(cursor)

    def record_step(self, session_id: int, step_index: int, exercise: str, side: str,
                    planned_seconds: int, actual_seconds: float, status: str) -> None:
        self._connection.execute(
            "INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, step_index, side) "
            "DO UPDATE SET actual_seconds = excluded.actual_seconds, status = excluded.status",
            (session_id, step_index, exercise, side, planned_seconds, actual_seconds, status))

    def finish_session(self, session_id: int, status: str, ended_at: datetime | None = None) -> None:
        self._connection.execute("UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                                 (status, (ended_at or now_local()).isoformat(), session_id))

    def mark_interrupted(self, now: datetime | None = None) -> int:
        """Sessions left 'running' by a program that is gone: closed terminal, crash, kill -9."""
        now = now or now_local()
        stale = []
        for session_id, started_at, pid in self._connection.execute(
                "SELECT id, started_at, pid FROM sessions WHERE status = 'running'"):
            age_hours = (now - datetime.fromisoformat(started_at)).total_seconds() / 3600
            if age_hours > INTERRUPTED_AFTER_HOURS or not _alive(pid):
                stale.append((session_id,))
        self._connection.executemany("UPDATE sessions SET status = 'interrupted' WHERE id = ?", stale)
        return len(stale)

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        return [SessionRecord(row[0], row[1], row[2], datetime.fromisoformat(row[3]),
                              date.fromisoformat(row[4]),
                              datetime.fromisoformat(row[5]) if row[5] else None,
                              row[6], row[7], row[8]) for row in self._session_rows(since)]

    def session_values(self, since: date | None = None) -> list[dict[str, Any]]:
        """What sessions() gives, as JSON-ready values named as SessionRecord's fields: dates as
        the ISO 8601 text coach stored (their isoformat()), with no record or date built."""
        return [dict(zip(SESSION_FIELDS, row, strict=True)) for row in self._session_rows(since)]

    def _session_rows(self, since: date | None) -> sqlite3.Cursor:
        return self._connection.execute(
            # A sum per session through the steps' key, not one grouped join over every step.
            "SELECT s.id, s.routine, s.title, s.started_at, s.night, NULLIF(s.ended_at, ''), s.status, "
            "s.planned_seconds, "
            "(SELECT COALESCE(SUM(st.actual_seconds), 0) FROM steps st WHERE st.session_id = s.id) "
            "FROM sessions s WHERE s.night >= ? ORDER BY s.started_at", ((since or date.min).isoformat(),))

    def night_records(self, since: date | None = None) -> list[NightRecord]:
        rows = self._connection.execute("SELECT night, status FROM sessions WHERE night >= ?",
                                        ((since or date.min).isoformat(),))
        return [NightRecord(date.fromisoformat(night), status) for night, status in rows]

    def last_completed(self) -> dict[str, datetime]:
        rows = self._connection.execute(
            "SELECT routine, MAX(started_at) FROM sessions WHERE status = 'completed' GROUP BY routine")
        return {routine: datetime.fromisoformat(started) for routine, started in rows}

    def completed_nights(self) -> set[date]:
        rows = self._connection.execute("SELECT DISTINCT night FROM sessions WHERE status = 'completed'")
        return {date.fromisoformat(night) for (night,) in rows}

    def steps(self, session_id: int) -> list[StepRecord]:
        rows = self._connection.execute(
            "SELECT * FROM steps WHERE session_id = ? ORDER BY step_index, side", (session_id,))
        return [StepRecord(*row) for row in rows]

    # --- cramps ------------------------------------------------------------------------

    def log_cramp(self, at: datetime, leg: str, severity: int, minutes: float | None = None,
                  note: str | None = None) -> int:
        cursor = self._connection.execute(
            "INSERT INTO cramps (at, night, leg, severity, minutes, note, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (at.isoformat(), night_of(at).isoformat(), leg, severity, minutes, note,
             now_local().isoformat()))
        return inserted_id(cursor)

    def cramps(self, since: date | None = None) -> list[CrampRecord]:
        return [CrampRecord(row[0], datetime.fromisoformat(row[1]), date.fromisoformat(row[2]),
                            row[3], row[4], row[5], row[6]) for row in self._cramp_rows(since)]

    def cramp_values(self, since: date | None = None) -> list[dict[str, Any]]:
        """What cramps() gives, as JSON-ready values (see session_values)."""
        return [dict(zip(CRAMP_FIELDS, row, strict=True)) for row in self._cramp_rows(since)]

    def _cramp_rows(self, since: date | None) -> sqlite3.Cursor:
        return self._connection.execute(
            "SELECT id, at, night, leg, severity, minutes, note FROM cramps WHERE night >= ? "
            "ORDER BY at", ((since or date.min).isoformat(),))


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
