"""The person's settings: one TOML file in coach's config folder that they may also edit by hand.

Reading never fails: a file that cannot be used gives a located one-line message and coach runs
with the defaults. Saving keeps the person's comments and layout (tomlkit), writes atomically, and
never silently replaces a file it could not read: that one is kept beside it first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from coach import locations
from coach.files import write_private

FILE_NAME = "settings.toml"

CUE_MODES = ("voice", "tones", "bell", "silent")
COUNTDOWN_SIZES = ("auto", "small", "large")


@dataclass(frozen=True)
class Settings:
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
    return lambda value: None if value in choices else f"must be one of {', '.join(choices)}"


def _between(low: int, high: int) -> Any:
    return lambda value: None if low <= value <= high else f"must be between {low} and {high}"


CHECKS: dict[str, tuple[type, Any]] = {
    "cues": (str, _one_of(CUE_MODES)),
    "voice_rate": (int, _between(80, 400)),
    "volume": (int, _between(0, 100)),
    "ticks": (bool, lambda value: None),
    "countdown_size": (str, _one_of(COUNTDOWN_SIZES)),
    "pregnant": (bool, lambda value: None),
    "language": (str, lambda value: None if re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", value) else
                 "must be a language code such as en, de, es or ru"),
}


@dataclass(frozen=True)
class LoadedSettings:
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
        return LoadedSettings(Settings(), (f"{where}: {reason} — fix it or delete the file; "
                                           "coach uses its defaults until then",))
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
        wrong = f"must be {'true or false' if kind is bool else 'a whole number' if kind is int else 'text'}" \
            if wrong_type else check(value)
        if wrong:
            problems.append(f"{path}:{_line_of(text, key)}: '{key}' {wrong} — coach uses its default "
                            f"({getattr(Settings(), key)!r}) until you fix it")
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
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        return LoadedSettings(Settings(), (f"{path}: cannot read it ({reason}) — coach uses its defaults",))
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
        raise OSError(f"cannot read {path} to update it: {error}") from error
    else:
        try:
            document = tomlkit.parse(old)
        except tomlkit.exceptions.ParseError:
            kept = path.with_name(f"{path.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
            write_private(kept, old)
            note = f"your old settings file could not be read; it is kept as {kept}"
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    write_private(path, tomlkit.dumps(document))
    return note
