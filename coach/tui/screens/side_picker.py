"""Cramp first aid asks one thing only: which leg."""

from __future__ import annotations

from coach.model import Side
from coach.tui.screens.dialog import Answer, ChoiceDialog


class SidePicker(ChoiceDialog[Side]):
    QUESTION = "Which leg is cramping?"
    ANSWERS = (Answer("Left", "l", Side.LEFT, "primary"), Answer("Right", "r", Side.RIGHT, "primary"),
               Answer("Both", "b", Side.BOTH))
