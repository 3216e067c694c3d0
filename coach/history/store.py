"""The history of routines and cramps, in SQLite.

Every write is its own transaction, so a crash or `kill -9` loses at most the step in progress.
The file is the person's health data: the folder is 0700 and the file 0600. A database that
cannot be read is moved aside to a timestamped backup, never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from coach import locations
from coach.clock import now_local as now_local  # where the history code has always found it
from coach.files import private_dir, write_private
from coach.history.cramp_entry import CrampEntry, checked
from coach.history.nights import night_of
from coach.history.stored_values import stored_minutes, stored_moment
from coach.i18n import _
from coach.printable import visible

Row = TypeVar("Row", bound=tuple[Any, ...])
Record = TypeVar("Record")

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
    # Where the cramp was and whether it woke the person; a morning answer for every night, so a
    # night nobody answered is unknown rather than cramp-free; and personal trial plans.
    """
    ALTER TABLE cramps ADD COLUMN place TEXT CHECK (place IS NULL OR place IN ('calf', 'foot', 'thigh'));
    ALTER TABLE cramps ADD COLUMN woke INTEGER CHECK (woke IS NULL OR woke IN (0, 1));
    CREATE TABLE checkins (
        night TEXT PRIMARY KEY,
        answered_at TEXT NOT NULL
    );
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('programme', 'test')),
        first_night TEXT NOT NULL,
        weeks TEXT NOT NULL,
        created_at TEXT NOT NULL,
        ended_at TEXT
    );
    """,
    # Reminders: a time is keyed by its local wall-clock time (no UTC offset), so a change of time
    # zone cannot make it a new time; and a claim stays unconfirmed until the delivery is known,
    # so a run killed while delivering leaves it for the next run to retry.
    """
    ALTER TABLE reminder_log ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reminder_log ADD COLUMN claimed_at REAL;
    UPDATE OR IGNORE reminder_log SET scheduled_for = substr(scheduled_for, 1, 19);
    DELETE FROM reminder_log WHERE length(scheduled_for) > 19;
    """,
    # Sessions in the order they started, read from an index instead of sorted at each read; and
    # each session keeps the sum of its steps' seconds, kept true by triggers whoever writes a
    # step: reading ten years of sessions then reads no steps, where summing their 40,000 steps
    # took longer than reading everything else.
    """
    CREATE INDEX sessions_by_start ON sessions (started_at);
    ALTER TABLE sessions ADD COLUMN actual_seconds REAL NOT NULL DEFAULT 0;
    UPDATE sessions SET actual_seconds = COALESCE(
        (SELECT SUM(steps.actual_seconds) FROM steps WHERE steps.session_id = sessions.id), 0);
    CREATE TRIGGER step_added AFTER INSERT ON steps BEGIN
        UPDATE sessions SET actual_seconds = COALESCE(
            (SELECT SUM(steps.actual_seconds) FROM steps WHERE steps.session_id = sessions.id), 0)
        WHERE id = NEW.session_id;
    END;
    CREATE TRIGGER step_changed AFTER UPDATE ON steps BEGIN
        UPDATE sessions SET actual_seconds = COALESCE(
            (SELECT SUM(steps.actual_seconds) FROM steps WHERE steps.session_id = sessions.id), 0)
        WHERE id IN (OLD.session_id, NEW.session_id);
    END;
    CREATE TRIGGER step_removed AFTER DELETE ON steps BEGIN
        UPDATE sessions SET actual_seconds = COALESCE(
            (SELECT SUM(steps.actual_seconds) FROM steps WHERE steps.session_id = sessions.id), 0)
        WHERE id = OLD.session_id;
    END;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
