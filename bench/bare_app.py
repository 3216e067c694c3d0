"""The baseline: a bare Textual app that shows one Digits countdown, ticking once a second."""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits


class BareCountdown(App[None]):
    def __init__(self, seconds: int = 600, exit_after_first_paint: bool = False):
        super().__init__()
        self.deadline = time.monotonic() + seconds
        self.exit_after_first_paint = exit_after_first_paint

    def compose(self) -> ComposeResult:
        yield Digits(self.remaining())

    def remaining(self) -> str:
        return str(max(0, round(self.deadline - time.monotonic())))

    def on_mount(self) -> None:
        self.set_interval(1.0, lambda: self.query_one(Digits).update(self.remaining()))
        if self.exit_after_first_paint:
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    app = BareCountdown(exit_after_first_paint="--exit-after-first-paint" in sys.argv)
    app.run()
    raise SystemExit(app.return_code or 0)
