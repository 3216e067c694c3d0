"""Done: a calm summary of what was done, then back to the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from coach.summary import Summary, spoken_duration


def summary_text(summary: Summary) -> str:
    lines = [f"Time spent: {spoken_duration(summary.seconds)}", ""]
    if summary.done:
        lines += ["Done:", *(f"  ✓ {item}" for item in summary.done), ""]
    if summary.partly:
        lines += ["Cut short:", *(f"  ~ {item}" for item in summary.partly), ""]
    if summary.skipped:
        lines += ["Skipped:", *(f"  – {item}" for item in summary.skipped), ""]
    if summary.not_reached:
        lines += ["Not reached:", *(f"  · {item}" for item in summary.not_reached), ""]
    return "\n".join(lines).rstrip()


class DoneScreen(Screen[None]):
    BINDINGS = [
        Binding("enter,escape", "home", "Back to start"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, summary: Summary):
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="done"):
            yield Static(self.summary.headline, id="headline")
            yield Static(summary_text(self.summary), id="summary")
        yield Footer()

    def action_home(self) -> None:
        self.app.go_home()
