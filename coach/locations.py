"""Where coach keeps its files.

Everything a person owns (their routines, history, reminders) lives in the platform's usual
folders; setting COACH_HOME puts all of it in that one folder instead, for tests and demos.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from coach.i18n import ENGLISH, current_language

APP_NAME = "coach"
HOME_VARIABLE = "COACH_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder for the person's own routines, exercises and settings."""
    return _home_override() or platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    """Folder for history and reminder state."""
    return _home_override() or platformdirs.user_data_path(APP_NAME)


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def guide_path(name: str) -> Path:
    """A guide that comes with coach (routine-format.md), from an installed wheel or a checkout: in
    the language coach speaks where it has been translated (routine-format.ru.md), else in English."""
    package = Path(__file__).resolve().parent
    language = current_language()
    translated = f"{Path(name).stem}.{language}{Path(name).suffix}"
    for file_name in ([translated] if language != ENGLISH else []) + [name]:
        for candidate in (package / "shipped_docs" / file_name, package.parent / "docs" / file_name):
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(f"coach's guide {name} is missing; reinstall coach (pip install --force-reinstall coach)")


def shipped_routines_dir() -> Path:
    """The routines that come with coach, from an installed wheel or from a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "shipped_routines", package.parent / "routines"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "coach's own routine files are missing; reinstall coach (pip install --force-reinstall coach)"
    )


def cache_dir() -> Path:
    """Folder for files coach can make again at any time (its tones, the routines read once)."""
    home = _home_override()
    return home / "cache" if home else platformdirs.user_cache_path(APP_NAME)
