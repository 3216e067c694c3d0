"""The person's language: which one coach speaks, and its words (gettext catalogues in coach/locale).

Every text a person reads or hears goes through `_()` (or `ngettext()` when it holds a number) at
the moment it is shown, never when a module is imported: the language is chosen after the modules
are loaded (from `--lang`, the settings file or the system), and may change while coach runs.
Texts kept in module constants are marked with `N_()`, which only lets the extractor find them,
and are passed through `_()` where they are shown. A text with no translation stays English.

Placeholders are named, `{name}`, filled with `.format()` after translating; an f-string would be
filled before the catalogue is asked and never found in it.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENGLISH = "en"
# The languages coach has catalogues for, each by its own name (how a person finds theirs in a list).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "es": "Español", "ru": "Русский"}
DOMAIN = "coach"
LOCALE_DIR = Path(__file__).with_name("locale")
# The environment variables gettext itself reads, in its order: the first one set decides.
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


def _(message: str) -> str:
    """`message` in the person's language (English when it has no translation)."""
    return _translation.gettext(message)


def N_(message: str) -> str:  # the name the gettext tools look for
    """Marks a text to translate where it is kept; `_()` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` in the person's language: Russian has three, German and Spanish two."""
    return _translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A short text whose translation depends on where it is used: pgettext("leg", "left")."""
    return _translation.pgettext(context, message)


def current_language() -> str:
    return _language


def language_code(name: str | None) -> str | None:
    """'ru_RU.UTF-8' -> 'ru', 'es' -> 'es', 'C' or '' -> None: the language part of a locale name."""
    if not name:
        return None
    code = name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return None if code in ("c", "posix", "") else code


def system_languages(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> list[str]:
    """The languages the system asks for, most wanted first: the environment (LANGUAGE may list
    several, 'de:en'), then on macOS and Windows the desktop's own setting."""
    environ = os.environ if environ is None else environ
    for variable in LANGUAGE_VARIABLES:
        value = environ.get(variable, "")
        codes = [code for part in value.split(":") if (code := language_code(part))]
        if codes:
            return codes
    return _desktop_languages(platform)


def _desktop_languages(platform: str) -> list[str]:
    """Terminals on macOS and Windows often set no LANG; the desktop still knows the language."""
    if platform == "win32":
        import locale

        code = language_code(locale.getlocale()[0])
        return [code] if code else []
    if platform == "darwin":
        import subprocess

        try:  # the first of the person's preferred languages, e.g. "de-DE"
            found = subprocess.run(["defaults", "read", "-g", "AppleLanguages"], capture_output=True,
                                   text=True, timeout=2, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        names = [part.strip(' "\n') for part in found.strip("()\n ").split(",")]
        return [code for name in names if (code := language_code(name))]
    return []


def choose_language(requested: str | None = None, saved: str | None = None,
                    environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """The language to speak: `--lang`, else the settings file, else the first of the system's that
    coach has, else English. (An unknown `--lang` is refused before this, with the list.)"""
    for code in (language_code(requested), language_code(saved)):
        if code in LANGUAGES:
            return code
    return next((code for code in system_languages(environ, platform) if code in LANGUAGES), ENGLISH)


def use_language(code: str) -> None:
    """Speak `code` from now on (English for a language without a catalogue)."""
    global _translation, _language
    code = language_code(code) or ENGLISH
    _language = code if code in LANGUAGES else ENGLISH
    path = LOCALE_DIR / _language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if _language == ENGLISH or not path.exists():
        _translation = gettext.NullTranslations()
        return
    from coach.catalogue import Catalogue  # English, the most common, needs none

    _translation = Catalogue(path)
