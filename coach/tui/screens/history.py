"""History: twelve weeks at a glance, the plan tonight, cramps per answered night week by week, and
whether it helps, each chart with its text summary beside it."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from coach.history.heatmap import CRAMP, DONE, NONE, PARTIAL, UNANSWERED, first_monday, grid_text, nights_grid
from coach.history.nights import last_complete_night, night_of
from coach.history.plan import tonight_text
from coach.history.stats import completed_nights, compute
from coach.history.views import stats_text
from coach.history.weekly import chart_lines, summary_lines, weeks_ending
from coach.i18n import N_, _
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.translated_footer import TranslatedFooter
from coach.words import count_words

WEEKS = 12


class HistoryScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #heatmap {
        color: $primary;
        margin-bottom: 1;
    }
    #legend {
        color: $text-muted;
    }
    #plan-tonight {
        color: $secondary;
        margin-bottom: 1;
    }
    #weekly {
        height: auto;
        margin-bottom: 1;
    }
    #weekly-chart {
        width: auto;
        margin-right: 3;
    }
    #weekly-summary {
        width: 1fr;
        min-width: 24;
    }
    HistoryScreen.-narrow #weekly {
        layout: vertical;
    }
    HistoryScreen.-narrow #weekly-summary {
        width: 100%;
        margin-top: 1;
    }
    """
    BINDINGS = [Binding("c", "cramp_entries", "Cramp entries"), Binding("p", "plan", "My plan"),
                Binding("escape,q", "close", "Back")]
    # Below 80 columns the chart's summary goes under it rather than beside it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    HELP_TITLE = N_("history")
    HELP_INTRO = N_("Each square is a night of the last 12 weeks: filled when you did a routine. "
                    "Below: cramps per answered night, week by week, and your streak. ↑ and ↓ scroll.")
    KEY_HELP = {"cramp_entries": N_("your cramp entries: correct one (Enter), delete it (d) or put it back (u)"),
                "plan": N_("your plan, or start one"),
                "close": N_("back to the start screen")}

    def compose(self) -> ComposeResult:
        app = self.app
        now = app.now()
        tonight = night_of(now)
        since = tonight - timedelta(weeks=WEEKS)
        store = app.history
        all_nights = store.night_records() if store else []
        all_cramps = store.cramps() if store else []
        answered = store.answered_nights() if store else set()
        plan = store.current_plan() if store else None
        sessions = [n for n in all_nights if n.night >= since]
        cramps = [c for c in all_cramps if c.night >= since]
        monday = first_monday(tonight, WEEKS)
        weeks = weeks_ending(monday + timedelta(weeks=WEEKS, days=-1), WEEKS, answered,
                             [c.night for c in cramps], completed_nights(sessions))
        with VerticalScroll(id="history", classes="page"):
            yield Static(count_words(WEEKS, "The last {count} week", "The last {count} weeks"), id="history-title",
                         classes="page-title")
            if plan is not None:
                yield Static(tonight_text(plan.weeks, plan.first_night, tonight), id="plan-tonight", markup=False)
            # In the morning last night is over: unanswered, it gets its "?" as in the stats.
            grid = nights_grid(sessions, cramps, tonight, WEEKS, answered,
                               still_open=last_complete_night(now) + timedelta(days=1))
            yield Static("\n".join(grid_text(grid, monday)), id="heatmap", markup=False)
            yield Static(_("{done} routine done   {partly} partly done   {none} none   "
                           "{cramp} cramp that night   {unanswered} no morning answer").format(
                             done=DONE, partly=PARTIAL, none=NONE, cramp=CRAMP, unanswered=UNANSWERED),
                         id="legend", markup=False)
            with Horizontal(id="weekly"):
                yield Static("\n".join(chart_lines(weeks)), id="weekly-chart", markup=False)
                known = [*(n.night for n in all_nights), *(c.night for c in all_cramps), *answered]
                # A new person starts tonight: nothing before it could have been answered.
                yield Static("\n".join(summary_lines(weeks, min(known, default=tonight), last_complete_night(now))),
                             id="weekly-summary", markup=False)
            yield Static(stats_text(compute(all_nights, all_cramps, now, answered)), id="history-stats",
                         markup=False)
        yield TranslatedFooter()

    def action_cramp_entries(self) -> None:
        if self.app.history is not None:
            from coach.tui.screens.cramp_list import CrampListScreen

            self.app.push_screen(CrampListScreen())

    def action_plan(self) -> None:
        if self.app.history is not None:
            from coach.tui.screens.plan import PlanScreen

            self.app.push_screen(PlanScreen())

    def on_screen_resume(self) -> None:
        """Back from the plan or the entries: what they changed shows here too."""
        self.refresh(recompose=True)

    def action_close(self) -> None:
        self.app.pop_screen()
