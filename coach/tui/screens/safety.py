"""Safety: when to see a doctor instead of stretching, and what the evidence really says."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from coach.safety import EMERGENCY, EVIDENCE, NOT_ADVICE, SEE_A_DOCTOR


def safety_text() -> str:
    flags = "\n".join(f"  • {flag}" for flag in SEE_A_DOCTOR)
    return (f"See a doctor instead of stretching if you have:\n{flags}\n\n{EMERGENCY}\n\n"
            f"{EVIDENCE}\n\n{NOT_ADVICE}")


class SafetyScreen(Screen[None]):
    BINDINGS = [Binding("enter,escape,q", "close", "Continue")]
    HELP_TITLE = "safety"
    HELP_INTRO = "When to stop, and when to see a doctor. ↑ and ↓ scroll."
    HELP = {"close": "close this page and carry on"}

    def __init__(self, first_run: bool = False):
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety"):
            heading = "Before you start: safety" if self.first_run else "Safety"
            yield Static(heading, id="safety-title")
            yield Static(safety_text(), id="safety-text")
            yield Static("Press Enter to continue. Press s on the start screen to see this again.",
                         id="safety-hint")
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()
