"""History: twelve weeks at a glance, the streak, cramps week by week, and whether it helps."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Sparkline, Static

from coach.history.heatmap import CRAMP, DONE, NONE, PARTIAL, grid_text, nights_grid, weekly_cramps
from coach.history.nights import night_of
from coach.history.stats import compute
from coach.history.views import stats_text
from coach.tui.coach_screen import CoachScreen

WEEKS = 12


class HistoryScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #history {
        padding: 1 2;
    }
    #history-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #heatmap {
        color: $primary;
        margin-bottom: 1;
    }
    #legend, #sparkline-label {
        color: $text-muted;
    }
    #weekly-cramps {
        width: 60;
        max-width: 100%;
        height: 3;
        margin-bottom: 1;
    }
    """
    BINDINGS = [Binding("escape,q", "close", "Back")]
    HELP_TITLE = "history"
    HELP_INTRO = ("Each square is a night of the last 12 weeks: filled when you did a routine. "
                  "Below: your streak and your cramps. ↑ and ↓ scroll.")
    KEY_HELP = {"close": "back to the start screen"}

    def compose(self) -> ComposeResult:
        app = self.app
        now = app.now()
        tonight = night_of(now)
        since = tonight - timedelta(weeks=WEEKS)
        store = app.history
        all_nights = store.night_records() if store else []
        all_cramps = store.cramps() if store else []
        sessions = [n for n in all_nights if n.night >= since]
        cramps = [c for c in all_cramps if c.night >= since]
        with VerticalScroll(id="history"):
            yield Static(f"The last {WEEKS} weeks", id="history-title")
            grid = nights_grid(sessions, cramps, tonight, WEEKS)
            yield Static("\n".join(grid_text(grid)), id="heatmap", markup=False)
            yield Static(f"{DONE} routine done   {PARTIAL} partly done   {NONE} none   "
                         f"{CRAMP} cramp that night", id="legend", markup=False)
            yield Static("Cramps each week, oldest first:", id="sparkline-label")
            yield Sparkline(weekly_cramps(cramps, tonight, WEEKS), id="weekly-cramps")
            yield Static(stats_text(compute(all_nights, all_cramps, now)), id="history-stats",
                         markup=False)
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()
