"""`coach remind due`: is a reminder due now? Safe to run as often as anything likes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from coach.frozen import frozen
from coach.history.nights import night_of
from coach.i18n import N_, _
from coach.reminders.notify import Delivery
from coach.reminders.schedule import GRACE, Reminder, latest_due
from coach.reminders.store import SNOOZE_ID, ReminderStore, log_key

Send = Callable[[str, str], Delivery]
TITLE = N_("Time for your bedtime stretches")
# A reminder for this "routine" is the morning check-in, not a bedtime routine.
MORNING = "morning-checkin"
MORNING_TITLE = N_("How was last night?")
MORNING_BODY = N_("Any cramps last night? Answer with: coach checkin --none, or log each one with: "
                "coach cramp (or open coach).")


@frozen
class Result:
    reminder_id: int
    scheduled_for: datetime
    outcome: str  # "notified", "failed", "missed" or "quiet"
    delivery: Delivery | None = None


def message(routine: str, routines: Mapping[str, tuple[str, int]], scheduled_for: datetime,
            now: datetime) -> str:
    title, seconds = routines.get(routine, (routine, 0))
    minutes = max(1, round(seconds / 60))
    if (now - scheduled_for).total_seconds() > 300:  # late: say which time it was meant for
        text = _("{title} takes about {minutes} min. Start it with: coach run {routine} (this reminder was for "
                 "{time})")
    else:
        text = _("{title} takes about {minutes} min. Start it with: coach run {routine}")
    return text.format(title=title, minutes=minutes, routine=routine, time=scheduled_for.strftime("%H:%M"))


def scheduled_time(reminder: Reminder, now: datetime) -> datetime | None:
    """The scheduled time that matters now: the latest one, if the reminder existed by then."""
    due = latest_due(reminder, now)
    return due if due is not None and due >= reminder.created_at else None


def anything_due(store: ReminderStore, now: datetime) -> bool:
    """A cheap, read-only look: is there a scheduled time (or snooze) not yet dealt with?"""
    if store.paused:
        return False
    handled, unconfirmed = store.handled(), store.unconfirmed()
    for reminder in store.all():
        due = scheduled_time(reminder, now)
        if due is None:
            continue
        key = (reminder.id, log_key(due))
        if key not in handled or (key in unconfirmed and now - due <= GRACE):
            return True
    snoozed = store.snoozed_until
    return snoozed is not None and snoozed <= now


def run_due(store: ReminderStore, routines: Mapping[str, tuple[str, int]], send: Send,
            now: datetime) -> list[Result]:
    if store.paused:
        return []
    done_nights = store.history.completed_nights()
    results = []
    for reminder in store.all():
        due = scheduled_time(reminder, now)
        if due is None:
            continue  # nothing scheduled yet since the reminder was made
        if reminder.routine == MORNING:
            # The night just gone: answered already means nothing to ask.
            asked = night_of(due - timedelta(hours=12))
            answered = {asked} if store.history.is_answered(asked) else set()
            results += _handle(store, reminder.id, due, now, answered, send, _(MORNING_BODY),
                               asked_night=asked, title=MORNING_TITLE)
            continue
        body = message(reminder.routine, routines, due, now)
        results += _handle(store, reminder.id, due, now, done_nights, send, body)
    snoozed = store.snoozed_until
    if snoozed is not None and snoozed <= now:
        first = next(iter(store.all()), None)
        routine = first.routine if first else "evening"
        body = message(routine, routines, snoozed, now)
        results += _handle(store, SNOOZE_ID, snoozed, now, done_nights, send, body)
        store.snooze(None)
    return results


def _handle(store: ReminderStore, reminder_id: int, due: datetime, now: datetime,
            done_nights: set[date], send: Send, body: str, asked_night: date | None = None,
            title: str = TITLE) -> list[Result]:
    """`done_nights` holds the nights already dealt with: a reminder about one of them stays quiet."""
    if now - due > GRACE:
        outcome = "missed"
    elif (asked_night if asked_night is not None else night_of(due)) in done_nights:
        outcome = "quiet"  # tonight's routine is already done
    else:
        outcome = "notified"
    # Dealt with already, unless a run was killed while delivering it: then, still within the
    # catch-up window, this run delivers it (at least once; a duplicate only after that crash).
    if not store.claim(reminder_id, due, outcome, now) and (
            outcome != "notified" or not store.reclaim(reminder_id, due, now)):
        return []
    if outcome != "notified":
        return [Result(reminder_id, due, outcome)]
    delivery = send(_(title), body)
    outcome = "notified" if delivery.ok else "failed"
    store.confirm(reminder_id, due, outcome, delivery.via)
    return [Result(reminder_id, due, outcome, delivery)]
