"""Reminders and what became of each scheduled time, kept beside the history.

The log's key is (reminder, scheduled time), so claiming a time is one atomic insert: however
many `coach remind due` run at once (cron, the systemd timer, the open app), one of them wins.
"""

from __future__ import annotations

from datetime import datetime, time

from coach.history.store import HistoryStore, inserted_id, now_local
from coach.reminders.schedule import DAY_NAMES, EVERY_DAY, Reminder, format_days, parse_time

SNOOZE_ID = 0  # log entries for a snoozed reminder use this id


class ReminderStore:
    def __init__(self, history: HistoryStore):
        self.history = history
        self._db = history.connection

    def add(self, reminder_time: time, days: frozenset[int], routine: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO reminders (at, days, routine, created_at) VALUES (?, ?, ?, ?)",
            (reminder_time.strftime("%H:%M"), format_days(days), routine, now_local().isoformat()))
        return inserted_id(cursor)

    def remove(self, reminder_id: int) -> bool:
        return self._db.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,)).rowcount == 1

    def all(self) -> list[Reminder]:
        reminders = []
        for rid, at, days, routine, created in self._db.execute(
                "SELECT id, at, days, routine, created_at FROM reminders ORDER BY at, id"):
            day_set = EVERY_DAY if days == "every day" else frozenset(DAY_NAMES.index(d) for d in days.split(","))
            reminders.append(Reminder(rid, parse_time(at), day_set, routine, datetime.fromisoformat(created)))
        return reminders

    # --- paused and snoozed ------------------------------------------------------------

    def _get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set(self, key: str, value: str | None) -> None:
        if value is None:
            self._db.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self._db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                             "SET value = excluded.value", (key, value))

    @property
    def paused(self) -> bool:
        return self._get("reminders_paused") == "yes"

    def set_paused(self, paused: bool) -> None:
        self._set("reminders_paused", "yes" if paused else None)

    @property
    def snoozed_until(self) -> datetime | None:
        value = self._get("snoozed_until")
        return datetime.fromisoformat(value) if value else None

    def snooze(self, until: datetime | None) -> None:
        self._set("snoozed_until", until.isoformat() if until else None)

    # --- the log -----------------------------------------------------------------------

    def claim(self, reminder_id: int, scheduled_for: datetime, outcome: str, via: str | None = None) -> bool:
        """Record what became of a scheduled time; False if another run already did."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO reminder_log VALUES (?, ?, ?, ?, ?)",
            (reminder_id, scheduled_for.isoformat(), outcome, via, now_local().isoformat()))
        return cursor.rowcount == 1

    def update_outcome(self, reminder_id: int, scheduled_for: datetime, outcome: str, via: str | None) -> None:
        self._db.execute("UPDATE reminder_log SET outcome = ?, via = ? WHERE reminder_id = ? AND "
                         "scheduled_for = ?", (outcome, via, reminder_id, scheduled_for.isoformat()))

    def log(self) -> list[tuple[int, datetime, str, str | None]]:
        return [(rid, datetime.fromisoformat(when), outcome, via) for rid, when, outcome, via, _ in
                self._db.execute("SELECT * FROM reminder_log ORDER BY scheduled_for")]

    def missed_since(self, since: datetime) -> list[tuple[int, datetime]]:
        return [(rid, when) for rid, when, outcome, _ in self.log() if outcome == "missed" and when >= since]