INTERRUPTED_AFTER_HOURS = 12


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (SQLite always has one; say so clearly if not)."""
    if cursor.lastrowid is None:
        raise HistoryError(_("the history did not return the id of the new row — try again"))
    return cursor.lastrowid


class HistoryError(Exception):
    """The history cannot be used; the message says why and what to do."""


# Below this much free space, SQLite's "disk I/O error" means a full disk.
_NEARLY_FULL_BYTES = 1024 * 1024


def explain(error: sqlite3.Error, path: Path) -> str:
    """One line for a history that cannot be used: what is wrong, and what to do about it."""
    text = str(error)
    code = getattr(error, "sqlite_errorname", "") or ""
    if code.startswith("SQLITE_READONLY") or "readonly" in text:
        return _("cannot save to {path}: the file or its folder is read-only — make them writable "
                 "(chmod u+w {path}) or set COACH_HOME to another folder").format(path=path)
    if code == "SQLITE_FULL" or "disk is full" in text or (
            (code.startswith("SQLITE_IOERR") or "disk I/O error" in text) and _nearly_full(path)):
        return _("cannot save to {path}: the disk is full — free some space, then try again").format(path=path)
    if code.startswith("SQLITE_BUSY") or "locked" in text:
        return _("{path} is busy: another coach is writing to it — try again in a moment").format(path=path)
    if code.startswith("SQLITE_CORRUPT") or code == "SQLITE_NOTADB" or "malformed" in text:
        # Damage found while reading a file that looked as it did when it last passed the check:
        # the next opening checks it in full, then keeps it aside and starts a new one.
        with contextlib.suppress(OSError):
            _checked_record(path).unlink()
        return _("cannot use {path}: the file is damaged ({problem}) — nothing was changed; the next coach "
                 "command keeps it aside under another name and starts a new history").format(path=path, problem=text)
    return _("cannot use {path}: {problem} — check the file and its folder are yours and writable, then try again"
             ).format(path=path, problem=text)


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


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
    place: str | None = "calf"
    woke: bool | None = None

    def entry(self) -> CrampEntry:
        return CrampEntry(self.at, self.leg, self.severity, self.minutes, self.note, self.place, self.woke)


@dataclass(frozen=True)
class PlanRecord:
    """A personal trial: one letter a week from `first_night` ('B' baseline, 'R' routine, 'U' usual)."""

    id: int
    kind: str
    first_night: date
    weeks: str
    created_at: datetime
    ended_at: datetime | None


SESSION_FIELDS = tuple(field.name for field in fields(SessionRecord))
CRAMP_FIELDS = tuple(field.name for field in fields(CrampRecord))


def default_path() -> Path:
    return locations.data_dir() / FILE_NAME


class HistoryStore:
    def __init__(self, path: Path | None = None, notices: list[str] | None = None):
        self.path = Path(path) if path else default_path()
        self.notices = notices if notices is not None else []  # said to the person, once
        self.damaged: list[str] = []  # rows skipped while reading, to be said once
        self._connection = self._open()

    # --- opening -----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            private_dir(self.path.parent)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise HistoryError(_("cannot create {path}: {problem} — check that folder is yours and writable, or set "
                                 "COACH_HOME to another folder").format(path=self.path, problem=error.strerror)
                               ) from error
        with _one_opener_at_a_time(self.path):  # and one mover-aside: never two backups of one file
            try:
                return self._connect_and_migrate()
            except sqlite3.OperationalError as error:  # locked, read-only, out of space: not damage
                raise HistoryError(explain(error, self.path)) from error
            except sqlite3.DatabaseError as error:  # "not a database", "malformed": the file is damaged
                backup = self._move_aside()
                self.notices.append(_("Your history file could not be read ({problem}). It was kept as {backup} "
                                      "and a new one was started.").format(problem=error, backup=backup))
                return self._connect_and_migrate()

    def _connect_and_migrate(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            # The whole file is checked only when it changed since it last passed: the check
            # reads every page (about 40 ms for ten years), and most starts find the file as
            # the last one left it. Damage that leaves size, time and inode alone still meets
            # SQLite's own errors, said as one line, with the file left as it is.
            unchanged = _identity_of(self.path) == _last_checked(self.path)
            if not unchanged:
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
            if not unchanged:
                _remember_checked(self.path)  # after the migration, which may have written
            return connection
        except BaseException:
            connection.close()
            raise

    def _refuse_newer(self, connection: sqlite3.Connection) -> int:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(_("{path} was written by a newer coach (schema {version}) — update coach; your "
                                 "history is left untouched").format(path=self.path, version=version))
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
        twin.path, twin.notices, twin.damaged = self.path, [], []
        twin._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        return twin

    def transaction(self) -> AbstractContextManager[None]:
        """Several writes that land together or not at all (an import)."""
        return _transaction(self._connection)

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
        running = self._readable("sessions", self._connection.execute(
            "SELECT id, started_at, pid FROM sessions WHERE status = 'running'"),
            lambda row: (row[0], stored_moment(row[1]), row[2]))
        for session_id, started_at, pid in running:
            age_hours = (now - started_at).total_seconds() / 3600
            if age_hours > INTERRUPTED_AFTER_HOURS or not _alive(pid):
                stale.append((session_id,))
        self._connection.executemany("UPDATE sessions SET status = 'interrupted' WHERE id = ?", stale)
        return len(stale)

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        return self._readable("sessions", self._select_sessions(since), _session)

    def session_values(self) -> list[dict[str, Any]]:
        """Every session as JSON values, for an export: what sessions() holds, checked the same way,
        without a record for each of ten years' sessions."""
        from coach.history.export_rows import as_dicts, session_row, session_rows_sound  # for exports alone

        rows = self._select_sessions(None).fetchall()
        if not session_rows_sound(rows):
            rows = self._readable("sessions", rows, session_row)  # names and leaves out the damaged ones
        return as_dicts(SESSION_FIELDS, rows)

    def _select_sessions(self, since: date | None) -> sqlite3.Cursor:
        return self._connection.execute(
            "SELECT id, routine, title, started_at, night, ended_at, status, planned_seconds, actual_seconds "
            "FROM sessions WHERE night >= ? ORDER BY started_at", ((since or date.min).isoformat(),))

    def night_records(self, since: date | None = None) -> list[NightRecord]:
        rows = self._connection.execute("SELECT night, status FROM sessions WHERE night >= ?",
                                        ((since or date.min).isoformat(),))
        return self._readable("sessions", rows, lambda row: NightRecord(date.fromisoformat(row[0]), row[1]))

    def last_completed(self) -> dict[str, datetime]:
        rows = self._connection.execute(
            "SELECT routine, MAX(started_at) FROM sessions WHERE status = 'completed' GROUP BY routine")
        return dict(self._readable("sessions", rows, lambda row: (row[0], stored_moment(row[1]))))

    def completed_nights(self) -> set[date]:
        rows = self._connection.execute("SELECT DISTINCT night FROM sessions WHERE status = 'completed'")
        return set(self._readable("sessions", rows, lambda row: date.fromisoformat(row[0])))

    def steps(self, session_id: int) -> list[StepRecord]:
        rows = self._connection.execute(
            "SELECT * FROM steps WHERE session_id = ? ORDER BY step_index, side", (session_id,))
        return [StepRecord(*row) for row in rows]

    # --- cramps ------------------------------------------------------------------------

    _CRAMP_COLUMNS = "id, at, night, leg, severity, minutes, note, place, woke"

    def log_cramp(self, at: datetime, leg: str, severity: int, minutes: float | None = None,
                  note: str | None = None, *, place: str | None = "calf", woke: bool | None = None) -> int:
        """Add a cramp; raises CrampValueError (naming the field) for a value out of bounds."""
        return self.add_cramp(CrampEntry(at, leg, severity, minutes, note, place, woke))

    def add_cramp(self, entry: CrampEntry, cramp_id: int | None = None) -> int:
        entry = checked(entry)
        cursor = self._connection.execute(
            "INSERT INTO cramps (id, at, night, leg, severity, minutes, note, place, woke, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cramp_id, entry.at.isoformat(), night_of(entry.at).isoformat(), entry.leg, entry.severity,
             entry.minutes, entry.note, entry.place, _flag(entry.woke), now_local().isoformat()))
        return inserted_id(cursor)

    def cramp(self, cramp_id: int) -> CrampRecord | None:
        row = self._connection.execute(f"SELECT {self._CRAMP_COLUMNS} FROM cramps WHERE id = ?",
                                       (cramp_id,)).fetchone()
        return _cramp(row) if row else None

    def correct_cramp(self, cramp_id: int, entry: CrampEntry) -> CrampRecord:
        """Replace what an entry says, keeping its id; raises KeyError if there is no such entry."""
        entry = checked(entry)
        cursor = self._connection.execute(
            "UPDATE cramps SET at = ?, night = ?, leg = ?, severity = ?, minutes = ?, note = ?, place = ?, "
            "woke = ? WHERE id = ?",
            (entry.at.isoformat(), night_of(entry.at).isoformat(), entry.leg, entry.severity, entry.minutes,
             entry.note, entry.place, _flag(entry.woke), cramp_id))
        if cursor.rowcount == 0:
            raise KeyError(cramp_id)
        record = self.cramp(cramp_id)
        assert record is not None
        return record

    def delete_cramp(self, cramp_id: int) -> CrampRecord:
        """Remove an entry and return it, so it can be put back (undo); KeyError if there is none."""
        record = self.cramp(cramp_id)
        if record is None:
            raise KeyError(cramp_id)
        self._connection.execute("DELETE FROM cramps WHERE id = ?", (cramp_id,))
        return record

    def restore_cramp(self, record: CrampRecord) -> None:
        """Put back a deleted entry under its old id."""
        self.add_cramp(record.entry(), record.id)

    def cramps(self, since: date | None = None) -> list[CrampRecord]:
        return self._readable("cramps", self._select_cramps(since), _cramp)

    def cramp_values(self) -> list[dict[str, Any]]:
        """Every cramp as JSON values, for an export (see session_values)."""
        from coach.history.export_rows import as_dicts, cramp_row, cramp_rows_if_sound

        rows = self._select_cramps(None).fetchall()
        values = cramp_rows_if_sound(rows)
        return as_dicts(CRAMP_FIELDS, self._readable("cramps", rows, cramp_row) if values is None else values)

    def _select_cramps(self, since: date | None) -> sqlite3.Cursor:
        return self._connection.execute(f"SELECT {self._CRAMP_COLUMNS} FROM cramps WHERE night >= ? ORDER BY at",
                                        ((since or date.min).isoformat(),))

    def _readable(self, table: str, rows: Iterable[Row], make: Callable[[Row], Record]) -> list[Record]:
        """Records from rows; a row with a damaged value is skipped and noted in `damaged`, so one
        bad date never takes the rest of the history with it."""
        records = []
        for row in rows:
            try:
                records.append(make(row))
            except (ValueError, TypeError, OverflowError) as error:
                note = _("a damaged entry in the {table} of {path} was skipped ({problem})").format(
                    table=table, path=self.path, problem=visible(str(error)))
                if note not in self.damaged:
                    self.damaged.append(note)
        return records

    # --- morning check-ins ---------------------------------------------------------------

    def check_in(self, night: date, at: datetime | None = None) -> bool:
        """Record that `night` has been answered (with or without cramps); False if it already was."""
        cursor = self._connection.execute(
            "INSERT INTO checkins (night, answered_at) VALUES (?, ?) ON CONFLICT (night) DO NOTHING",
            (night.isoformat(), (at or now_local()).isoformat()))
        return cursor.rowcount > 0

    def answered_nights(self, since: date | None = None) -> set[date]:
        """Nights with an answer: a morning check-in, or a cramp logged for that night."""
        rows = self._connection.execute(
            "SELECT night FROM checkins WHERE night >= ?1 UNION SELECT night FROM cramps WHERE night >= ?1",
            ((since or date.min).isoformat(),))
        return {date.fromisoformat(night) for (night,) in rows}

    def answered_night_values(self) -> list[str]:
        """Every answered night as the ISO date it is stored as, in order, for an export."""
        rows = self._connection.execute("SELECT night FROM checkins UNION SELECT night FROM cramps ORDER BY night")
        nights = [night for (night,) in rows]
        deque(map(date.fromisoformat, nights), maxlen=0)  # each checked as answered_nights() reads it
        return nights

    def used_by(self, night: date) -> bool:
        """Whether anything at all was recorded for `night` or before it."""
        row = self._connection.execute(
            "SELECT 1 FROM sessions WHERE night <= ?1 UNION ALL SELECT 1 FROM cramps WHERE night <= ?1 "
            "UNION ALL SELECT 1 FROM checkins WHERE night <= ?1 LIMIT 1", (night.isoformat(),)).fetchone()
        return row is not None

    def is_answered(self, night: date) -> bool:
        row = self._connection.execute(
            "SELECT 1 FROM checkins WHERE night = ?1 UNION ALL SELECT 1 FROM cramps WHERE night = ?1 LIMIT 1",
            (night.isoformat(),)).fetchone()
        return row is not None

    # --- plans ---------------------------------------------------------------------------

    def start_plan(self, kind: str, first_night: date, weeks: str, at: datetime | None = None) -> int:
        """Start a plan, ending any plan still running (one at a time)."""
        at = at or now_local()
        with _transaction(self._connection):
            self._connection.execute("UPDATE plans SET ended_at = ? WHERE ended_at IS NULL", (at.isoformat(),))
            cursor = self._connection.execute(
                "INSERT INTO plans (kind, first_night, weeks, created_at) VALUES (?, ?, ?, ?)",
                (kind, first_night.isoformat(), weeks, at.isoformat()))
        return inserted_id(cursor)

    def end_plan(self, at: datetime | None = None) -> bool:
        cursor = self._connection.execute("UPDATE plans SET ended_at = ? WHERE ended_at IS NULL",
                                          ((at or now_local()).isoformat(),))
        return cursor.rowcount > 0

    def plans(self) -> list[PlanRecord]:
        rows = self._connection.execute(
            "SELECT id, kind, first_night, weeks, created_at, ended_at FROM plans ORDER BY id")
        return [PlanRecord(row[0], row[1], date.fromisoformat(row[2]), row[3], datetime.fromisoformat(row[4]),
                           datetime.fromisoformat(row[5]) if row[5] else None) for row in rows]

    def current_plan(self) -> PlanRecord | None:
        running = [plan for plan in self.plans() if plan.ended_at is None]
        return running[-1] if running else None


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _session(row: tuple[Any, ...]) -> SessionRecord:
    return SessionRecord(row[0], row[1], row[2], stored_moment(row[3]), date.fromisoformat(row[4]),
                         stored_moment(row[5]) if row[5] else None, row[6], row[7], row[8])


