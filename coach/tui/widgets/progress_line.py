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


class ProgressLine(Widget):
    COMPONENT_CLASSES = {"progress-line--done", "progress-line--todo", "progress-line--time"}
    DEFAULT_CSS = """
    ProgressLine { height: 1; width: 1fr; }
    ProgressLine > .progress-line--done { color: $primary 70%; }
    ProgressLine > .progress-line--todo { color: $panel-lighten-2; }
    ProgressLine > .progress-line--time { color: $text-muted; }
    """

    def __init__(self, total: int, *, id: str | None = None):
        super().__init__(id=id)
        self.total = max(1, total)
        self.seconds_left = float(total)
        self._drawn = self._state()

    def show(self, seconds_left: float) -> None:
        self.seconds_left = seconds_left
        self._repaint_if_changed()

    def _repaint_if_changed(self) -> None:
        state = self._state()
        if state != self._drawn:
            self._drawn = state
            self.refresh()

    def _state(self) -> tuple[int, int]:
        """What is drawn: cells of the bar filled (out of 1000) and minutes left."""
        width = max(1, self.size.width - 16)
        filled = math.floor(width * self.fraction_done)
        return filled * 1000 // width, math.ceil(self.seconds_left / 60)

    @property
    def fraction_done(self) -> float:
        return min(1.0, max(0.0, 1 - self.seconds_left / self.total))

    @property
    def time_left_text(self) -> str:
        minutes = math.ceil(self.seconds_left / 60)
        return "under a minute left" if minutes <= 1 else f"about {minutes} min left"

    def on_resize(self) -> None:
        self._repaint_if_changed()

    def render(self) -> Text:
        time_left = f"  {self.time_left_text}"
        width = max(0, self.size.width - len(time_left))
        done = math.floor(width * self.fraction_done)
        return Text.assemble(
            ("━" * done, self.get_component_rich_style("progress-line--done")),
            ("━" * (width - done), self.get_component_rich_style("progress-line--todo")),
            (time_left, self.get_component_rich_style("progress-line--time")),
        )
