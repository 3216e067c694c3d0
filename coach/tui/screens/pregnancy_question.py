"""Asked once, on first run: pregnancy changes which routines coach offers."""

from __future__ import annotations

from coach.i18n import N_
from coach.tui.screens.dialog import Answer, ChoiceDialog

QUESTION = N_("Are you pregnant?\n\nIf so, coach offers routines with nothing flat on your back and "
              "only gentle stretches, and shows the pregnancy warning signs. "
              "You can change this later in your settings.")


class PregnancyQuestion(ChoiceDialog[bool]):
    QUESTION = QUESTION
    ANSWERS = (Answer(N_("Yes"), "y", True), Answer(N_("No"), "n", False))
    FOCUS_INDEX = 1
