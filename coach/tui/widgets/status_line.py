"""The run screen's second line: the leg being worked, the phase, and the sound.

    LEFT LEG    HOLD 1 OF 3                         sound: voice + tones (m)

The leg is read from across the room as much as the countdown, so when the window has room it is
drawn in block letters, and the line grows to their height. In another language the words may be
longer (PIERNA IZQUIERDA) or in letters the block font lacks: then a smaller scale, or plain bold
text, so the leg never pushes the phase beside it out of the line. The sound label gives way first
on a narrow screen (at most 40% of the line, ending in "…"); the phase ends in "…" before it would
take a second row from the red flags below at 60×20.

One widget where a row of four had been (the row, the leg, the phase, the sound): every widget on
the run screen costs its share of the first frame, which a person woken by a cramp is waiting for.
It draws what the row drew, cell for cell.
"""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from coach.engine.timeline import PhaseKind
from coach.i18n import _
from coach.tui.widgets import block_font
from coach.tui.widgets.laid_out import content_size

# Columns of space either side of the leg and of the phase, and either side of the sound label.
SIDE_PADDING = PHASE_PADDING = 2
SOUND_PADDING = 1
SOUND_MOST_PERCENT = 40  # of the line

PhaseLook = Literal["active", "waiting", "paused"]
# Getting ready, resting and switching legs are in the sound label's quiet colour.
LOOK_CLASSES: dict[PhaseLook, str] = {
    "active": "status-line--phase",
    "waiting": "status-line--sound",
    "paused": "status-line--phase-paused",
}


def room_for_the_phase() -> int:
    """Columns the phase beside the leg needs in the person's language: its longest word
    ('ДЕРЖИТЕ 3 ИЗ 3', 'PREPÁRESE'), so the leg keeps one size through a whole routine."""
    words = [kind.label for kind in PhaseKind] + [_("hold {rep} of {reps}").format(rep=3, reps=3)]
    return max(cell_len(word.upper()) for word in words) + 2 * PHASE_PADDING


def sound_text(mode: str) -> str:
    return _("sound: {mode} (m)").format(mode=mode)


