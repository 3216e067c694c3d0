"""The personal trial in the app: where you are tonight and the result so far; start or end one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.history.plan import CHOICE_NOTE, MIN_PAIRS, PROGRAMME, TEST, programme_weeks, randomised_weeks
from coach.history.store import HistoryStore
from coach.history.views import plan_text
from coach.i18n import N_, _
from coach.tui.coach_screen import CoachScreen
from coach.tui.screens.dialog import Answer, ChoiceDialog
from coach.tui.widgets.translated_footer import TranslatedFooter

NO_PLAN = N_("No plan running.\n\n"
             "p  the 6-week programme, as in the trial: a baseline week with your usual habits and a "
             "morning answer each day, then the routine every night for 6 weeks.\n\n"
             "t  test it for yourself: after the baseline week, {pairs} pairs of weeks, one with the "
             "routine and one as usual, the order in each pair chosen by a coin. {note}")


def no_plan_text() -> str:
    return _(NO_PLAN).format(pairs=MIN_PAIRS, note=_(CHOICE_NOTE))


class ConfirmEndPlan(ChoiceDialog[bool]):
    QUESTION = N_("End your plan?\nEvery night so far stays in your history.")
    ANSWERS = (Answer(N_("End it"), "y", True, "error"), Answer(N_("Keep it"), "n", False, "primary"))
    FOCUS_INDEX = 1  # the safe answer


class PlanScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("p", "start('programme')", "6-week programme"),
        Binding("t", "start('test')", "Test it for yourself"),
        Binding("x", "end", "End the plan"),
        Binding("escape,q", "close", "Back"),
    ]
    HELP_TITLE = N_("your plan")
    HELP_INTRO = N_("A plan answers whether the routine helps you: a week as usual, then weeks with the routine, "
                    "and your cramps compared, with 'can't tell yet' until there are enough nights.")
    KEY_HELP = {"start('programme')": N_("start the 6-week programme: a week as usual, then the routine every night"),
                "start('test')": N_("test it for yourself: weeks with and without the routine, in an order chosen "
                                    "by coin; you can end it at any time"),
                "end": N_("end the plan (asks first); what was recorded is kept"),
                "close": N_("back to your history")}

    @property
    def history(self) -> HistoryStore:
        store = self.app.history
        if store is None:  # the history screen offers this only when the history is open
            raise RuntimeError("a plan needs the history")
        return store

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan", classes="page"):
            yield Static(_("Is it helping me?"), id="plan-title", classes="page-title")
            yield Static(self._text(), id="plan-text", markup=False)
        yield TranslatedFooter()

    def _text(self) -> str:
        plan = self.history.current_plan()
        return no_plan_text() if plan is None else plan_text(self.history, plan, self.app.now())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = self.history.current_plan() is not None
        if action == "start":
            return not running
        if action == "end":
            return running
        return True

    def _refresh(self) -> None:
        self.query_one("#plan-text", Static).update(self._text())
        self.refresh_bindings()

    def action_start(self, kind: str) -> None:
        now = self.app.now()
        weeks = randomised_weeks(MIN_PAIRS) if kind == TEST else programme_weeks()
        self.history.start_plan(TEST if kind == TEST else PROGRAMME, now.date(), weeks, now)
        self._refresh()

    def action_end(self) -> None:
        self.app.push_screen(ConfirmEndPlan(), self._end_if)

    def _end_if(self, end: bool | None) -> None:
        if end:
            self.history.end_plan(self.app.now())
            self._refresh()

    def action_close(self) -> None:
        self.app.pop_screen()
