"""What a reminder did tonight, in the words the command line and the app both show."""

from __future__ import annotations

from datetime import datetime

from coach.history.nights import night_of
from coach.i18n import N_, _
from coach.reminders.store import ReminderStore

# "quiet" means tonight's routine was already done, so nothing was sent.
OUTCOME_WORDS = {"notified": N_("sent"), "quiet": N_("quiet: done tonight"), "missed": N_("missed"),
                 "failed": N_("failed")}


def outcome_words(outcome: str) -> str:
    return _(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else outcome


def tonight_outcomes(store: ReminderStore, now: datetime) -> dict[int, str]:
    """Each reminder's outcome tonight, in words, from the reminder log."""
    tonight = night_of(now)
    return {rid: outcome_words(outcome) for rid, when, outcome, _ in store.log() if night_of(when) == tonight}
