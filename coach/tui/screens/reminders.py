"""Reminders: add, remove and pause them; see the next one and any that were missed."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from coach.history.store import HistoryStore
from coach.i18n import N_, _
from coach.local_format import day_date, time_of_day, weekday
from coach.reminders.outcomes import tonight_outcomes
from coach.reminders.schedule import ScheduleError, days_words, next_due, own_day_words, parse_days, parse_time, same_as
from coach.reminders.scheduler_install import installed
from coach.reminders.store import ReminderStore
from coach.tui.coach_screen import CoachScreen
from coach.tui.screens.dialog import Answer, ChoiceDialog
from coach.tui.widgets.translated_footer import TranslatedFooter


class ConfirmRemove(ChoiceDialog[bool]):
    QUESTION = N_("Remove this reminder?")
    ANSWERS = (Answer(N_("Remove"), "y", True, "error"), Answer(N_("Keep it"), "n", False, "primary"))
    FOCUS_INDEX = 1

    def __init__(self, reminder_id: int, described: str):
        super().__init__()
        self.question = _("Remove reminder {number} ({described})?").format(number=reminder_id, described=described)


class RemindersScreen(CoachScreen[None]):
    DEFAULT_CSS = """
    #reminders {
        padding: 1 2;
    }
    #reminders-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    #reminders-status {
        color: $secondary;
        margin-bottom: 1;
    }
    #reminder-list {
        height: auto;
        max-height: 10;
        margin-bottom: 1;
    }
    #reminder-add {
        height: auto;
    }
    #reminder-time {
        width: 12;
    }
    #reminder-days {
        width: 30;
    }
    #reminder-error {
        color: $error;
    }
    """
    BINDINGS = [
        Binding("d,delete", "remove", "Remove"),
        Binding("p", "toggle_pause", "Pause/resume"),
        Binding("escape", "close", "Back"),
    ]
    HELP_TITLE = N_("reminders")
    HELP_INTRO = N_("A reminder is a desktop notice at bedtime, and stays quiet on a night you already "
                    "did your routine. Tab moves between the list and the boxes to add one.")
    KEY_HELP = {"remove": N_("remove the highlighted reminder (asks first)"),
                "toggle_pause": N_("pause all reminders, or turn them back on"),
                "close": N_("back to the start screen")}

    def __init__(self, history: HistoryStore) -> None:
        super().__init__()
        self.store = ReminderStore(history)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reminders"):
            yield Static(_("Bedtime reminders"), id="reminders-title")
            yield Static(id="reminders-status", markup=False)
            yield OptionList(id="reminder-list")
            daily, weekdays, _weekends = own_day_words()
            yield Label(_("Add a reminder: time (21:30 or 9pm), days ({daily}, {weekdays}, {weekend}), routine").format(
                daily=daily, weekdays=weekdays, weekend=days_words(frozenset({5, 6}))))
            with Horizontal(id="reminder-add"):
                yield Input(placeholder="21:30", id="reminder-time", max_length=8)
                yield Input(value=daily, id="reminder-days", max_length=40)
                routines = self.app.library.routines
                yield Select([(routine.title, name) for name, routine in routines.items()],
                             value="evening" if "evening" in routines else next(iter(routines)),
                             allow_blank=False, id="reminder-routine")
                yield Button(_("Add"), id="reminder-add-button", variant="primary")
            yield Static(id="reminder-error", markup=False)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.refresh_list()
        # Letters are keys on the list (p, d) but text in the boxes: start where they act.
        if self.store.all():
            self.query_one(OptionList).focus()
        else:
            self.query_one("#reminder-time", Input).focus()

    def refresh_list(self) -> None:
        now = self.app.now()
        reminders = self.store.all()
        options = self.query_one(OptionList)
        previous = options.highlighted or 0
        options.clear_options()
        tonight = tonight_outcomes(self.store, now)
        options.add_options([Option(f"{r.id:>3}  {r.at.strftime('%H:%M')}  {r.days_text:<28} {r.routine}"
                                    + (f"  {tonight[r.id]}" if r.id in tonight else ""),
                                    id=str(r.id)) for r in reminders])
        if reminders:  # keep a highlight, so d always has something to remove
            options.highlighted = min(previous, len(reminders) - 1)
        lines = []
        if self.store.paused:
            lines.append(_("Paused: press p to turn reminders back on."))
        elif reminders:
            soonest = min(next_due(r, now) for r in reminders)
            lines.append(_("Next reminder: {date} at {time}.").format(date=day_date(soonest),
                                                                      time=time_of_day(soonest)))
        else:
            lines.append(_("No reminders yet."))
        missed = self.store.missed_since(now - timedelta(days=7))
        if missed:
            lines.append(_("Missed (the computer was off or asleep): {times}").format(
                times=", ".join(f"{weekday(when)} {time_of_day(when)}" for _id, when in missed)))
        if reminders and installed() is None:
            lines.append(_("They show while coach is open. For reminders with no terminal open, "
                           "run: coach remind install"))
        self.query_one("#reminders-status", Static).update("\n".join(lines))

    def _add(self) -> None:
        error = self.query_one("#reminder-error", Static)
        try:
            at = parse_time(self.query_one("#reminder-time", Input).value)
            days = parse_days(self.query_one("#reminder-days", Input).value)
        except ScheduleError as problem:
            error.update(str(problem))
            return
        routine = str(self.query_one("#reminder-routine", Select).value)
        twin = same_as(self.store.all(), at, days, routine)
        if twin is not None:
            error.update(_("Reminder {number} is already set for that time, those days and that routine.").format(
                number=twin.id))
            return
        self.store.add(at, days, routine)
        error.update("")
        self.query_one("#reminder-time", Input).value = ""
        self.refresh_list()
        self.query_one(OptionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._add()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._add()

    def action_remove(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        reminder_id = int(options.get_option_at_index(options.highlighted).id or "")
        reminder = next(r for r in self.store.all() if r.id == reminder_id)
        described = f"{reminder.at.strftime('%H:%M')} {reminder.days_text}"

        def decided(remove: bool | None) -> None:
            if remove:
                self.store.remove(reminder_id)
                self.refresh_list()

        self.app.push_screen(ConfirmRemove(reminder_id, described), decided)

    def action_toggle_pause(self) -> None:
        self.store.set_paused(not self.store.paused)
        self.refresh_list()

    def action_close(self) -> None:
        self.app.pop_screen()
