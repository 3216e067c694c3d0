"""The big countdown: Textual's Digits, drawn straight to its three lines.

Stock Digits sends each new value through Rich (alignment, then splitting and cropping the
segments into lines), and asks for a layout pass whenever the number gets narrower, as at every
10 → 9. On the run screen that was most of each second's work. This keeps Digits' font and
update API, always fills its width, centres the glyphs itself (so no change of value needs a
layout), and keeps the lines until the value, the size or the style changes.

Given more than four rows (`fit`), it draws the block font instead, as large as fits, so the
numbers can be read from across the room; the height changes only when the window does. A new
value repaints only the columns the old and new numbers cover, not the blank sides of the row.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.renderables.digits import Digits as DigitGlyphs
from textual.strip import Strip
from textual.widgets import Digits

from coach.tui.widgets import block_font
from coach.tui.widgets.laid_out import content_size

DIGITS_FONT_ROWS = 3


class Countdown(Digits):
    ALLOW_SELECT = False  # selection is drawn on the Rich path this widget skips

    DEFAULT_CSS = """
    Countdown { width: 1fr; }
    """

    def __init__(self, value: str = "", *, id: str | None = None):
        super().__init__(value, id=id)
        self._drawn: tuple[tuple[str, int, int, Style], list[Strip]] | None = None
        self._span: tuple[int, int] | None = None  # columns the drawn number covers: start, end

    def fit(self, rows: int) -> None:
        """Take `rows` rows: three draws Textual's own font, more the block font."""
        rows = max(DIGITS_FONT_ROWS, rows)
        if self.styles.height is None or self.styles.height.value != rows:
            self.styles.height = rows  # one layout pass, only when the window changes size

    def update(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("value must be a str")
        self._value = value  # Digits' own field, so `value` reads as it always does
        width, height = content_size(self)
        old, new = self._span, self._span_of(value, width, height)
        self._span = new
        if old is None or not width:
            self.refresh()
        else:
            start, end = min(old[0], new[0]), max(old[1], new[1])
            self.refresh(Region(start, 0, end - start, height))

    def _scale(self, value: str, width: int, height: int) -> int:
        """The block font's scale for `value`; 0 for Textual's three-row Digits font."""
        if height <= DIGITS_FONT_ROWS + 1 or not block_font.can_draw(value):
            return 0
        scale = block_font.largest_scale(value, width, height)
        return scale if scale > 1 else 0

    def _span_of(self, value: str, width: int, height: int) -> tuple[int, int]:
        scale = self._scale(value, width, height)
        if scale:
            glyphs = block_font.width_at(value, scale)
            left = left_margin(glyphs, width)  # where `centred` puts them
        else:
            glyphs = DigitGlyphs.get_width(value)
            left = max(0, (width - glyphs) // 2)  # where `_lines` puts them
        return left, min(width, left + glyphs)

    def on_resize(self) -> None:
        self._span = None  # the next value repaints the whole widget

    def render_line(self, y: int) -> Strip:
        style = self.visual_style.rich_style
        width, height = content_size(self)
        key = (self.value, width, height, style)
        if self._drawn is None or self._drawn[0] != key:
            scale = self._scale(self.value, width, height)
            if scale:
                self._drawn = (key, self._block_lines(style, width, height, scale))
            else:
                self._drawn = (key, self._lines(style, width))
        lines = self._drawn[1]
        return lines[y] if y < len(lines) else Strip.blank(width, style)

    def _block_lines(self, style: Style, width: int, height: int, scale: int) -> list[Strip]:
        rows = block_font.draw(self.value, scale)
        top = (height - len(rows)) // 2
        blank = Strip([Segment(" " * width, style)], width)
        return [blank] * top + [centred(row, width, style) for row in rows]

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


def left_margin(length: int, width: int) -> int:
    """Columns left of `length` cells centred in `width` as str.center centres them: an odd
    margin's extra column goes left when the width is odd too."""
    margin = max(0, width - length)
    return margin // 2 + (margin & width & 1)


def centred(row: str, width: int, style: Style) -> Strip:
    """`row` centred as str.center centres it, in three segments: the update region starts and
    ends where the number does, and cutting a strip there then needs no splitting of its text."""
    margin = max(0, width - len(row))
    left = left_margin(len(row), width)
    segments = [Segment(" " * left, style), Segment(row, style), Segment(" " * (margin - left), style)]
    return Strip([segment for segment in segments if segment.text], max(width, len(row)))


def countdown_rows(height: int, size: str = "auto") -> int:
    """Rows for the countdown in a window `height` rows tall: 3 at 20, 5 at 30, 10 at 50.

    About a fifth of the window, rounded down to what a scale of the block font fills exactly;
    "small" keeps three rows; "large" takes about a third of the window.
    """
    if size == "small":
        return DIGITS_FONT_ROWS
    share = height // 3 if size == "large" else height // 5
    fitting = [block_font.rows_at(scale) for scale in range(2, 9) if block_font.rows_at(scale) <= share]
    return fitting[-1] if fitting else DIGITS_FONT_ROWS


def side_label_scale(width: int, height: int) -> int:
    """0 (one line of text) in small windows, then block letters 3 rows tall, then 5."""
    if width < 90 or height < 28:
        return 0
    return 1 if width < 160 or height < 45 else 2
