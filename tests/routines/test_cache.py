"""The cache of parsed routines: used only while every file is unchanged, never trusted beyond."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach import locations
from coach.routines import cache, library
from coach.routines.library import default_layers, load_library, read_library

OWN_ROUTINE = """\
name: {name}
title: {title}
steps:
  - exercise: wall-calf-stretch
    duration: 30s
"""


def own_routine(name: str = "mine", title: str = "My stretch") -> Path:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(OWN_ROUTINE.format(name=name, title=title), encoding="utf-8")
    return path


def from_files_only() -> library.Library:
    return read_library(default_layers())


def cache_document() -> str:
    """The cache's JSON, after its checksum line."""
    checksum, document = cache.cache_path().read_text(encoding="utf-8").split("\n", 1)
    assert checksum.startswith("crc32 ")
    return document


def write_cache_document(document: str, *, checksum: str | None = None) -> None:
    """Replace the cache's JSON; with its right checksum unless `checksum` says otherwise: as a
    version of coach with a mistake might have written it, consistent but wrong."""
    if checksum is None:
        checksum = cache._checksum_line(document.encode("utf-8")).decode("ascii")
    cache.cache_path().write_text(f"{checksum}\n{document}", encoding="utf-8")


@pytest.fixture
def no_file_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any read of the routine files now fails the test: the library must come from the cache."""

    def refuse(layers: object) -> library.Library:
        raise AssertionError("the routine files were read")

    monkeypatch.setattr(library, "read_library", refuse)


def test_the_second_start_uses_the_cache_and_gets_the_same_library(monkeypatch: pytest.MonkeyPatch) -> None:
    own_routine()
    first = load_library()
    assert cache.cache_path().is_file()
    monkeypatch.setattr(library, "read_library", lambda layers: pytest.fail("the files were read again"))
    second = load_library()
    assert second == first == from_files_only()
    assert "mine" in second.routines and second.routines["mine"].origin == locations.user_routines_dir() / "mine.yaml"
    assert second.routines["quick"].steps[0].exercise is second.exercises["wall-calf-stretch"]


def test_a_persons_own_exercise_with_a_text_picture_comes_back_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "my-exercises.yaml").write_text(
        "exercises:\n"
        "  toe-wiggle:\n"
        "    name: Toe wiggle\n"
        "    position: sitting\n"
        "    steps: [Wiggle your toes]\n"
        "    dose: {duration: 20s}\n"
        "    picture: |\n"
        "      (o)\n"
        "      /|\\\n"
        "       |  ~~\n", encoding="utf-8")
    first = load_library()
    assert first.exercises["toe-wiggle"].picture is not None and not first.problems
    monkeypatch.setattr(library, "read_library", lambda layers: pytest.fail("the files were read again"))
    assert load_library() == first


def test_the_cache_file_is_private() -> None:
    load_library()
    assert stat.S_IMODE(cache.cache_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.cache_path().parent.stat().st_mode) == 0o700


def test_a_changed_file_is_read_again_even_with_the_same_size() -> None:
    path = own_routine(title="Version one")
    load_library()
    before = path.stat()
    path.write_text(OWN_ROUTINE.format(name="mine", title="Version two"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == before.st_size
    assert load_library().routines["mine"].title == "Version two"


def test_a_replaced_file_with_the_same_size_and_time_is_read_again() -> None:
    path = own_routine(title="Version one")
    load_library()
    before = path.stat()
    replacement = path.with_name(".new")
    replacement.write_text(OWN_ROUTINE.format(name="mine", title="Version two"), encoding="utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, path)  # as an editor saves: a new file (inode) under the old name
    assert load_library().routines["mine"].title == "Version two"


def test_added_and_removed_files_make_the_cache_stale() -> None:
    load_library()
    path = own_routine()
    assert "mine" in load_library().routines
    path.unlink()
    assert "mine" not in load_library().routines


def test_a_stale_entry_from_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    load_library()
    data = json.loads(cache_document())
    data["routines"][0]["title"] = "Written by another version"
    data["coach"] = "0.0.0-older"
    write_cache_document(json.dumps(data))
    loaded = load_library()
    assert loaded == from_files_only()
    assert "Written by another version" not in {routine.title for routine in loaded.routines.values()}


DAMAGE = {
    "truncated": lambda text: text[: len(text) // 2],
    "not JSON": lambda text: "\0\1garbage",
    "empty": lambda text: "",
    "a list instead": lambda text: "[]",
    "a step naming an unknown exercise": lambda text: text.replace('"exercise":"wall-calf-stretch"',
                                                                   '"exercise":"no-such-exercise"'),
    "a number where text belongs": lambda text: text.replace('"title":"Quick trial stretches"', '"title":7'),
    "an unknown position": lambda text: text.replace('"position":"standing"', '"position":"upside-down"'),
    "a negative hold": lambda text: text.replace('"hold":10', '"hold":-10'),
    "a dose of another shape": lambda text: text.replace('"duration":', '"minutes":'),
    "a pose point of three numbers": lambda text: text.replace('"head":[', '"head":[999,'),
    "a picture of another shape": lambda text: text.replace('{"pose":{', '{"drawing":{'),
    # Consistent but wrong, as a coach with a mistake might write it: each would fail as it is drawn.
    "a pose point of two letters": lambda text: re.sub(r'"head":\[[^]]*\]', '"head":"ab"', text, count=1),
    "a pose point without a number": lambda text: re.sub(r'"head":\[[^]]*\]', '"head":[4.0,null]', text, count=1),
    "a stretched leg of another name": lambda text: text.replace('"stretched":"near"', '"stretched":"middle"', 1),
    "where it is felt, as one word": lambda text: re.sub(r'"feel":\[[^]]*\]', '"feel":"calf"', text, count=1),
    "a prop of another kind": lambda text: text.replace('{"wall":{', '{"sofa":{', 1),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=list(DAMAGE))
def test_a_damaged_cache_falls_back_to_reading_the_files(damage) -> None:
    load_library()
    text = cache_document()
    damaged = damage(text)
    assert damaged != text  # the damage really happened
    write_cache_document(damaged)  # with a checksum that matches: the reader's own checks catch it
    assert load_library() == from_files_only()
    # ...and the cache is written again, whole, for the start after
    assert cache.read(cache.fingerprint(default_layers())) == from_files_only()


def test_a_cache_whose_bytes_are_not_those_coach_wrote_is_not_used() -> None:
    load_library()
    document = cache_document()
    edited = document.replace('"title":"Quick trial stretches"', '"title":"Edited by hand"')
    assert edited != document
    write_cache_document(edited, checksum="crc32 " + cache_document_checksum(document))
    assert load_library() == from_files_only()
    assert "Edited by hand" not in cache.cache_path().read_text(encoding="utf-8")  # written again, whole


def test_the_checksum_is_what_lets_a_cache_be_taken_as_written() -> None:
    load_library()
    write_cache_document(cache_document().replace('"title":"Quick trial stretches"', '"title":"Same bytes"'))
    assert load_library().routines["quick"].title == "Same bytes"


def test_a_cache_without_a_checksum_line_is_not_used() -> None:
    load_library()
    cache.cache_path().write_text(cache_document(), encoding="utf-8")  # as the format before it wrote them
    assert load_library() == from_files_only()
    assert cache.cache_path().read_text(encoding="utf-8").startswith("crc32 ")


def cache_document_checksum(document: str) -> str:
    return cache._checksum_line(document.encode("utf-8")).decode("ascii").removeprefix("crc32 ")


def test_a_library_with_problems_is_never_cached() -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("name: broken\nsteps: [\n", encoding="utf-8")
    for _ in range(2):
        loaded = load_library()
        assert [problem.path.name for problem in loaded.problems] == ["broken.yaml"]
    assert not cache.cache_path().exists()


def test_an_unwritable_cache_folder_changes_nothing(coach_home: Path) -> None:
    (coach_home / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert load_library() == from_files_only()
    assert load_library() == from_files_only()


def test_explicit_layers_never_use_or_write_the_cache(write) -> None:
    path = write("mine.yaml", OWN_ROUTINE.format(name="mine", title="Checked"))
    checked = load_library([*default_layers(), [path]])
    assert "mine" in checked.routines
    assert not cache.cache_path().exists()


def test_a_start_with_a_fresh_cache_does_not_import_yaml(coach_home: Path) -> None:
    own_routine()  # coach's own files alone would come from the prebuilt library (test_prebuilt)
    program = "import sys; from coach.routines.library import load_library; " \
              "routines = load_library().routines; print('quick' in routines, 'yaml' in sys.modules)"
    environment = {**os.environ, "COACH_HOME": str(coach_home)}
    outputs = [subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True,
                              text=True, check=True).stdout.split() for _ in range(2)]
    assert outputs == [["True", "True"], ["True", "False"]]


def test_first_aid_keeps_coachs_own_exercise_when_a_persons_file_replaces_it(monkeypatch: pytest.MonkeyPatch) -> None:
    first_aid_exercise = from_files_only().first_aid["cramp-now"].steps[0].exercise.id
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        f"exercises:\n  {first_aid_exercise}:\n    name: My own version\n    position: sitting\n"
        "    steps: [Do it my way]\n    dose: {duration: 20s}\n", encoding="utf-8")
    first = load_library()
    assert first.exercises[first_aid_exercise].name == "My own version"
    assert first.first_aid["cramp-now"].steps[0].exercise.name != "My own version"
    monkeypatch.setattr(library, "read_library", lambda layers: pytest.fail("the files were read again"))
    assert load_library() == first


def test_first_aid_names_coachs_own_exercises_by_id_so_each_is_built_once_at_a_start() -> None:
    files = from_files_only()
    data = cache.library_data(files)
    named = [step["exercise"] for routine in data["first_aid"] for step in routine["steps"]]
    assert named and all(isinstance(exercise, str) for exercise in named)
    read_back = cache._library(json.loads(json.dumps(data)), None)
    assert read_back == files
    first_step = read_back.first_aid["cramp-now"].steps[0].exercise
    assert first_step is read_back.exercises[first_step.id]
