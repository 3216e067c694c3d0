"""Start the real coach home screen, as `coach` does (history included), and leave once painted."""

from __future__ import annotations

from coach.cli.history import open_history
from coach.routines.library import load_library
from coach.tui.app import CoachApp


class FirstPaintThenExit(CoachApp):
    def on_mount(self) -> None:
        # Textual calls CoachApp.on_mount too: handlers run for every class in the hierarchy.
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    app = FirstPaintThenExit(load_library(), history=open_history(announce=False), show_safety=False)
    app.run()
    raise SystemExit(app.return_code or 0)
