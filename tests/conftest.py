from __future__ import annotations

import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from coach.clock import ManualClock


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty COACH_HOME, so nothing touches a real person's files."""
    home = tmp_path / "coach-home"
    home.mkdir()
    monkeypatch.setenv("COACH_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    """Tests read English unless they choose a language: the machine's own LANG must not decide,
    and a test that switched language must not leave the next one in it."""
    from coach.i18n import LANGUAGE_VARIABLES, use_language

    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def write(tmp_path: Path):
    """Write a dedented text file and return its path."""

    def write_file(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def london(monkeypatch):
    """Local time in a zone with daylight saving (clocks went back on 2026-10-25, forward on 2026-03-29)."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def local(*parts) -> datetime:
    """A local wall-clock time, with that date's own offset."""
    return datetime(*parts).astimezone()
