"""The big countdown: Textual's Digits, drawn straight to its three lines.

Stock Digits sends each new value through Rich (alignment, then splitting and cropping the
segments into lines), and asks for a layout pass whenever the number gets narrower, as at every
10 → 9. On the run screen that was most of each second's work. This keeps Digits' font and
update API, always fills its width, centres the glyphs itself (so no change of value needs a
layout), and keeps the three lines until the value, the width or the style changes.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.renderables.digits import Digits as DigitGlyphs
from textual.strip import Strip
from textual.widgets import Digits


class Countdown(Digits):
    ALLOW_SELECT = False  # selection is drawn on the Rich path this widget skips

    DEFAULT_CSS = """
    Countdown { width: 1fr; }
    """

    def __init__(self, value: str = "", *, id: str | None = None):
        super().__init__(value, id=id)
        self._drawn: tuple[tuple[str, int, Style], list[Strip]] | None = None

    def update(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("value must be a str")
        self._value = value  # Digits' own field, so `value` reads as it always does
        self.refresh()

    def render_line(self, y: int) -> Strip:
        style = self.visual_style.rich_style
        key = (self.value, self.size.width, style)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._lines(style, self.size.width))
        lines = self._drawn[1]
        return lines[y] if y < len(lines) else Strip.blank(self.size.width, style)

    def _lines(self, style: Style, width: int) -> list[Strip]:
        glyphs_width = DigitGlyphs.get_width(self.value)
        left = max(0, (width - glyphs_width) // 2)
        right = max(0, width - glyphs_width - left)
        rows = [segment for segment in DigitGlyphs(self.value).render(style)
                if isinstance(segment, Segment) and segment.text != "\n"]
        return [
            Strip([Segment(" " * left, style), row, Segment(" " * right, style)], left + glyphs_width + right)
            for row in rows
        ]
