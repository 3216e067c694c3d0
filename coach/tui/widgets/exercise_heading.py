"""The run screen's top line: the exercise and its position on the left, "exercise 2 of 12" on the right.

One widget where a row of two took three (the row, the name, the count): every widget on the run
screen costs its share of the first frame, which a person woken by a cramp is waiting for. It
looks as the row did: a name too long for its side wraps there, with the count at the top right.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from coach.tui.widgets.laid_out import content_size


class ExerciseHeading(Widget):
    # The count is in the widget's own colour: each component class costs start-up time.
    COMPONENT_CLASSES = {"exercise-heading--exercise"}
    DEFAULT_CSS = """
    ExerciseHeading { height: auto; padding-top: 1; color: $text-muted; }
    ExerciseHeading > .exercise-heading--exercise { text-style: bold; color: $foreground; }
    """

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.exercise_text = ""
        self.count_text = ""

    def show(self, exercise: str, count: str) -> None:
        """Repainted only, where the heading keeps its one line: a layout pass costs more than
        the rest of a phase change."""
        if (exercise, count) == (self.exercise_text, self.count_text):
            return
        width = content_size(self).width
        was_one_line = width > 0 and len(self._exercise_lines(width)) == 1
        self.exercise_text, self.count_text = exercise, count
        self.refresh(layout=not (was_one_line and len(self._exercise_lines(width)) == 1))

    def _exercise_lines(self, width: int) -> list[Content]:
        room = max(1, width - cell_len(self.count_text))
        return Content(self.exercise_text).wrap(room) or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._exercise_lines(width))

    def render(self) -> Text:
        width = content_size(self).width
        lines = self._exercise_lines(width)
        room = max(1, width - cell_len(self.count_text))
        exercise_style = self.get_component_rich_style("exercise-heading--exercise")
        text = Text(no_wrap=True, overflow="crop")
        for number, line in enumerate(lines):
            plain = line.plain.rstrip()
            text.append(plain, exercise_style)
            if number == 0:
                text.append(" " * max(0, room - cell_len(plain)))
                text.append(self.count_text)
            if number < len(lines) - 1:
                text.append("\n")
        return text
