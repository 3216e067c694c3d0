"""The cramp diary entry by entry: correct one, delete one, and undo a deletion."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.history.store import CrampRecord, HistoryStore
from coach.tui.coach_screen import CoachScreen
from coach.words import count_of, leg_words


def entry_line(cramp: CrampRecord) -> str:
    parts = [cramp.at.strftime("%a %d %b %Y %H:%M"), leg_words(cramp.leg, cramp.place),
             f"{cramp.severity}/10"]
    if cramp.minutes is not None:
        parts.append(f"{cramp.minutes:g} min")
    if cramp.woke:
        parts.append("woke me")
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
    HELP_TITLE = "your cramp entries"
    HELP_INTRO = "Every cramp in your diary, newest first. Correct or delete one; a deleted one can be put back."
    KEY_HELP = {"correct": "correct the highlighted cramp entry",
                "delete": "delete the highlighted entry",
                "undo": "put back the entry you deleted last",
                "close": "back to your history"}

    def __init__(self) -> None:
        super().__init__()
        self.deleted: list[CrampRecord] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="cramp-list", classes="page"):
            yield Static("Your cramp entries, newest first", id="cramp-list-title", classes="page-title")
            yield Static(id="cramp-list-status", markup=False)
            yield OptionList(id="cramp-entries")
        yield Footer()

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
            f"{count_of(len(cramps), 'entry', 'entries')}. Enter corrects one, d deletes it (u puts it back)." if cramps
            else "No cramps logged. Press l on the start screen to log one.")

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
            f"Deleted: {entry_line(gone)}. Press u to put it back.")
        self.refresh_bindings()

    def action_undo(self) -> None:
        if not self.deleted:
            return
        record = self.deleted.pop()
        self.history.restore_cramp(record)
        self._fill()
        self.query_one("#cramp-list-status", Static).update(f"Put back: {entry_line(record)}.")
        self.refresh_bindings()

    def action_close(self) -> None:
        self.app.pop_screen()
