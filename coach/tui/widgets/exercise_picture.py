"""The picture of an exercise, drawn in braille to fill the space it is given.

It is still: it repaints only when the exercise, the leg or its own size changes, never with
the countdown. The drawing is kept as ready-made lines (strips) for its size, so a repaint
costs a look-up, and a new exercise costs one braille drawing without any text layout.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from coach.i18n import _
from coach.model import Exercise, Side
from coach.pictures.braille import Art, render
from coach.pictures.pose import Pose, TextPicture
from coach.pictures.shapes import Layer, stretched_names
from coach.tui.widgets.laid_out import content_size


def wants_mirror(side: Side | None) -> bool:
    """Poses are drawn for the left leg; the right leg's picture is their mirror image."""
    return side is Side.RIGHT


def key_text(pose: Pose, side: Side | None) -> str:
    """One line under the picture saying what the highlighted leg is."""
    if not stretched_names(pose):
        return ""
    if side is Side.BOTH or pose.stretched == "both":
        return _("▬ both legs")
    if side is Side.LEFT:
        return _("▬ your left leg")
    if side is Side.RIGHT:
        return _("▬ your right leg")
    if side is None:
        return _("▬ the leg it works")
    return _("▬ the cramped leg")


class ExercisePicture(Widget):
    # One component class per colour, not per layer (each costs its share of the first frame):
    # the body is drawn in the widget's own colour, and the stretched leg in the colour of where
    # the stretch is felt, in bold.
    COMPONENT_CLASSES = {"exercise-picture--prop", "exercise-picture--far", "exercise-picture--leg",
                         "exercise-picture--move"}
    DEFAULT_CSS = """
    ExercisePicture { width: 1fr; height: 1fr; }
    ExercisePicture > .exercise-picture--prop { color: $text-muted; }
    ExercisePicture > .exercise-picture--far { color: $text-disabled; }
    ExercisePicture > .exercise-picture--leg { color: $error; }
    ExercisePicture > .exercise-picture--move { color: $secondary; }
    """

    def __init__(self, exercise: Exercise | None = None, side: Side | None = None, *,
                 id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.exercise = exercise
        self.side = side
        self._cache: tuple[tuple[object, ...], list[Strip]] | None = None

    @property
    def has_picture(self) -> bool:
        return self.exercise is not None and self.exercise.picture is not None

    def show(self, exercise: Exercise, side: Side | None) -> None:
        if exercise is self.exercise and side is self.side:
            return
        self.exercise, self.side = exercise, side
        self.refresh()

    def notify_style_update(self) -> None:
        self._cache = None  # the colours are part of the kept lines
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        strips = self.strips()
        if y < len(strips):
            return strips[y]
        return Strip.blank(content_size(self).width, self.rich_style)

    def strips(self) -> list[Strip]:
        """The drawn lines for the current exercise, leg and size (blank ones left out)."""
        width, height = content_size(self)
        picture = self.exercise.picture if self.exercise is not None else None
        cache_key = (id(picture), self.side, width, height)
        if self._cache is None or self._cache[0] != cache_key:
            self._cache = (cache_key, self._draw(width, height))
        return self._cache[1]

    def _draw(self, width: int, height: int) -> list[Strip]:
        picture = self.exercise.picture if self.exercise is not None else None
        base = self.rich_style
        if isinstance(picture, TextPicture):
            return [Strip([Segment(line, base)]).adjust_cell_length(width, base) for line in picture.lines[:height]]
        if not isinstance(picture, Pose):
            return []
        key = key_text(picture, self.side)
        art = render(picture, width, height - (2 if key else 0), mirror=wants_mirror(self.side))
        if not art.lines:
            return []
        leg = base + self.get_component_rich_style("exercise-picture--leg", partial=True)
        styles = {Layer.PROP: base + self.get_component_rich_style("exercise-picture--prop", partial=True),
                  Layer.FAR: base + self.get_component_rich_style("exercise-picture--far", partial=True),
                  Layer.BODY: base, Layer.STRETCHED: leg + Style(bold=True), Layer.FEEL: leg,
                  Layer.MOVE: base + self.get_component_rich_style("exercise-picture--move", partial=True)}
        strips = [Strip(segments).adjust_cell_length(width, base)
                  for segments in art_segments(art, styles, width, base)]
        if key:
            strips.append(Strip.blank(width, base))
            strips.append(Strip([Segment(key.center(width), leg)]).adjust_cell_length(width, base))
        return strips


def art_segments(art: Art, styles: dict[Layer, Style], width: int, blank: Style) -> list[list[Segment]]:
    """Each braille row as styled segments, centred in `width` columns: one segment per run of
    a layer, not one per cell. A blank cell shows no colour, so it joins the run it sits in."""
    indent = Segment(" " * max(0, (width - art.width) // 2), blank)
    rows = []
    for line, layers in zip(art.lines, art.layers, strict=True):
        runs: list[tuple[Layer | None, int]] = []
        for column, layer in enumerate(layers):
            if layer is not None and (not runs or runs[-1][0] is not layer):
                runs.append((layer, column))
        if not runs or runs[0][1] > 0:
            runs.insert(0, (None, 0))
        segments = [indent]
        for index, (layer, start) in enumerate(runs):
            end = runs[index + 1][1] if index + 1 < len(runs) else len(line)
            segments.append(Segment(line[start:end], styles[layer] if layer is not None else blank))
        rows.append(segments)
    return rows
