"""coach's lazy catalogue answers exactly as gettext's own reader, for every text coach has."""

from __future__ import annotations

import gettext
import struct
from pathlib import Path

import pytest

from coach import i18n
from coach.catalogue import Catalogue, CatalogueError

LANGUAGES = [code for code in i18n.LANGUAGES if code != i18n.ENGLISH]
COUNTS = (0, 1, 2, 3, 4, 5, 11, 21, 22, 25, 101, 111, 1000)


def mo_path(language: str) -> Path:
    return i18n.LOCALE_DIR / language / "LC_MESSAGES" / "coach.mo"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_and_plural_form_is_what_gnu_translations_gives(language):
    with mo_path(language).open("rb") as file:
        reference = gettext.GNUTranslations(file)
    lazy = Catalogue(mo_path(language))
    texts = {key if isinstance(key, str) else key[0] for key in reference._catalog}  # type: ignore[attr-defined]
    assert len(texts) > 500
    for text in texts:
        # A text with only a plural entry: Python 3.11.7's gettext() gives its form for one, as
        # ours does; 3.11.2's gave the text back. ngettext(..., 1) is that form in every version.
        alone = text in reference._catalog  # type: ignore[attr-defined]
        expected = reference.gettext(text) if alone else reference.ngettext(text, text, 1)
        assert lazy.gettext(text) == expected, text
        for count in COUNTS:
            assert lazy.ngettext(text, text + " (many)", count) == reference.ngettext(text, text + " (many)", count)
        if "\x04" in text:
            context, _, message = text.partition("\x04")
            assert lazy.pgettext(context, message) == reference.pgettext(context, message)
    for missing in ("not a text coach has", "", "Stop\x00"):
        assert lazy.gettext(missing) == reference.gettext(missing)
        assert lazy.ngettext(missing, "plural", 5) == reference.ngettext(missing, "plural", 5)
    assert lazy.pgettext("leg", "not a text coach has") == "not a text coach has"


def test_russian_has_three_plural_forms():
    lazy = Catalogue(mo_path("ru"))
    assert [lazy.plural(count) for count in (1, 2, 5, 21, 22, 25, 11)] == [0, 1, 2, 0, 1, 2, 2]


def test_a_file_that_is_not_a_catalogue_is_refused_in_one_line(tmp_path):
    not_mo = tmp_path / "coach.mo"
    not_mo.write_bytes(b"msgid \"\"\n")
    with pytest.raises(CatalogueError, match="not a compiled catalogue"):
        Catalogue(not_mo)
    cut = tmp_path / "cut.mo"
    cut.write_bytes(struct.pack("<5I", 0x950412DE, 0, 1000, 28, 8028))
    with pytest.raises(CatalogueError, match="cut short"):
        Catalogue(cut)


def test_a_translation_is_decoded_only_when_asked_for():
    lazy = Catalogue(mo_path("ru"))
    assert len(lazy._decoded) == 1  # the header alone
    lazy.gettext("Stop")
    assert len(lazy._decoded) == 2
