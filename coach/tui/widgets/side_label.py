"""The leg being worked (LEFT LEG, RIGHT LEG...): in block letters when the window has room.

It is read from across the room as much as the countdown. The words are still the widget's
content, so everything that reads or compares the label sees plain text. In another language
the words may be longer (PIERNA IZQUIERDA) or in letters the block font lacks: then a smaller
scale, or plain bold text, so the label never pushes the words beside it out of the line.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.dom import NoScreen
from textual.widget import Widget
from textual.widgets import Static

from coach.engine.timeline import PhaseKind
from coach.i18n import _
from coach.tui.widgets import block_font
from coach.tui.widgets.laid_out import content_size

# The phase's padding either side, as the run screen styles it.
PHASE_PADDING = 4


def room_for_the_phase() -> int:
    """Columns the phase beside the label needs in the person's language: its longest word
    ('ДЕРЖИТЕ 3 ИЗ 3', 'PREPÁRESE'), so the label keeps one size through a whole routine."""
    words = [kind.label for kind in PhaseKind] + [_("hold {rep} of {reps}").format(rep=3, reps=3)]
    return max(cell_len(word.upper()) for word in words) + PHASE_PADDING


class SideLabel(Static):
    def __init__(self, *, id: str | None = None):
        super().__init__(id=id, markup=False)
        self.scale = 0  # 0: one line of bold text

    def fit(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def room(self) -> int | None:
        """Columns the block letters may take: the line, less what must stay beside them."""
        parent = self.parent
        if not isinstance(parent, Widget):
            return None
        line = content_size(parent).width or self._line_before_layout()
        if not line:
            return None
        taken = room_for_the_phase() + self.styles.gutter.width
        for sibling in parent.children:
            if sibling is not self and isinstance(sibling, Static) and sibling.styles.width is not None \
                    and sibling.styles.width.is_auto:
                taken += cell_len(str(sibling.content)) + sibling.styles.gutter.width
        return int(line - taken)

    def _line_before_layout(self) -> int:
        """The line's width before the first layout: the screen's, less the padding, borders and
        margins of the containers around the label, its row included (each fills the one above)."""
        try:
            screen = self.screen
        except NoScreen:  # not on a screen yet
            return 0
        width = screen.size.width or self.app.size.width
        for ancestor in self.ancestors:
            if ancestor is screen:
                break
            if isinstance(ancestor, Widget):
                width -= ancestor.styles.gutter.width + ancestor.styles.margin.width
        return width

    def drawn_scale(self) -> int:
        """The block font's scale the label is drawn at now; 0 for plain text."""
        text = str(self.content)
        if not self.scale or not block_font.can_draw(text):
            return 0
        room = self.room()
        for scale in range(self.scale, 0, -1):
            if room is None or block_font.width_at(text, scale) <= room:
                return scale
        return 0

    def render(self) -> Text | str:
        text = str(self.content)
        scale = self.drawn_scale()
        if scale:
            return Text("\n".join(block_font.draw(text, scale)))
        return text
