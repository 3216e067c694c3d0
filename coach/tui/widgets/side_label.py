"""The leg being worked (LEFT LEG, RIGHT LEG...): in block letters when the window has room.

It is read from across the room as much as the countdown. The words are still the widget's
content, so everything that reads or compares the label sees plain text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.tui.widgets import block_font


class SideLabel(Static):
    def __init__(self, *, id: str | None = None):
        super().__init__(id=id, markup=False)
        self.scale = 0  # 0: one line of bold text

    def fit(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def render(self) -> Text | str:
        text = str(self.content)
        if self.scale and block_font.can_draw(text):
            return Text("\n".join(block_font.draw(text, self.scale)))
        return text
