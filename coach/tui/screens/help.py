"""Help for the screen in front of you: each of its keys and what it does, in words.

The words live next to each screen's BINDINGS (its KEY_HELP mapping of action to sentence), so a
key cannot be added without its help; a test checks every screen.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

KEY_NAMES = {
    "escape": "Esc", "enter": "Enter", "space": "Space", "delete": "Delete", "question_mark": "?",
    "right": "→", "left": "←", "up": "↑", "down": "↓", "shift+right": "Shift+→", "shift+up": "Shift+↑",
    "shift+down": "Shift+↓", "ctrl+s": "Ctrl+S", "ctrl+q": "Ctrl+Q", "ctrl+p": "Ctrl+P", "f1": "F1",
    "tab": "Tab",
}

# Keys that work on every screen, described once.
EVERYWHERE = (
    ("? or F1", "this help for the screen you are on"),
    ("Ctrl+P", "commands: start a routine, cramp now, log a cramp, history, reminders, safety"),
    ("Ctrl+Q", "quit coach (during a routine it asks first)"),
)


def key_name(key: str) -> str:
    """A key as a person reads it: 'Esc', 'Shift+→', 'N', 'q'."""
    return KEY_NAMES.get(key, key)


def binding_keys(binding: Binding) -> str:
    return " or ".join(key_name(key.strip()) for key in binding.key.split(","))


def screen_help(screen: type[Screen[Any]] | Screen[Any]) -> list[tuple[str, str]]:
    """The keys a screen declares, each with its sentence; one row per action."""
    words: dict[str, str] = getattr(screen, "KEY_HELP", {})
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    bindings: list[BindingType] = list(type(screen).BINDINGS if isinstance(screen, Screen) else screen.BINDINGS)
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.action in seen or binding.action not in words:
            continue
        seen.add(binding.action)
        keys = " or ".join(binding_keys(b) for b in bindings
                           if isinstance(b, Binding) and b.action == binding.action)
        rows.append((keys, words[binding.action]))
    return rows


def missing_help(screen: type[Screen[Any]]) -> list[str]:
    """Actions bound on a screen with no sentence in its KEY_HELP: each one is a mistake."""
    words: dict[str, str] = getattr(screen, "KEY_HELP", {})
    return [b.action for b in screen.BINDINGS if isinstance(b, Binding) and b.action not in words]


def help_table(screen: Screen[Any]) -> Group:
    """The screen's words, then its keys in a column that keeps them clear of the wrapped words."""
    rows: list[tuple[str, str]] = []
    for keys, words in [*screen_help(screen), *EVERYWHERE]:
        if keys not in (shown for shown, _ in rows):  # Pause and Resume share one key and one row
            rows.append((keys, words))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for keys, words in rows:
        table.add_row(keys, words)
    intro = getattr(screen, "HELP_INTRO", "")
    return Group(Text(intro + "\n"), table) if intro else Group(table)


class HelpScreen(ModalScreen[None]):
    """Help for one screen; any of Esc, Enter, q, ? or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $primary;
            background: $surface; padding: 0 1; }
    #help-title { text-style: bold; }
    #help-body { height: auto; max-height: 1fr; }
    #help-close { color: $text-muted; }
    """
    BINDINGS = [Binding("escape,enter,q,question_mark,f1", "close", "Close", priority=True)]
    HELP_TITLE = "help"
    HELP_INTRO = "Help lists the keys of the screen you were on."
    KEY_HELP = {"close": "close this help"}

    def __init__(self, screen: Screen[Any]):
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        title = getattr(self.about, "HELP_TITLE", "") or "this screen"
        with Vertical(id="help"):
            yield Static(f"Help: {title}", id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_table(self.about), id="help-text")
            yield Static("Esc closes this help.", id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
