"""coach's languages: which one is chosen, and whether each catalogue is whole, current and right."""

from __future__ import annotations

import gettext
import re
import shlex
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from coach import i18n
from coach.i18n import LANGUAGES, choose_language, language_code, ngettext, use_language
from coach.words import count_of, leg_words

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [code for code in LANGUAGES if code != "en"]
# {name} for str.format, and %s / %(name)s for the few texts argparse fills in itself.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


def catalog(language: str) -> Catalog:
    with (i18n.LOCALE_DIR / language / "LC_MESSAGES" / "coach.po").open("rb") as po:
        return read_po(po, locale=language)


def extraction_keywords() -> dict[str, tuple[int, ...] | None]:
    """The keywords `make i18n-extract` uses (read from the Makefile, so the two cannot differ)."""
    from babel.messages.extract import DEFAULT_KEYWORDS

    line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("I18N_KEYWORDS"))
    keywords: dict[str, tuple[int, ...] | None] = dict(DEFAULT_KEYWORDS)  # type: ignore[arg-type]
    for word in shlex.split(line.split(":=", 1)[1]):
        if word != "-k":
            name, _, places = word.partition(":")
            keywords[name] = tuple(int(place) for place in places.split(","))
    return keywords


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


# --- choosing the language ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "code"), [("ru_RU.UTF-8", "ru"), ("de_DE@euro", "de"), ("es", "es"),
                                            ("en-GB", "en"), ("C", None), ("POSIX", None), ("", None)])
def test_language_code_is_the_language_part_of_a_locale_name(name: str, code: str | None) -> None:
    assert language_code(name) == code


def test_lang_option_wins_over_settings_and_system() -> None:
    assert choose_language("es", "de", {"LANG": "ru_RU.UTF-8"}, "linux") == "es"


def test_settings_win_over_the_system() -> None:
    assert choose_language(None, "de", {"LANG": "ru_RU.UTF-8"}, "linux") == "de"


def test_the_system_language_comes_from_the_first_variable_set() -> None:
    environ = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "de_DE.UTF-8", "LANG": "ru_RU.UTF-8"}
    assert choose_language(None, None, environ, "linux") == "de"


def test_language_list_takes_the_first_coach_has() -> None:
    assert choose_language(None, None, {"LANGUAGE": "fr:es:en"}, "linux") == "es"


def test_a_language_coach_does_not_have_falls_back_to_english() -> None:
    assert choose_language(None, "fr", {"LANG": "ja_JP.UTF-8"}, "linux") == "en"
    assert choose_language(None, None, {"LANG": "C.UTF-8"}, "linux") == "en"


def test_using_an_unknown_language_speaks_english() -> None:
    use_language("fr")
    assert i18n.current_language() == "en"
    assert leg_words("left", "calf") == "left calf"


# --- what the catalogues say ----------------------------------------------------------------------

@pytest.mark.parametrize(("count", "form"), [(1, "1 минута"), (2, "2 минуты"), (5, "5 минут"), (21, "21 минута"),
                                             (11, "11 минут"), (22, "22 минуты")])
def test_russian_has_three_plural_forms(count: int, form: str) -> None:
    use_language("ru")
    assert count_of(count, "minute", "minutes") == form


@pytest.mark.parametrize(("language", "one", "two"), [("de", "1 Minute", "2 Minuten"), ("es", "1 minuto", "2 minutos"),
                                                      ("en", "1 minute", "2 minutes")])
def test_german_spanish_and_english_have_one_and_many(language: str, one: str, two: str) -> None:
    use_language(language)
    assert (count_of(1, "minute", "minutes"), count_of(2, "minute", "minutes")) == (one, two)


def test_sides_agree_with_the_body_part_in_russian() -> None:
    use_language("ru")
    assert (leg_words("left"), leg_words("left", "calf"), leg_words("both", "foot")) == \
        ("левая нога", "левая икра", "обе стопы")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated(language: str) -> None:
    missing = [message.id for message in catalog(language) if message.id and
               (message.fuzzy or not all(message.string if isinstance(message.string, tuple) else [message.string]))]
    assert missing == [], f"{len(missing)} texts without a {language} translation (make i18n, then translate)"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language: str) -> None:
    wrong = []
    for message in catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(ids[-1])
        for string in strings:
            # A singular form may say "one" instead of {count}; every other placeholder must stay.
            found = placeholders(string)
            if string and found != wanted and not (len(ids) > 1 and set(found) == set(wanted) - {"{count}"}):
                wrong.append((ids[0], string))
    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_texts_have_every_form_of_the_language(language: str) -> None:
    texts = catalog(language)
    for message in texts:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == texts.num_plurals, message.id


def test_catalogues_hold_exactly_the_texts_in_the_code() -> None:
    """`make i18n` was run after the last change to a text: none is missing, none left over."""
    in_code = {message[2] if isinstance(message[2], str) else message[2][0]
               for message in extract_from_dir(ROOT / "coach", method_map=[("**.py", "python")],
                                               keywords=extraction_keywords())}
    with (i18n.LOCALE_DIR / "coach.pot").open("rb") as pot:
        in_template = {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(pot) if message.id}
    assert in_code == in_template
    for language in TRANSLATED:
        in_catalogue = {message.id if isinstance(message.id, str) else message.id[0]
                        for message in catalog(language) if message.id}
        assert in_catalogue == in_template, language


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    """The .mo coach reads says what the .po says (`make i18n-compile` after translating)."""
    with (i18n.LOCALE_DIR / language / "LC_MESSAGES" / "coach.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for message in catalog(language):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            for count, expected in ((1, message.string[0]), (5, message.string[-1])):
                if expected and all(message.string):
                    form = compiled.plural(count)  # type: ignore[attr-defined]
                    assert compiled.ngettext(message.id[0], message.id[1], count) == message.string[form]
        elif message.string:
            context_id = f"{message.context}\x04{message.id}" if message.context else message.id
            assert compiled.gettext(context_id) == message.string, message.id


def test_english_needs_no_catalogue() -> None:
    use_language("en")
    assert ngettext("minute", "minutes", 2) == "minutes"
