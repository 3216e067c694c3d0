"""A guide that comes with coach, read inside the app (the routine file format, from the builder)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from coach import locations
from coach.i18n import N_, _
from coach.tui.widgets.key_hints import KeyHints


class GuideScreen(Screen[None]):
    DEFAULT_CSS = """
    GuideScreen #guide { padding: 0 2; }
    GuideScreen #guide-title { text-style: bold; padding: 1 2 0 2; }
    """
    BINDINGS = [Binding("escape,q", "close", "Back", key_display="esc")]
    HELP_TITLE = N_("a guide")
    HELP_INTRO = N_("↑ and ↓ (or Page Up and Page Down) scroll. The same guide prints with 'coach help routines'.")
    KEY_HELP = {"close": N_("back to where you were")}

    def __init__(self, name: str = "routine-format.md", title: str = N_("Routine files: the format")):
        super().__init__()
        self.guide_name = name
        self.guide_title = title

    def compose(self) -> ComposeResult:
        yield Static(_("{title}  ·  also: coach help routines").format(title=_(self.guide_title)), id="guide-title",
                     markup=False)
        with VerticalScroll(id="guide"):
            yield Markdown(locations.guide_path(self.guide_name).read_text(encoding="utf-8"))
        yield KeyHints(self.BINDINGS)

    def on_mount(self) -> None:
        self.query_one("#guide").focus()

    def action_close(self) -> None:
        self.app.pop_screen()
