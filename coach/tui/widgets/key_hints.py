"""A one-line list of a screen's keys, drawn from its bindings.

Used on the start screen instead of Textual's Footer, which costs about 40 ms of start-up (its
many small widgets and their styles) for a line that never changes there.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static


def hints_text(bindings: list[Binding]) -> Text:
    text = Text(" ")
    for binding in bindings:
        if not binding.show:
            continue
        key = binding.key_display or binding.key.split(",")[0]
        text.append(f" {key} ", style="bold")
        text.append(binding.description)
        text.append("  ")  # a break between keys, never inside one
    return text


class KeyHints(Static):
    DEFAULT_CSS = """
    KeyHints { dock: bottom; height: auto; background: $panel; color: $foreground; }
    """

    def __init__(self, bindings: list[Binding]):
        super().__init__(hints_text(bindings))
