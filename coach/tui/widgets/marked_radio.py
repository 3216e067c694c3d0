"""A radio button whose state shows in its shape: ● when chosen, ○ when not, not by colour alone."""

from __future__ import annotations

from textual.widgets import RadioButton

CHOSEN, NOT_CHOSEN = "●", "○"


class MarkedRadioButton(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # Textual's name
        return CHOSEN if self.value else NOT_CHOSEN
