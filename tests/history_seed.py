"""A fixed, made-up history for screen tests and snapshots."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from coach.history.store import HistoryStore

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=UTC)


def seed(store: HistoryStore, weeks: int = 12) -> None:
    """Routines on most evenings, more often lately; cramps more often on nights without.

    Most mornings are answered; about one night in eight is left unanswered (unknown), though
    never the last one, so the app does not open on the morning question.
    """
    rng = random.Random(12)
    answers = random.Random(8)  # its own sequence: the routines and cramps stay as they were
    for days in range(weeks * 7, 0, -1):
        evening = (NOW - timedelta(days=days)).replace(hour=22, minute=0)
        done = rng.random() < (0.5 if days > 40 else 0.85)
        if done or rng.random() < 0.2:
            session = store.start_session("evening", "Evening stretches", 590, evening)
            store.record_step(session, 0, "leg-check", "both", 10, 10.0, "done")
            store.finish_session(session, "completed" if done else "partial", evening + timedelta(minutes=10))
        if rng.random() < (0.2 if done else 0.6):
            store.log_cramp(evening + timedelta(hours=5), rng.choice(["left", "right", "both"]),
                            rng.randint(3, 8), rng.choice([1, 2, 5]))
        if days == 1 or answers.random() > 0.125:
            store.check_in((evening - timedelta(hours=1)).date(), evening + timedelta(hours=10))
