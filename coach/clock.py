"""Clocks for the session engine: the real monotonic one, and one that moves only when told."""

from __future__ import annotations

import time

monotonic = time.monotonic


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
