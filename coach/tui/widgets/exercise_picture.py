"""The picture of an exercise, drawn in braille to fill the space it is given.

It is still: it repaints only when the exercise, the leg or its own size changes, never with
the countdown. The drawing is cached for the size, so a repaint costs a dictionary look-up.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from coach.model import Exercise, Side
from coach.pictures.braille import Art, render
from coach.pictures.pose import Pose, TextPicture
from coach.pictures.shapes import Layer, stretched_names


def wants_mirror(side: Side | None) -> bool:
    """Poses are drawn for the left leg; the right leg's picture is their mirror image."""
    return side is Side.RIGHT


def key_text(pose: Pose, side: Side | None) -> str:
    """One line under the picture saying what the highlighted leg is."""
    if not stretched_names(pose):
        return ""
    if side is Side.BOTH or pose.stretched == "both":
        return "▬ both legs"
    if side in (Side.LEFT, Side.RIGHT):
        return f"▬ your {side.value} leg"
    if side is None:
        return "▬ the leg it works"
    return "▬ the cramped leg"


class ExercisePicture(Widget):
    COMPONENT_CLASSES = {f"exercise-picture--{layer.value}" for layer in Layer} | {"exercise-picture--key"}
    DEFAULT_CSS = """
    ExercisePicture { width: 1fr; height: 1fr; }
    ExercisePicture > .exercise-picture--prop { color: $text-muted; }
    ExercisePicture > .exercise-picture--far { color: $text-disabled; }
    ExercisePicture > .exercise-picture--body { color: $foreground; }
    ExercisePicture > .exercise-picture--stretched { color: $error; text-style: bold; }
    ExercisePicture > .exercise-picture--feel { color: $error; }
    ExercisePicture > .exercise-picture--move { color: $secondary; }
    ExercisePicture > .exercise-picture--key { color: $error; }
    """

    def __init__(self, exercise: Exercise | None = None, side: Side | None = None, *,
                 id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.exercise = exercise
        self.side = side
        self._cache: tuple[tuple[object, ...], Text] | None = None

    @property
    def has_picture(self) -> bool:
        return self.exercise is not None and self.exercise.picture is not None

    def show(self, exercise: Exercise, side: Side | None) -> None:
        if exercise is self.exercise and side is self.side:
            return
        self.exercise, self.side = exercise, side
        self.refresh()

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        picture = self.exercise.picture if self.exercise is not None else None
        cache_key = (id(picture), self.side, width, height)
        if self._cache is not None and self._cache[0] == cache_key:
            return self._cache[1]
        if isinstance(picture, Pose):
            text = self._pose_text(picture, width, height)
        elif isinstance(picture, TextPicture):
            text = Text("\n".join(line[:width] for line in picture.lines[:height]), no_wrap=True)
        else:
            text = Text("")
        self._cache = (cache_key, text)
        return text

    def _pose_text(self, pose: Pose, width: int, height: int) -> Text:
        key = key_text(pose, self.side)
        art = render(pose, width, height - (2 if key else 0), mirror=wants_mirror(self.side))
        if not art.lines:
            return Text("")
        text = art_text(art, {layer: self.get_component_rich_style(f"exercise-picture--{layer.value}")
                              for layer in Layer}, width)
        if key:
            text.append("\n\n" + key.center(width).rstrip(), self.get_component_rich_style("exercise-picture--key"))
        return text


def art_text(art: Art, styles: dict[Layer, Style], width: int) -> Text:
    """Braille rows as styled text, centred in `width` columns."""
    text = Text(no_wrap=True, overflow="crop")
    indent = " " * max(0, (width - art.width) // 2)
    for row, (line, layers) in enumerate(zip(art.lines, art.layers, strict=True)):
        if row:
            text.append("\n")
        text.append(indent)
        for character, layer in zip(line, layers, strict=True):
            text.append(character, styles[layer] if layer is not None else None)
    return text
