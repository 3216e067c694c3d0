"""Clocks: the real monotonic one for the session engine, one that moves only when told, and
the local wall time that history is written in."""

from __future__ import annotations

import time
from datetime import datetime

monotonic = time.monotonic


def now_local() -> datetime:
    """Now, in the local time zone, with its offset."""
    return datetime.now().astimezone()


class ManualClock:
    """A clock for tests and demos: time stands still until `advance` is called."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self.now += seconds
