"""The cramp diary entry by entry: correct one, delete one, and undo a deletion."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.history.store import CrampRecord, HistoryStore
from coach.i18n import N_, _
from coach.local_format import day_date_year, decimal, time_of_day
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.translated_footer import TranslatedFooter
from coach.words import count_of, leg_words


def entry_line(cramp: CrampRecord) -> str:
    parts = [f"{day_date_year(cramp.at)} {time_of_day(cramp.at)}", leg_words(cramp.leg, cramp.place),
             f"{cramp.severity}/10"]
    if cramp.minutes is not None:
        minutes = f"{cramp.minutes:g}"
        if "." in minutes:  # 2.5 in English, 2,5 in German
            minutes = decimal(cramp.minutes, len(minutes.split(".")[1]))
        parts.append(_("{minutes} min").format(minutes=minutes))
    if cramp.woke:
        parts.append(_("woke me"))
    if cramp.note:
        parts.append(cramp.note)
    return "   ".join(parts)


class CrampListScreen(CoachScreen[None]):
    BINDINGS = [
        Binding("enter,e", "correct", "Correct"),
        Binding("d,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
        Binding("escape,q", "close", "Back"),
    ]
    HELP_TITLE = N_("your cramp entries")
    HELP_INTRO = N_("Every cramp in your diary, newest first. Correct or delete one; a deleted one can be put back.")
    KEY_HELP = {"correct": N_("correct the highlighted cramp entry"),
                "delete": N_("delete the highlighted entry"),
                "undo": N_("put back the entry you deleted last"),
                "close": N_("back to your history")}

    def __init__(self) -> None:
        super().__init__()
        self.deleted: list[CrampRecord] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="cramp-list", classes="page"):
            yield Static(_("Your cramp entries, newest first"), id="cramp-list-title", classes="page-title")
            yield Static(id="cramp-list-status", markup=False)
            yield OptionList(id="cramp-entries")
        yield TranslatedFooter()

    @property
    def history(self) -> HistoryStore:
        store = self.app.history
        if store is None:  # home offers this screen only when the history is open
            raise RuntimeError("the cramp entries need the history")
        return store

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self._fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.deleted)
        return True

    def _fill(self) -> None:
        entries = self.query_one(OptionList)
        highlighted = entries.highlighted
        entries.clear_options()
        cramps = list(reversed(self.history.cramps()))
        entries.add_options([Option(entry_line(c), id=str(c.id)) for c in cramps])
        if cramps:
            entries.highlighted = min(highlighted or 0, len(cramps) - 1)
        self.query_one("#cramp-list-status", Static).update(
            _("{entries}. Enter corrects one, d deletes it (u puts it back).").format(
                entries=count_of(len(cramps), "entry", "entries")) if cramps
            else _("No cramps logged. Press l on the start screen to log one."))

    def _selected_id(self) -> int | None:
        entries = self.query_one(OptionList)
        if entries.highlighted is None:
            return None
        option_id = entries.get_option_at_index(entries.highlighted).id
        return int(option_id) if option_id else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_correct()

    def action_correct(self) -> None:
        from coach.tui.screens.cramp_form import CrampForm

        cramp_id = self._selected_id()
        record = self.history.cramp(cramp_id) if cramp_id is not None else None
        if record is not None:
            self.app.push_screen(CrampForm(record=record))

    def action_delete(self) -> None:
        cramp_id = self._selected_id()
        if cramp_id is None:
            return
        gone = self.history.delete_cramp(cramp_id)
        self.deleted.append(gone)
        self._fill()
        self.query_one("#cramp-list-status", Static).update(
            _("Deleted: {entry}. Press u to put it back.").format(entry=entry_line(gone)))
        self.refresh_bindings()

    def action_undo(self) -> None:
        if not self.deleted:
            return
        record = self.deleted.pop()
        self.history.restore_cramp(record)
        self._fill()
        self.query_one("#cramp-list-status", Static).update(_("Put back: {entry}.").format(entry=entry_line(record)))
        self.refresh_bindings()

    def action_close(self) -> None:
        self.app.pop_screen()
