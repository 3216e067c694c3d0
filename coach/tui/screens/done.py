"""Done: a calm summary of what was done, then back to the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.engine.summary import Summary, spoken_duration
from coach.i18n import N_, _
from coach.model import Side
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.translated_footer import TranslatedFooter


def summary_text(summary: Summary) -> str:
    lines = [_("Time spent stretching: {time}").format(time=spoken_duration(summary.seconds)), ""]
    if summary.done:
        lines += [_("Done:"), *(f"  ✓ {item}" for item in summary.done), ""]
    if summary.partly:
        lines += [_("Cut short:"), *(f"  ~ {item}" for item in summary.partly), ""]
    if summary.skipped:
        lines += [_("Skipped:"), *(f"  – {item}" for item in summary.skipped), ""]
    if summary.not_reached:
        lines += [_("Not reached:"), *(f"  · {item}" for item in summary.not_reached), ""]
    return "\n".join(lines).rstrip()


class DoneScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #done {
        padding: 1 2;
    }
    #headline {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #log-offer {
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("enter,escape", "home", "Back to start"),
        Binding("l", "log_cramp", "Log this cramp"),
        Binding("q", "app.quit", "Quit"),
    ]
    HELP_TITLE = N_("the end of a routine")
    HELP_INTRO = N_("What you did tonight: done, cut short, skipped and not reached. It is in your history already.")
    KEY_HELP = {
        "home": N_("back to the start screen"),
        "log_cramp": N_("after cramp first aid: note this cramp in your diary"),
        "app.quit": N_("close coach"),
    }

    def __init__(self, summary: Summary, cramp_leg: Side | None = None):
        super().__init__()
        self.summary = summary
        self.cramp_leg = cramp_leg  # set after first aid: the diary is one key away

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "log_cramp":
            return self.cramp_leg is not None and self.app.history is not None
        return True

    def action_log_cramp(self) -> None:
        from coach.tui.screens.cramp_form import CrampForm

        self.app.push_screen(CrampForm(self.cramp_leg))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="done"):
            yield Static(self.summary.headline, id="headline", markup=False)
            yield Static(summary_text(self.summary), id="summary", markup=False)
            if self.cramp_leg is not None:
                yield Static(_("Press l to note this cramp in your diary: it helps you and your "
                               "doctor see whether cramps are getting fewer."), id="log-offer")
        yield TranslatedFooter()

    def action_home(self) -> None:
        self.app.go_home()
