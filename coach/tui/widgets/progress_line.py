"""The whole routine's progress and the minutes left, on one line.

Textual's ProgressBar polls itself every second (for its ETA) even while nothing changes. This
repaints only when what it shows changes (a bar cell or the minute), never needs a layout pass,
and says "6 min left" rather than a second ticker that competes with the countdown. It is told the
time every second, so the check is a plain comparison rather than a reactive (whose bookkeeping
costs more than the check).
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.widget import Widget

from coach.i18n import _
from coach.tui.widgets.laid_out import content_size


def time_left_words(seconds_left: float) -> str:
    """Minutes left as a person rounds them: 5:10 is "about 5 min", 5:40 "about 6 min"."""
    if seconds_left < 60:
        return _("under a minute left")
    return _("about {minutes} min left").format(minutes=math.floor(seconds_left / 60 + 0.5))


class ProgressLine(Widget):
    # The time left is in the widget's own colour: each component class costs start-up time.
    COMPONENT_CLASSES = {"progress-line--done", "progress-line--todo"}
    DEFAULT_CSS = """
    ProgressLine { height: 1; width: 1fr; color: $text-muted; }
    ProgressLine > .progress-line--done { color: $primary 70%; }
    ProgressLine > .progress-line--todo { color: $panel-lighten-2; }
    """

    def __init__(self, total: int, *, id: str | None = None):
        super().__init__(id=id)
        self.total = max(1, total)
        self.seconds_left = float(total)
        self._drawn: tuple[int, int, str] | None = None

    def show(self, seconds_left: float) -> None:
        self.seconds_left = seconds_left
        self._repaint_if_changed()

    def on_resize(self) -> None:
        self._repaint_if_changed()

    def _repaint_if_changed(self) -> None:
        parts = self._parts()
        if parts != self._drawn:
            self._drawn = parts
            self.refresh()

    def _parts(self) -> tuple[int, int, str]:
        """What is drawn (cells of bar done, cells in all, the time-left words): one rule for
        drawing and for telling whether anything changed."""
        time_left = f"  {self.time_left_text}"
        width = max(0, content_size(self).width - len(time_left))
        return math.floor(width * self.fraction_done), width, time_left

    @property
    def fraction_done(self) -> float:
        return min(1.0, max(0.0, 1 - self.seconds_left / self.total))

    @property
    def time_left_text(self) -> str:
        return time_left_words(self.seconds_left)

    def render(self) -> Text:
        done, width, time_left = self._parts()
        return Text.assemble(
            ("━" * done, self.get_component_rich_style("progress-line--done")),
            # A thinner line for what is still to come: the two parts differ in shape, not only colour.
            ("─" * (width - done), self.get_component_rich_style("progress-line--todo")),
            time_left,
        )
