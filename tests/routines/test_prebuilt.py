"""coach's own library, read when coach was made: used on a first start only while it matches
the files exactly, and kept in step with them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cache import own_routine

from coach import locations
from coach.i18n import LANGUAGES, use_language
from coach.routines import cache, library, prebuilt
from coach.routines.library import default_layers, load_library, read_library


def from_files(language: str = "en") -> library.Library:
    return read_library(default_layers(), language)


def refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "read_library", lambda *arguments: pytest.fail("the routine files were read"))


def test_the_committed_files_are_what_the_script_writes() -> None:
    for language, text in prebuilt.prebuilt_text().items():
        committed = prebuilt.prebuilt_path(language).read_text(encoding="utf-8")
        assert committed == text, f"{language}.json is out of date: run scripts/make_prebuilt_library.py"
    assert set(prebuilt.prebuilt_text()) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_first_start_gets_the_library_the_files_give_without_reading_them(
        language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    use_language(language)
    expected = from_files(language)
    refuse_reading(monkeypatch)
    loaded = load_library()
    assert loaded == expected
    assert loaded.routines["quick"].origin == locations.shipped_routines_dir() / "quick.yaml"
    assert loaded.routines["quick"].steps[0].exercise is loaded.exercises["wall-calf-stretch"]
    assert cache.cache_path(language).is_file()  # the next start takes the person's own cache


def test_a_changed_routine_file_is_read_not_taken_from_the_prebuilt_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "routines"
    shutil.copytree(locations.shipped_routines_dir(), shipped)
    quick = shipped / "quick.yaml"
    quick.write_text(quick.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8")
    monkeypatch.setattr(locations, "shipped_routines_dir", lambda: shipped)
    loaded = load_library()
    assert loaded.routines["quick"].title.startswith("Changed ")
    assert loaded == from_files()


def test_a_changed_translation_is_read_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "routines"
    shutil.copytree(locations.shipped_routines_dir(), shipped)
    russian = shipped / "translations" / "ru.yaml"
    russian.write_bytes(russian.read_bytes() + b"\n# a comment changes the file, not the library\n")
    monkeypatch.setattr(locations, "shipped_routines_dir", lambda: shipped)
    use_language("ru")
    assert prebuilt.read(default_layers()[0], library.translation_path(default_layers()[0], "ru"), "ru") is None
    assert load_library() == from_files("ru")


@pytest.mark.parametrize("damage", [b"", b"{", b'{"format": 4}', b"[1, 2]", b"\xff\xfe not text"])
def test_a_damaged_prebuilt_file_means_the_files_are_read(
        damage: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en.json").write_bytes(damage)
    monkeypatch.setattr(prebuilt, "FOLDER", tmp_path)
    assert load_library() == from_files()


def test_a_person_with_files_of_their_own_has_everything_read(monkeypatch: pytest.MonkeyPatch) -> None:
    own_routine()
    monkeypatch.setattr(prebuilt, "read", lambda *arguments: pytest.fail("the prebuilt library was used"))
    assert "mine" in load_library().routines


def test_a_first_start_imports_no_yaml(coach_home: Path) -> None:
    program = "import sys; from coach.routines.library import load_library; " \
              "routines = load_library().routines; print('quick' in routines, 'yaml' in sys.modules)"
    environment = {**os.environ, "COACH_HOME": str(coach_home)}
    output = subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True,
                            text=True, check=True).stdout.split()
    assert output == ["True", "False"]
