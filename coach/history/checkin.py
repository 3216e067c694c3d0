"""Which night the morning question is about, if any.

An unanswered night is unknown and left out of every rate, so coach asks about the night just
gone, but only someone who was already using coach by then (a first evening has no "last night").
"""

from __future__ import annotations

from datetime import date, datetime

from coach.history.nights import last_complete_night
from coach.history.store import HistoryStore


def night_to_ask_about(store: HistoryStore, now: datetime) -> date | None:
    night = last_complete_night(now)
    if store.is_answered(night) or not store.used_by(night):
        return None
    return night
