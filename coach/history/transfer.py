"""Moving a history to another computer: everything as one JSON document, and back.

Importing is all or nothing and idempotent: every item is checked before anything is written, the
writing is one transaction, and items already present (the same routine start, cramp moment,
check-in night or plan) are skipped, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from coach.history.cramp_entry import CrampEntry, CrampValueError, checked
from coach.history.nights import night_of
from coach.history.store import HistoryStore, now_local
from coach.i18n import _, pgettext

FORMAT = "coach-history"
VERSION = 1
SESSION_STATUSES = ("running", "completed", "partial", "interrupted")
PLAN_KINDS = ("programme", "test")


class TransferError(ValueError):
    """The file cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class Imported:
    routines: int
    cramps: int
    checkins: int
    plans: int

    @property
    def total(self) -> int:
        return self.routines + self.cramps + self.checkins + self.plans


def export_history(store: HistoryStore) -> dict[str, Any]:
    connection = store.connection
    sessions = []
    for row in connection.execute("SELECT id, routine, title, started_at, ended_at, status, planned_seconds "
                                  "FROM sessions ORDER BY started_at"):
        steps = [{"step_index": s[0], "exercise": s[1], "side": s[2], "planned_seconds": s[3],
                  "actual_seconds": s[4], "status": s[5]}
                 for s in connection.execute("SELECT step_index, exercise, side, planned_seconds, actual_seconds, "
                                             "status FROM steps WHERE session_id = ? ORDER BY step_index, side",
                                             (row[0],))]
        sessions.append({"routine": row[1], "title": row[2], "started_at": row[3], "ended_at": row[4],
                         "status": row[5], "planned_seconds": row[6], "steps": steps})
    cramps = [{"at": r[0], "leg": r[1], "severity": r[2], "minutes": r[3], "note": r[4], "place": r[5],
               "woke": None if r[6] is None else bool(r[6]), "logged_at": r[7]}
              for r in connection.execute("SELECT at, leg, severity, minutes, note, place, woke, logged_at "
                                          "FROM cramps ORDER BY at")]
    checkins = [{"night": r[0], "answered_at": r[1]}
                for r in connection.execute("SELECT night, answered_at FROM checkins ORDER BY night")]
    plans = [{"kind": r[0], "first_night": r[1], "weeks": r[2], "created_at": r[3], "ended_at": r[4]}
             for r in connection.execute("SELECT kind, first_night, weeks, created_at, ended_at FROM plans "
                                         "ORDER BY id")]
    return {"format": FORMAT, "version": VERSION, "exported_at": now_local().isoformat(),
            "routines": sessions, "cramps": cramps, "checkins": checkins, "plans": plans}


