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

from coach.i18n import N_, _

KEY_NAMES = {
    "escape": "Esc", "enter": "Enter", "delete": "Delete", "question_mark": "?",
    "right": "→", "left": "←", "up": "↑", "down": "↓", "shift+right": "Shift+→", "shift+up": "Shift+↑",
    "shift+down": "Shift+↓", "ctrl+s": "Ctrl+S", "ctrl+q": "Ctrl+Q", "ctrl+p": "Ctrl+P", "f1": "F1",
    "tab": "Tab",
}
# Keys written as a word, which the person's language has its own word for.
KEY_WORDS = {"space": N_("Space")}

# Keys that work on every screen, described once.
EVERYWHERE = (
    (("question_mark", "f1"), N_("this help for the screen you are on")),
    (("ctrl+p",), N_("commands: start a routine, cramp now, log a cramp, history, reminders, safety")),
    (("ctrl+q",), N_("quit coach (during a routine it asks first)")),
)


def key_name(key: str) -> str:
    """A key as a person reads it: 'Esc', 'Shift+→', 'N', 'q' (and 'Space' in their language)."""
    return _(KEY_WORDS[key]) if key in KEY_WORDS else KEY_NAMES.get(key, key)


def either(keys: list[str]) -> str:
    """'Esc', 'Esc or q', 'Enter or e or Esc': keys that do the same thing."""
    shown = keys[0]
    for key in keys[1:]:
        shown = _("{keys} or {key}").format(keys=shown, key=key)
    return shown


def binding_keys(binding: Binding) -> str:
    return either([key_name(key.strip()) for key in binding.key.split(",")])


def key_help(screen: type[Screen[Any]] | Screen[Any]) -> dict[str, str]:
    """A screen's KEY_HELP in the person's language (a dialog words its answers itself)."""
    own = getattr(screen, "key_help", None)
    if callable(own):
        return dict(own())
    words: dict[str, str] = getattr(screen, "KEY_HELP", {})
    return {action: _(sentence) for action, sentence in words.items()}


def help_title(screen: Screen[Any]) -> str:
    own = getattr(screen, "help_title", None)
    if callable(own):
        return str(own())
    return _(getattr(screen, "HELP_TITLE", "")) or _("this screen")


def help_intro(screen: Screen[Any]) -> str:
    intro = getattr(screen, "HELP_INTRO", "")
    return _(intro) if intro else ""


def screen_help(screen: type[Screen[Any]] | Screen[Any]) -> list[tuple[str, str]]:
    """The keys a screen declares, each with its sentence; one row per action."""
    words = key_help(screen)
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    bindings: list[BindingType] = list(type(screen).BINDINGS if isinstance(screen, Screen) else screen.BINDINGS)
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.action in seen or binding.action not in words:
            continue
        seen.add(binding.action)
        keys = either([binding_keys(b) for b in bindings if isinstance(b, Binding) and b.action == binding.action])
        rows.append((keys, words[binding.action]))
    return rows


def missing_help(screen: type[Screen[Any]]) -> list[str]:
    """Actions bound on a screen with no sentence in its KEY_HELP: each one is a mistake."""
    words: dict[str, str] = getattr(screen, "KEY_HELP", {})
    return [b.action for b in screen.BINDINGS if isinstance(b, Binding) and b.action not in words]


def help_table(screen: Screen[Any]) -> Group:
    """The screen's words, then its keys in a column that keeps them clear of the wrapped words."""
    rows: list[tuple[str, str]] = []
    everywhere = [(either([key_name(key) for key in keys]), _(words)) for keys, words in EVERYWHERE]
    for keys, words in [*screen_help(screen), *everywhere]:
        if keys not in (shown for shown, _words in rows):  # Pause and Resume share one key and one row
            rows.append((keys, words))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for keys, words in rows:
        table.add_row(keys, words)
    intro = help_intro(screen)
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
    HELP_TITLE = N_("help")
    HELP_INTRO = N_("Help lists the keys of the screen you were on.")
    KEY_HELP = {"close": N_("close this help")}

    def __init__(self, screen: Screen[Any]):
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(_("Help: {title}").format(title=help_title(self.about)), id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield Static(help_table(self.about), id="help-text")
            yield Static(_("Esc closes this help."), id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
