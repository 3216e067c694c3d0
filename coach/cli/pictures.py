"""The picture of an exercise for `coach exercises NAME`: braille art with a line of key."""

from __future__ import annotations

import os

from coach.i18n import _
from coach.model import Exercise, Side
from coach.pictures.braille import as_text, render
from coach.pictures.pose import Pose, TextPicture

# Big enough to read, small enough to leave the steps on screen below it.
MAX_SIZE = (72, 18)


def picture_text(exercise: Exercise, side: Side, terminal: os.terminal_size, colour: bool) -> str:
    """The picture sized to the terminal, or "" when the exercise has none or it would not fit."""
    picture = exercise.picture
    if isinstance(picture, TextPicture):
        return "\n".join(picture.lines)
    if not isinstance(picture, Pose):
        return ""
    columns = min(MAX_SIZE[0], terminal.columns)
    rows = min(MAX_SIZE[1], max(0, terminal.lines - 6))
    art = render(picture, columns, rows, mirror=side is Side.RIGHT)
    if not art.lines:
        return ""
    lines = [as_text(art, colour=colour)]
    if picture.stretched:
        lines.append(f"{_stretched_leg_line(picture.stretched == 'both', side, colour)} {picture.caption}".rstrip())
    elif picture.caption:
        lines.append(picture.caption)
    return "\n".join(lines)


def _stretched_leg_line(both: bool, side: Side, colour: bool) -> str:
    """Which leg the picture marks, as a whole sentence (the words for 'left' agree with 'leg')."""
    if both:
        return _("The leg in red is both legs.") if colour else _("The leg drawn thicker is both legs.")
    if side is Side.RIGHT:
        return _("The leg in red is your right leg.") if colour else _("The leg drawn thicker is your right leg.")
    return _("The leg in red is your left leg.") if colour else _("The leg drawn thicker is your left leg.")
