"""Lines that must be read at the right moment: an exercise's cautions, and "Stop and get help".

Which lines apply when is decided in the core (coach.engine.guidance); these only show them,
and hide themselves when there is nothing to say.
"""

from __future__ import annotations

from textual.widgets import Static

from coach.i18n import _


class GuidanceLines(Static):
    """A titled list of short lines; hidden while empty. Redrawn only when the words change.

    The title is kept in English (marked with N_()) and translated when the lines are shown."""

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(markup=False, id=id)
        self.title = title
        self._lines: tuple[str, ...] | None = None
        self.display = False

    def show(self, lines: tuple[str, ...]) -> None:
        if lines == self._lines:
            return
        self._lines = lines
        self.display = bool(lines)
        self.update(f"{_(self.title)}:\n" + "\n".join(f"• {line}" for line in lines)
                    if lines else "")
