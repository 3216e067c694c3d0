"""The person's settings: one TOML file in coach's config folder that they may also edit by hand.

Reading never fails: a file that cannot be used gives a located one-line message and coach runs
with the defaults. Saving keeps the person's comments and layout (tomlkit), writes atomically, and
never silently replaces a file it could not read: that one is kept beside it first.
"""

from __future__ import annotations

import re
from dataclasses import field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from coach import locations
from coach.files import write_private
from coach.frozen import frozen
from coach.i18n import LANGUAGES, _, language_code

FILE_NAME = "settings.toml"

CUE_MODES = ("voice", "tones", "bell", "silent")
COUNTDOWN_SIZES = ("auto", "small", "large")


@frozen
class Settings:
    """What a person chose, with coach's defaults for the rest."""

    cues: str = "voice"  # voice + tones / tones / the terminal bell / silent
    voice_rate: int = 150  # words per minute
    volume: int = 70  # percent
    ticks: bool = False  # soft ticks in the last 3 seconds of a hold
    countdown_size: str = "auto"
    pregnant: bool | None = None  # None: not asked yet
    language: str | None = None  # None: from the system
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


# name: (type, check) — check returns an error text or None.
def _one_of(choices: tuple[str, ...]) -> Any:
    return lambda value: None if value in choices else _("must be one of {choices}").format(choices=", ".join(choices))


def _between(low: int, high: int) -> Any:
    return lambda value: None if low <= value <= high else _("must be between {low} and {high}").format(
        low=low, high=high)


def _a_language(value: str) -> str | None:
    """One of the languages coach speaks, as a code ('ru', or 'ru_RU' as the system writes it)."""
    if re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", value) and language_code(value) in LANGUAGES:
        return None
    return _("must be one of the languages coach speaks: {languages}").format(languages=", ".join(sorted(LANGUAGES)))


CHECKS: dict[str, tuple[type, Any]] = {
    "cues": (str, _one_of(CUE_MODES)),
    "voice_rate": (int, _between(80, 400)),
    "volume": (int, _between(0, 100)),
    "ticks": (bool, lambda value: None),
    "countdown_size": (str, _one_of(COUNTDOWN_SIZES)),
    "pregnant": (bool, lambda value: None),
    "language": (str, _a_language),
}


@frozen
class LoadedSettings:
    """The settings read, and what was wrong in the file (each a line to show)."""

    settings: Settings
    problems: tuple[str, ...] = ()


def settings_path() -> Path:
    return locations.config_dir() / FILE_NAME


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1


def parse_settings(text: str, path: Path) -> LoadedSettings:
    import tomllib  # only when there is a settings file: coach starts sooner without it

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        where = f"{path}:{match.group(1)}" if match else str(path)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return LoadedSettings(Settings(), (_("{where}: {reason} — fix it or delete the file; "
                                             "coach uses its defaults until then").format(where=where, reason=reason),))
    values: dict[str, Any] = {}
    problems = []
    known = {f.name for f in fields(Settings)} - {"extra"}
    extra = {}
    for key, value in document.items():
        if key not in known:
            # Kept as is: a newer coach (or the person) may have put it there.
            extra[key] = value
            continue
        kind, check = CHECKS[key]
        wrong_type = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        wrong = (_("must be true or false") if kind is bool else _("must be a whole number") if kind is int
                 else _("must be text")) if wrong_type else check(value)
        if wrong:
            problems.append(_("{where}: '{key}' {problem} — coach uses its default ({default}) until you fix it"
                              ).format(where=f"{path}:{_line_of(text, key)}", key=key, problem=wrong,
                                       default=repr(getattr(Settings(), key))))
        else:
            values[key] = value
    return LoadedSettings(Settings(**values, extra=extra), tuple(problems))


def load_settings(path: Path | None = None) -> LoadedSettings:
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else _("it is not UTF-8 text")
        return LoadedSettings(Settings(), (_("{path}: cannot read it ({reason}) — coach uses its defaults").format(
            path=path, reason=reason),))
    return parse_settings(text, path)


def save_settings(changes: dict[str, Any], path: Path | None = None) -> str | None:
    """Write only the keys in `changes`, keeping every other line and comment of the file as it is.

    Returns a note when the old file could not be read and was kept aside before a new one was written.
    """
    import tomlkit  # only when saving: start-up reads with the standard library

    unknown = set(changes) - set(CHECKS)
    if unknown:
        raise ValueError(f"not a setting: {', '.join(sorted(unknown))}")
    path = path or settings_path()
    note = None
    document: Any = tomlkit.document()
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        document.add(tomlkit.comment("coach settings; `coach settings` explains each one."))
    except (OSError, UnicodeDecodeError) as error:
        raise OSError(_("cannot read {path} to update it: {error}").format(path=path, error=error)) from error
    else:
        try:
            document = tomlkit.parse(old)
        except tomlkit.exceptions.ParseError:
            kept = path.with_name(f"{path.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
            write_private(kept, old)
            note = _("your old settings file could not be read; it is kept as {file}").format(file=kept)
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    write_private(path, tomlkit.dumps(document))
    return note
