"""A list of a screen's keys, drawn from its bindings, wrapped between keys, never inside one.

Descriptions are written in English where the bindings are declared (the extractor finds them as
Binding's third argument) and translated here, when drawn: class attributes are built at import,
before the person's language is known.

Used instead of Textual's Footer, which costs about 40 ms of start-up (its many small widgets
and their styles) and as much again each time the keys change, when it is built anew; at start-up
the keys change two or three times as the screen settles, so the line came one frame late. Given
no bindings, the line shows the screen's active ones as the Footer would (an action that
`check_action` hides is left out) and is redrawn, not rebuilt, when they change.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widget import Widget

from coach.i18n import N_, _
from coach.tui.widgets.laid_out import content_size

GAP = "   "
# Keys shown as a word rather than a symbol: the word is said in the person's language.
KEY_WORDS = {"space": N_("space")}


def key_label(key: str) -> str:
    """A key as printed on the key line: '→', 'q', and 'space' in the person's language."""
    return _(KEY_WORDS[key]) if key in KEY_WORDS else key


def key_pairs(bindings: Sequence[BindingType]) -> list[Text]:
    pairs = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.show:
            key = key_label(binding.key_display or binding.key.split(",")[0])
            pairs.append(Text.assemble((key, "bold"), " ", _(binding.description)))
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

    def __init__(self, bindings: Sequence[BindingType] | None = None):
        super().__init__()
        self._fixed = bindings
        self._drawn: list[str] = []

    @property
    def bindings(self) -> Sequence[BindingType]:
        if self._fixed is not None:
            return self._fixed
        shown: dict[str, Binding] = {}  # one entry per action, its first key, as the Footer does
        for active in self.screen.active_bindings.values():
            if active.binding.show and active.enabled:
                shown.setdefault(active.binding.action, active.binding)
        return list(shown.values())

    def on_mount(self) -> None:
        if self._fixed is None:
            self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        if self._fixed is None:
            self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: object) -> None:
        keys = [pair.plain for pair in key_pairs(self.bindings)]
        if keys != self._drawn:  # focus moves often; the keys shown seldom change
            self._drawn = keys
            self.refresh(layout=True)  # the number of lines may change with the keys

    @property
    def content(self) -> Text:
        return hints_text(self.bindings, content_size(self).width or 80)

    def render(self) -> Text:
        return self.content

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hints_text(self.bindings, width).plain.splitlines())
