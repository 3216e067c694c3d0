"""The morning question as a small dialog: one key for none, one to log a cramp, one for later."""

from __future__ import annotations

from coach.tui.screens.dialog import Answer, ChoiceDialog

NONE, LOG, LATER = "none", "log", "later"


class CheckinQuestion(ChoiceDialog[str]):
    QUESTION = "Last night: any cramps?\nAn answer each morning keeps the comparison honest."
    ANSWERS = (Answer("No cramps", "n", NONE, "primary"), Answer("Log a cramp", "l", LOG),
               Answer("Ask me later", "x", LATER))
