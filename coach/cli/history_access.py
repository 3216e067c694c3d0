"""Opening the history store for a command, with its error as one line.

Kept apart from the history commands: `coach`, `coach run` and `coach sos` open the store too,
and should not import what the diary, stats and report commands need (about 25 ms at start-up).
"""

from __future__ import annotations

import sys

from coach.cli.errors import UserError
from coach.history.store import HistoryError, HistoryStore


class HistoryUserError(UserError):
    """Shown as one line; coach's CLI turns it into its usual error."""


def open_history(announce: bool = True) -> HistoryStore:
    """Open the history, marking sessions a vanished program left running as interrupted."""
    try:
        store = HistoryStore()
        store.mark_interrupted()
    except HistoryError as error:
        raise HistoryUserError(str(error)) from None
    if announce:
        for notice in store.notices:
            print(f"coach: {notice}", file=sys.stderr)
    return store