def _moment(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise TransferError(_("{where}: expected a date and time").format(where=where))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise TransferError(_("{where}: '{value}' is not a date and time").format(where=where, value=value)) from None
    if moment.tzinfo is None:
        raise TransferError(_("{where}: '{value}' has no time zone").format(where=where, value=value))
    return moment


def _day(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise TransferError(_("{where}: '{value}' is not a date").format(where=where, value=value)) from None


def _number(value: Any, where: str, whole: bool = False) -> Any:
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value < 0:
        wanted = (_("{where}: expected a whole number, not {value}") if whole
                  else _("{where}: expected a number, not {value}"))
        raise TransferError(wanted.format(where=where, value=repr(value)))
    return value


def _text(value: Any, where: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise TransferError(_("{where}: expected text, not {value}").format(where=where, value=repr(value)))
    return value


def _list(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = document.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise TransferError(_("'{key}' is not a list of entries").format(key=key))
    return items


def read_export(document: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Check every item; the rows to insert, or TransferError naming the first problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError(_("this is not a coach history export (it has no \"format\": \"coach-history\")"))
    if document.get("version") != VERSION:
        raise TransferError(_("this export is version {found}; this coach reads version {version} — update coach "
                              "on this computer").format(found=repr(document.get("version")), version=VERSION))
    rows: dict[str, list[tuple[Any, ...]]] = {"sessions": [], "cramps": [], "checkins": [], "plans": []}
    for number, item in enumerate(_list(document, "routines"), start=1):
        where = pgettext("export item", "routine {number}").format(number=number)
        started = _moment(item.get("started_at"), f"{where} started_at")
        ended = None if item.get("ended_at") is None else _moment(item["ended_at"], f"{where} ended_at")
        if item.get("status") not in SESSION_STATUSES:
            raise TransferError(_("{where}: status {status} is not one of {statuses}").format(
                where=where, status=repr(item.get("status")), statuses=", ".join(SESSION_STATUSES)))
        steps = []
        for step_number, step in enumerate(item.get("steps") or [], start=1):
            at = pgettext("export item", "{where} step {number}").format(where=where, number=step_number)
            if not isinstance(step, dict):
                raise TransferError(_("{where}: not an entry").format(where=at))
            steps.append((_number(step.get("step_index"), f"{at} step_index", whole=True),
                          _text(step.get("exercise"), f"{at} exercise"), _text(step.get("side"), f"{at} side"),
                          _number(step.get("planned_seconds"), f"{at} planned_seconds", whole=True),
                          _number(step.get("actual_seconds"), f"{at} actual_seconds"),
                          _text(step.get("status"), f"{at} status")))
        rows["sessions"].append((_text(item.get("routine"), f"{where} routine"),
                                 _text(item.get("title"), f"{where} title"), started, ended,
                                 "interrupted" if item["status"] == "running" else item["status"],
                                 _number(item.get("planned_seconds"), f"{where} planned_seconds", whole=True), steps))
    for number, item in enumerate(_list(document, "cramps"), start=1):
        where = pgettext("export item", "cramp {number}").format(number=number)
        try:
            entry = checked(CrampEntry(_moment(item.get("at"), f"{where} at"), item.get("leg", ""),
                                       item.get("severity", 0), item.get("minutes"), item.get("note"),
                                       item.get("place"), item.get("woke")))
        except (CrampValueError, TypeError, AttributeError) as error:
            raise TransferError(f"{where}: {error}") from None  # the error is in the person's language
        logged = _moment(item.get("logged_at") or item.get("at"), f"{where} logged_at")
        rows["cramps"].append((entry, logged))
    for number, item in enumerate(_list(document, "checkins"), start=1):
        where = pgettext("export item", "check-in {number}").format(number=number)
        rows["checkins"].append((_day(item.get("night"), f"{where} night"),
                                 _moment(item.get("answered_at"), f"{where} answered_at")))
    for number, item in enumerate(_list(document, "plans"), start=1):
        where = pgettext("export item", "plan {number}").format(number=number)
        if item.get("kind") not in PLAN_KINDS:
            raise TransferError(_("{where}: kind {kind} is not programme or test").format(
                where=where, kind=repr(item.get("kind"))))
        weeks = _text(item.get("weeks"), f"{where} weeks") or ""
        if set(weeks) - set("BRU"):
            raise TransferError(_("{where}: weeks '{weeks}' may only hold B, R and U").format(where=where, weeks=weeks))
        rows["plans"].append((item["kind"], _day(item.get("first_night"), f"{where} first_night"), weeks,
                              _moment(item.get("created_at"), f"{where} created_at"),
                              None if item.get("ended_at") is None else _moment(item["ended_at"], f"{where} ended_at")))
    return rows


def import_history(store: HistoryStore, document: Any) -> Imported:
    rows = read_export(document)  # everything checked before anything is written
    connection = store.connection
    added = {"sessions": 0, "cramps": 0, "checkins": 0, "plans": 0}
    with store.transaction():
        for routine, title, started, ended, status, planned, steps in rows["sessions"]:
            if connection.execute("SELECT 1 FROM sessions WHERE routine = ? AND started_at = ?",
                                  (routine, started.isoformat())).fetchone():
                continue
            cursor = connection.execute(
                "INSERT INTO sessions (routine, title, started_at, night, ended_at, status, planned_seconds) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (routine, title, started.isoformat(), night_of(started).isoformat(),
                 ended.isoformat() if ended else None, status, planned))
            connection.executemany("INSERT OR IGNORE INTO steps VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   [(cursor.lastrowid, *step) for step in steps])
            added["sessions"] += 1
        for entry, logged in rows["cramps"]:
            if connection.execute("SELECT 1 FROM cramps WHERE at = ? AND leg = ?",
                                  (entry.at.isoformat(), entry.leg)).fetchone():
                continue
            connection.execute(
                "INSERT INTO cramps (at, night, leg, severity, minutes, note, place, woke, logged_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.at.isoformat(), night_of(entry.at).isoformat(), entry.leg, entry.severity, entry.minutes,
                 entry.note, entry.place, None if entry.woke is None else int(entry.woke), logged.isoformat()))
            added["cramps"] += 1
        for night, answered_at in rows["checkins"]:
            cursor = connection.execute("INSERT INTO checkins VALUES (?, ?) ON CONFLICT (night) DO NOTHING",
                                        (night.isoformat(), answered_at.isoformat()))
            added["checkins"] += cursor.rowcount
        for kind, first_night, weeks, created, ended in rows["plans"]:
            if connection.execute("SELECT 1 FROM plans WHERE kind = ? AND created_at = ?",
                                  (kind, created.isoformat())).fetchone():
                continue
            connection.execute("INSERT INTO plans (kind, first_night, weeks, created_at, ended_at) "
                               "VALUES (?, ?, ?, ?, ?)", (kind, first_night.isoformat(), weeks, created.isoformat(),
                                ended.isoformat() if ended else None))
            added["plans"] += 1
        # One plan runs at a time: if the import brought a second running one, the older one ends.
        running = connection.execute(
            "SELECT id, created_at FROM plans WHERE ended_at IS NULL ORDER BY created_at").fetchall()
        for plan_id, _ in running[:-1]:
            connection.execute("UPDATE plans SET ended_at = ? WHERE id = ?", (running[-1][1], plan_id))
    return Imported(added["sessions"], added["cramps"], added["checkins"], added["plans"])
