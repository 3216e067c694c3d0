"""The baseline: a bare Textual app that shows one Digits countdown, ticking once a second."""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits


class BareCountdown(App[None]):
    def __init__(self, seconds: int = 600):
        super().__init__()
        self.deadline = time.monotonic() + seconds

    def compose(self) -> ComposeResult:
        yield Digits(self.remaining())

    def remaining(self) -> str:
        return str(max(0, round(self.deadline - time.monotonic())))

    def on_mount(self) -> None:
        self.set_interval(1.0, lambda: self.query_one(Digits).update(self.remaining()))


if __name__ == "__main__":
    BareCountdown().run()
