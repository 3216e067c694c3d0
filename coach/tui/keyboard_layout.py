"""Letter keys pressed with a Cyrillic keyboard layout, read as the Latin letters on the same keys.

With a Russian layout, the key marked Q types й: coach's keys (q, m, n, c...) would do nothing
until the person found the layout switch, in a dim room, perhaps during a cramp. The app reads
a letter no key binding takes as the Latin letter in the same place on the keyboard (ЙЦУКЕН over
QWERTY); text typed into a box is never touched, as the box takes it first.
"""

from __future__ import annotations

RUSSIAN_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
LATIN_ROWS = ("qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,.")

LATIN_BY_CYRILLIC = {cyrillic: latin for russian, latin_row in zip(RUSSIAN_ROWS, LATIN_ROWS, strict=True)
                     for cyrillic, latin in zip(russian, latin_row, strict=True) if latin.isalpha()}
LATIN_BY_CYRILLIC |= {cyrillic.upper(): latin.upper() for cyrillic, latin in LATIN_BY_CYRILLIC.items()}


def latin_twin(key: str) -> str | None:
    """The Latin letter on the key that types `key` in a Russian layout, or None."""
    return LATIN_BY_CYRILLIC.get(key)
