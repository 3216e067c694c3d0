"""Words the screens show for values the core keeps in English (positions), in the person's language."""

from __future__ import annotations

from coach.i18n import N_, _
from coach.model import Position

POSITION_WORDS = {Position.STANDING: N_("standing"), Position.SITTING: N_("sitting"), Position.LYING: N_("lying"),
                  Position.LYING_ON_BACK: N_("lying-on-back")}


def position_words(position: Position) -> str:
    """'standing', 'stehend', 'de pie', 'стоя'."""
    return _(POSITION_WORDS.get(position, position.value))
