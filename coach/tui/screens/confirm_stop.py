"""Asking before a routine is stopped, so a stray key never ends it."""

from __future__ import annotations

from coach.i18n import N_, _
from coach.tui.screens.dialog import Answer, ChoiceDialog


class ConfirmStop(ChoiceDialog[bool]):
    QUESTION = N_("Stop this routine?\nWhat you have done so far is kept.")
    QUIT_QUESTION = N_("Stop this routine and close coach?\nWhat you have done so far is kept.")
    ANSWERS = (Answer(N_("Stop"), "y", True, "error"), Answer(N_("Keep going"), "n", False, "primary"))
    FOCUS_INDEX = 1  # the safe answer

    def __init__(self, quitting: bool = False):
        super().__init__()
        if quitting:
            self.question = _(self.QUIT_QUESTION)
