"""Cramp first aid asks one thing only: which leg."""

from __future__ import annotations

from coach.i18n import N_
from coach.model import Side
from coach.tui.screens.dialog import Answer, ChoiceDialog


class SidePicker(ChoiceDialog[Side]):
    QUESTION = N_("Which leg is cramping?")
    ANSWERS = (Answer(N_("Left"), "l", Side.LEFT, "primary"), Answer(N_("Right"), "r", Side.RIGHT, "primary"),
               Answer(N_("Both"), "b", Side.BOTH))
