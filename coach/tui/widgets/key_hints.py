"""A list of a screen's keys, drawn from its bindings, wrapped between keys, never inside one.

Used on the start screen instead of Textual's Footer, which costs about 40 ms of start-up (its
many small widgets and their styles) for a line that never changes there.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widget import Widget

GAP = "   "


def key_pairs(bindings: Sequence[BindingType]) -> list[Text]:
    pairs = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.show:
            key = binding.key_display or binding.key.split(",")[0]
            pairs.append(Text.assemble((key, "bold"), " ", binding.description))
    return pairs


def hints_text(bindings: Sequence[BindingType], width: int) -> Text:
    text = Text(" ")
    line_length = 1
    for pair in key_pairs(bindings):
        if line_length > 1 and line_length + len(GAP) + len(pair) > width:
            text.append("\n ")
            line_length = 1
        elif line_length > 1:
            text.append(GAP)
            line_length += len(GAP)
        text.append_text(pair)
        line_length += len(pair)
    return text


class KeyHints(Widget):
    DEFAULT_CSS = """
    KeyHints { dock: bottom; height: auto; background: $panel; color: $foreground; }
    """

    def __init__(self, bindings: Sequence[BindingType]):
        super().__init__()
        self.bindings = bindings

    @property
    def content(self) -> Text:
        return hints_text(self.bindings, self.size.width or 80)

    def render(self) -> Text:
        return self.content

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hints_text(self.bindings, width).plain.splitlines())
