"""Reminders and what became of each scheduled time, kept beside the history.

The log's key is (reminder, scheduled local wall-clock time), so claiming a time is one atomic
insert: however many `coach remind due` run at once (cron, the systemd timer, the open app), one of
them wins; and a change of time zone (London, then Berlin) is still the same 21:30 that night.

A claim to notify is unconfirmed until the delivery's outcome is recorded. A run killed while
delivering leaves it unconfirmed, and a later run takes it over once the claim is older than
CLAIM_LEASE_SECONDS: at least once, with a duplicate only after a crash during delivery.
"""

from __future__ import annotations

from datetime import datetime, time

from coach.history.store import HistoryStore, inserted_id, now_local
from coach.reminders.schedule import DAY_NAMES, EVERY_DAY, Reminder, format_days, parse_time

SNOOZE_ID = 0  # log entries for a snoozed reminder use this id
# Longer than any delivery takes (each way of notifying gives up after a few seconds).
CLAIM_LEASE_SECONDS = 60


def log_key(scheduled_for: datetime) -> str:
    """The local wall-clock time, without its UTC offset: one key per scheduled time per night."""
    return scheduled_for.replace(tzinfo=None).isoformat(timespec="seconds")


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

    def claim(self, reminder_id: int, scheduled_for: datetime, outcome: str, now: datetime | None = None) -> bool:
        """Take a scheduled time for this run; False if another run already did.

        "notified" is only what this run means to do: it stays unconfirmed until `confirm`.
        """
        now = now or now_local()
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO reminder_log (reminder_id, scheduled_for, outcome, via, logged_at, "
            "confirmed, claimed_at) VALUES (?, ?, ?, NULL, ?, ?, ?)",
            (reminder_id, log_key(scheduled_for), outcome, now.isoformat(), int(outcome != "notified"),
             now.timestamp()))
        return cursor.rowcount == 1

    def reclaim(self, reminder_id: int, scheduled_for: datetime, now: datetime) -> bool:
        """Take over a claim whose run never confirmed it (killed while delivering); False if it
        was confirmed, or another run holds it still."""
        cursor = self._db.execute(
            "UPDATE reminder_log SET claimed_at = ?, logged_at = ? WHERE reminder_id = ? AND scheduled_for = ? "
            "AND confirmed = 0 AND (claimed_at IS NULL OR claimed_at < ?)",
            (now.timestamp(), now.isoformat(), reminder_id, log_key(scheduled_for),
             now.timestamp() - CLAIM_LEASE_SECONDS))
        return cursor.rowcount == 1

    def confirm(self, reminder_id: int, scheduled_for: datetime, outcome: str, via: str | None) -> None:
        """What became of a claimed time, now that it is known."""
        self._db.execute("UPDATE reminder_log SET outcome = ?, via = ?, confirmed = 1 WHERE reminder_id = ? "
                         "AND scheduled_for = ?", (outcome, via, reminder_id, log_key(scheduled_for)))

    def unconfirmed(self) -> set[tuple[int, str]]:
        """(reminder, key) of claims no run has confirmed: candidates for a retry."""
        return set(self._db.execute("SELECT reminder_id, scheduled_for FROM reminder_log WHERE confirmed = 0"))

    def handled(self) -> set[tuple[int, str]]:
        """(reminder, key) of every time some run has dealt with or is dealing with."""
        return set(self._db.execute("SELECT reminder_id, scheduled_for FROM reminder_log"))

    def log(self) -> list[tuple[int, datetime, str, str | None]]:
        # Keys are wall-clock times: read back in today's zone, which is where they were meant.
        return [(rid, datetime.fromisoformat(when).astimezone(), outcome, via) for rid, when, outcome, via in
                self._db.execute("SELECT reminder_id, scheduled_for, outcome, via FROM reminder_log "
                                 "ORDER BY scheduled_for")]

    def missed_since(self, since: datetime) -> list[tuple[int, datetime]]:
        return [(rid, when) for rid, when, outcome, _ in self.log() if outcome == "missed" and when >= since]