def ellipsis(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending in "…" when it is cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


class StatusLine(Widget):
    COMPONENT_CLASSES = {"status-line--side", *LOOK_CLASSES.values()}
    DEFAULT_CSS = """
    StatusLine { height: auto; padding-top: 1; }
    StatusLine > .status-line--side { text-style: bold; background: $primary 25%; color: $primary; }
    StatusLine > .status-line--phase { color: $secondary; }
    StatusLine > .status-line--phase-paused { text-style: reverse; color: $warning; }
    StatusLine > .status-line--sound { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.side_text = ""
        self.phase_text = ""
        self.phase_look: PhaseLook = "active"
        self.sound_text = ""
        self.scale = 0  # the leg's block-font scale the window allows; 0: one line of bold text
        self._drawn: tuple[tuple[object, ...], list[Strip]] | None = None

    # --- what it shows -------------------------------------------------------------------

    def fit(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def show_side(self, text: str) -> None:
        self._change(side_text=text)

    def show_phase(self, text: str, look: PhaseLook) -> None:
        if (text, look) != (self.phase_text, self.phase_look):
            self.phase_text, self.phase_look = text, look
            self.refresh()  # one line whatever its words: a repaint, never a layout pass

    def show_sound(self, mode: str) -> None:
        """The cue mode, always in view: the mute key's state should not be a guess."""
        self._change(sound_text=sound_text(mode))

    def _change(self, **texts: str) -> None:
        """A new leg or sound label: a layout pass only if the leg's height changes with it (a
        longer sound label leaves less room, which may mean smaller block letters)."""
        if all(getattr(self, name) == text for name, text in texts.items()):
            return
        width = content_size(self).width
        rows_before = self._side_rows(width)
        for name, text in texts.items():
            setattr(self, name, text)
        self.refresh(layout=not width or self._side_rows(width) != rows_before)

    # --- measuring -----------------------------------------------------------------------

    def _sound_wanted(self) -> int:
        return cell_len(self.sound_text) + 2 * SOUND_PADDING if self.sound_text else 0

    def _sound_width(self, width: int) -> int:
        return min(self._sound_wanted(), width * SOUND_MOST_PERCENT // 100)

    def room(self, width: int) -> int:
        """Columns the leg's block letters may take in a line `width` wide: what the phase's
        longest word and the whole sound label (uncut) leave."""
        return width - room_for_the_phase() - 2 * SIDE_PADDING - self._sound_wanted()

    def drawn_scale(self, width: int | None = None) -> int:
        """The block font's scale the leg is drawn at in a line `width` wide (the line as laid
        out, if not given); 0 for plain text."""
        text = self.side_text
        if not self.scale or not block_font.can_draw(text):
            return 0
        room = self.room(content_size(self).width if width is None else width)
        for scale in range(self.scale, 0, -1):
            if block_font.width_at(text, scale) <= room:
                return scale
        return 0

    def _side_rows(self, width: int) -> int:
        scale = self.drawn_scale(width)
        return block_font.rows_at(scale) if scale else 1

    def side_lines(self, width: int | None = None) -> list[str]:
        """The leg as drawn: rows of block letters, or its one line of text."""
        scale = self.drawn_scale(width)
        return block_font.draw(self.side_text, scale) if scale else [self.side_text]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._side_rows(width)

    # --- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = content_size(self).width
        # The phase is bold in every look; a waiting phase borrows the sound label's colour.
        side, phase = self.get_component_rich_style("status-line--side"), self.get_component_rich_style(
            LOOK_CLASSES[self.phase_look]) + Style(bold=True)
        sound, base = self.get_component_rich_style("status-line--sound"), self.visual_style.rich_style
        key = (width, self.side_text, self.scale, self.phase_text, self.sound_text, side, phase, sound, base)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._lines(width, side, phase, sound, base))
        lines = self._drawn[1]
        return lines[y] if y < len(lines) else Strip.blank(width, Style(bgcolor=base.bgcolor))

    def _lines(self, width: int, side_style: Style, phase_style: Style, sound_style: Style,
               base: Style) -> list[Strip]:
        side_rows = self.side_lines(width)
        side_width = max(cell_len(row) for row in side_rows) + 2 * SIDE_PADDING if self.side_text else 0
        sound_width = self._sound_width(width)
        phase_width = max(0, width - side_width - sound_width)
        side_padding = Segment(" " * SIDE_PADDING, Style(bgcolor=side_style.bgcolor))
        blank = Style(bgcolor=base.bgcolor)

        def side(row: str) -> list[Segment]:
            if not self.side_text:
                return []
            fill = " " * (side_width - 2 * SIDE_PADDING - cell_len(row))
            return [side_padding, Segment(row + fill, side_style), side_padding]

        def box(text: str, box_width: int, padding: int, style: Style) -> list[Segment]:
            """`text` with `padding` either side, cut to fit `box_width` (as Textual fits a
            one-line label with `text-overflow: ellipsis`), the rest blank."""
            inside = max(0, box_width - 2 * padding)
            if box_width < 2 * padding:
                return [Segment(" " * box_width, blank)] if box_width else []
            words = ellipsis(text, inside)
            return [Segment(" " * padding, blank), Segment(words, style),
                    Segment(" " * (inside - cell_len(words) + padding), blank)]

        top = [*side(side_rows[0]), *box(self.phase_text, phase_width, PHASE_PADDING, phase_style),
               *box(self.sound_text, sound_width, SOUND_PADDING, sound_style)]
        lines = [Strip([segment for segment in top if segment.text]).crop_extend(0, width, blank)]
        rest = width - side_width
        for row in side_rows[1:]:
            segments = [*side(row), Segment(" " * rest, blank)] if rest > 0 else side(row)
            lines.append(Strip(segments).crop_extend(0, width, blank))
        return lines
