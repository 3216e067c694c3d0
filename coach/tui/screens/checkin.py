"""The morning question as a small dialog: one key for none, one to log a cramp, one for later."""

from __future__ import annotations

from coach.i18n import N_
from coach.tui.screens.dialog import Answer, ChoiceDialog

NONE, LOG, LATER = "none", "log", "later"


class CheckinQuestion(ChoiceDialog[str]):
    QUESTION = N_("Last night: any cramps?\nAn answer each morning keeps the comparison honest.")
    # Short labels: all three buttons fit side by side at 60 columns.
    ANSWERS = (Answer(N_("None"), "n", NONE, "primary"), Answer(N_("Log one"), "l", LOG),
               Answer(N_("Later"), "x", LATER))