def _cramp(row: tuple[Any, ...]) -> CrampRecord:
    return CrampRecord(row[0], stored_moment(row[1]), date.fromisoformat(row[2]), row[3], row[4],
                       stored_minutes(row[5]), row[6], row[7], None if row[8] is None else bool(row[8]))


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextmanager
def _one_opener_at_a_time(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`.lock while checking, switching to WAL and migrating.

    Several programs opening a new history at once (cron's `remind due`, the app, a `coach cramp`)
    each switch its journal to WAL and migrate it. SQLite answers some of those clashes with an
    immediate "database is locked" instead of waiting (a waiting reader could deadlock a writer),
    so now and then one program failed to open a perfectly good history. Taking turns for these
    few milliseconds removes the clash; the kernel drops the lock if a program dies holding it.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no flock; SQLite's own locking is all there is
        yield
        return
    try:
        descriptor = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # a read-only folder: opening read-only cannot clash over the journal
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _checked_record(path: Path) -> Path:
    return Path(f"{path}.checked")


def _identity_of(path: Path) -> list[list[int] | None]:
    """What tells this history file (and its write-ahead log, if it holds anything) from any
    other version of it: size, modification time and inode."""
    identity: list[list[int] | None] = []
    for file in (path, Path(f"{path}-wal")):
        try:
            status = os.stat(file)
        except OSError:
            identity.append(None)
            continue
        empty_log = file != path and status.st_size == 0  # a log with nothing in it: as if absent
        identity.append(None if empty_log else [status.st_size, status.st_mtime_ns, status.st_ino])
    return identity


def _last_checked(path: Path) -> object:
    """The identity the file had when it last passed the check, or None."""
    try:
        return json.loads(_checked_record(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remember_checked(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: the check runs every time, as before
        write_private(_checked_record(path), json.dumps(_identity_of(path)), durable=False)


def _statements(script: str) -> list[str]:
    """A script's statements, one by one; a trigger's body holds semicolons of its own."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"an unfinished statement: {pending.strip()}")
    return statements


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
