"""Safety: the three tiers of getting help, and what the evidence really says."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.i18n import N_, _
from coach.safety import safety_page
from coach.settings import load_settings
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.key_hints import KeyHints


class SafetyScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #safety {
        padding: 1 2;
    }
    #safety-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #safety-hint {
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("enter,escape,q", "close", "Continue")]
    HELP_TITLE = N_("safety")
    HELP_INTRO = N_("When to stop, and when to see a doctor. ↑ and ↓ scroll.")
    KEY_HELP = {"close": N_("close this page and carry on")}

    def __init__(self, first_run: bool = False):
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety"):
            heading = _("Before you start: safety") if self.first_run else _("Safety")
            yield Static(heading, id="safety-title")
            yield Static(safety_page(load_settings().settings.pregnant), id="safety-text", markup=False)
            yield Static(_("Press Enter to continue. Press s on the start screen to see this again."),
                         id="safety-hint")
        yield KeyHints()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
            return
        # On a first run this page is the first screen, shown before the home screen is built.
        self.app.first_safety_page_closed()
