"""Reading routine and exercise files: good ones load, and every mistake is reported in place."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from coach.locations import shipped_routines_dir
from coach.model import Holds, Position, Sides, Timed
from coach.routines.library import load_library, routine_files

SHIPPED = routine_files(shipped_routines_dir())

GOOD = """
    name: mine
    title: My stretches
    description: Short and gentle.
    get_ready: 8s
    switch_legs: 4
    steps:
      - exercise: wall-calf-stretch
        hold: 20s
        get_ready: 1m
        note: Slowly.
      - ankle-circles
      - exercise: toe-pulls
        duration: 1m30s
      - exercise: lying-hamstring-stretch
        sides: right
"""


def load(*files: Path):
    return load_library([SHIPPED, list(files)])


def messages(library, path: Path) -> list[str]:
    return [str(problem) for problem in library.problems_in([path])]


def test_a_good_routine_loads_with_every_field(write):
    path = write("mine.yaml", GOOD)
    library = load(path)
    assert library.problems == []
    routine = library.routines["mine"]
    assert (routine.title, routine.description, routine.get_ready, routine.switch_legs) == (
        "My stretches", "Short and gentle.", 8, 4)
    calf, circles, pulls, hamstring = routine.steps
    # Only the hold is overridden; rest and reps come from the exercise's default dose.
    assert calf.dose == Holds(hold=20, rest=10, reps=3)
    assert (calf.sides, calf.get_ready, calf.note) == (Sides.EACH, 60, "Slowly.")
    assert circles.dose == Timed(30) and circles.sides is Sides.BOTH
    assert pulls.dose == Timed(90)
    assert hamstring.sides is Sides.RIGHT
    assert calf.exercise.position is Position.STANDING


def test_user_exercises_extend_the_library(write):
    library_file = write("exercises.yaml", """
        exercises:
          towel-stretch:
            name: Towel stretch
            position: sitting
            per_side: yes
            steps: Loop a towel round your foot and pull gently.
            dose: {hold: 15s, rest: 5s, reps: 2}
    """)
    routine = write("towel.yaml", """
        name: towel
        title: Towel
        steps: [towel-stretch]
    """)
    library = load(library_file, routine)
    assert library.problems == []
    step = library.routines["towel"].steps[0]
    assert step.exercise.steps == ("Loop a towel round your foot and pull gently.",)
    assert step.dose == Holds(15, 5, 2) and step.sides is Sides.EACH


def test_a_later_layer_overrides_a_shipped_routine(write):
    path = write("quick.yaml", """
        name: quick
        title: My quick one
        steps: [ankle-circles]
    """)
    library = load(path)
    assert library.routines["quick"].title == "My quick one"
    assert library.overridden == {"quick"}


@pytest.mark.parametrize("text, expected", [
    ("name: a\ntitle: A\nstep:\n  - ankle-circles\n",
     ["3:1: unknown key 'step' in the routine — did you mean 'steps'?"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: ankle-circle\n",
     ["4:15: unknown exercise 'ankle-circle' — did you mean 'ankle-circles'?"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: ankle-circles\n    duration: -5\n",
     ["5:15: duration '-5' is negative"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: ankle-circles\n    duration: 0\n",
     ["5:15: duration '0' is zero"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: wall-calf-stretch\n    reps: many\n",
     ["5:11: reps should be a whole number from 1 to 50"]),
    ("name: a\nsteps: [ankle-circles]\n", ["1:1: the routine has no 'title' — add a 'title:' line"]),
    ("name: a\ntitle: A\nsteps: []\n", ["3:8: the routine has no steps"]),
    ("name: a\ntitle: [1, 2]\nsteps: [ankle-circles]\n", ["2:8: title should be text, found a list"]),
    ("name: My Routine\ntitle: A\nsteps: [ankle-circles]\n", ["1:7: the routine name 'My Routine' is not a usable name"]),
    ("name: a\ntitle: A\nsteps:\n  - {exercise: wall-calf-stretch, sides: lefty}\n",
     ["4:42: sides 'lefty' is not one of: both, each, left, right, chosen — did you mean 'left'?"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: ankle-circles\n    duration: 1m\n    hold: 5s\n",
     ["6:11: a step has both 'duration' and hold/rest/reps"]),
    ("name: a\ntitle: A\ntitle: B\nsteps: [ankle-circles]\n", ["3:1: 'title' appears twice in the routine"]),
    ("name: a\ntitle: A\nsteps:\n  - exercise: ankle-circles\n    duration: 2h\n",
     ["5:15: duration is longer than an hour"]),
])
def test_each_mistake_is_reported_at_its_line_and_column_with_a_fix(write, text, expected):
    path = write("broken.yaml", text)
    found = messages(load(path), path)
    assert len(found) == len(expected), found
    for message, fragment in zip(found, expected, strict=True):
        assert message.startswith(f"{path}:{fragment}")
        assert " — " in message  # every message ends with what to do


def test_every_problem_in_a_file_is_reported_not_just_the_first(write):
    path = write("many.yaml", """
        name: many
        title: Many
        colour: blue
        steps:
          - exercise: ankle-circles
            duration: 0
          - exercise: nope
          - exercise: toe-pulls
            sidez: left
    """)
    found = messages(load(path), path)
    assert [m.split(": ", 1)[0].split(":", 1)[1] for m in found] == ["3:1", "6:15", "7:15", "9:5"]


def test_a_duplicate_routine_name_points_at_the_second_name(write):
    first = write("a.yaml", "name: same\ntitle: A\nsteps: [ankle-circles]\n")
    second = write("b.yaml", "name: same\ntitle: B\nsteps: [toe-pulls]\n")
    library = load(first, second)
    assert messages(library, second) == [
        f"{second}:1:7: the routine name 'same' is already used by {first} — give one of them another name"]
    assert library.routines["same"].title == "A"


def test_a_broken_file_never_hides_the_good_ones(write):
    good = write("good.yaml", "name: good\ntitle: Good\nsteps: [ankle-circles]\n")
    broken = write("broken.yaml", "name: bad\ntitle: [\n")
    library = load(good, broken)
    assert "good" in library.routines and "bad" not in library.routines
    assert {"evening", "quick", "cramp-now"} <= set(library.routines)
    assert len(messages(library, broken)) == 1


def test_a_broken_exercise_leaves_the_rest_of_the_library(write):
    exercises = write("exercises.yaml", """
        exercises:
          fine-one:
            name: Fine
            position: sitting
            steps: [Sit.]
            dose: {duration: 10s}
          broken-one:
            name: Broken
            position: upside-down
            steps: [Hang.]
            dose: {duration: 10s}
    """)
    library = load(exercises)
    assert "fine-one" in library.exercises and "broken-one" not in library.exercises
    assert messages(library, exercises) == [
        f"{exercises}:9:15: position 'upside-down' is not one of: standing, sitting, lying, lying-on-back — "
        "use one of: standing, sitting, lying, lying-on-back"]


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


BAD_FILES = [
    (b"", "1:1: the file is empty"),
    (b"# only a comment\n", "1:1: the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "1:1: this is a binary file, not text"),
    ("name: caf\u00e9\n".encode("latin-1"), "1:10: the file is not UTF-8 text"),
    (b"- a\n- b\n", "1:1: a routine file should be a mapping of keys, found a list"),
    (b"name: a\nsteps:\n\t- ankle-circles\n", "3:1: a tab is used for indentation"),
    (BILLION_LAUGHS.encode(), "anchors and aliases (&name, *name) are not supported"),
    (b"name: a\n---\nname: b\n", "2:1: YAML syntax error: expected a single document"),
    (b"name: a\ntitle: [unclosed\n", "YAML syntax error"),
    (b"[" * 5000 + b"]" * 5000, "the file is nested too deeply (more than 32 levels"),
    (b"[" * 40 + b"]" * 40, "1:33: the file is nested too deeply (more than 32 levels"),
    (b"".join(b"  " * i + b"a:\n" for i in range(200)) + b"  " * 200 + b"b\n", "nested too deeply"),
    (b"name: !!python/object/apply:os.system [echo hacked]\n", "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    (b"x" * (300 * 1024), "1:1: the file is larger than 256 KiB"),
    (b"hello\n", "1:1: a routine file should be a mapping of keys, found a single value"),
    # Lines counted as the editor shows them, though YAML also breaks lines at NEL, LS and PS
    ("name: [a,\x85b,\x85c\nx: ]\n".encode(), "2:2: YAML syntax error"),
    ("title: [a,\u2028b,\u2029c\nname: ]\n".encode(), "2:5: YAML syntax error"),
    (b"name: a\rsteps:\r\t- ankle-circles\r", "3:1: a tab is used for indentation"),
    (b"name: a\r\nsteps:\r\n\t- ankle-circles\r\n", "3:1: a tab is used for indentation"),
    ("name: a\nsteps: x\rcaf\u00e9\n".encode("latin-1"), "3:4: the file is not UTF-8 text"),
]


@pytest.mark.parametrize("content, expected", BAD_FILES, ids=[expected for _, expected in BAD_FILES])
def test_bad_files_get_one_clear_message_quickly(write, content, expected):
    path = write("bad.yaml", content)
    started = time.perf_counter()
    library = load(path)
    elapsed = time.perf_counter() - started
    found = messages(library, path)
    assert len(found) == 1, found
    assert expected in found[0] and found[0].startswith(f"{path}:")
    assert {"evening", "quick", "cramp-now"} <= set(library.routines)
    assert elapsed < 1.0


def test_unreadable_and_looping_paths_are_reported_for_what_they_are(tmp_path):
    folder_named_like_a_file = tmp_path / "folder.yaml"
    folder_named_like_a_file.mkdir()
    loop_a, loop_b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    os.symlink(loop_b, loop_a)
    os.symlink(loop_a, loop_b)
    missing = tmp_path / "gone.yaml"
    library = load(folder_named_like_a_file, loop_a, missing)
    expected = {folder_named_like_a_file: "this is a folder, not a file",
                loop_a: "symbolic link that leads back to itself",
                missing: "cannot read the file: No such file or directory"}
    for path, message in expected.items():
        found = messages(library, path)
        assert len(found) == 1 and message in found[0], found


def test_a_fifo_or_socket_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    server = socket.socket(socket.AF_UNIX)
    sock = tmp_path / "sock.yaml"
    server.bind(str(sock))
    try:
        started = time.perf_counter()
        library = load(fifo, sock)  # opening the FIFO for a blocking read would hang here forever
        assert time.perf_counter() - started < 2
    finally:
        server.close()
    assert "this is a named pipe (FIFO), not a file" in messages(library, fifo)[0]
    assert "this is a socket, not a file" in messages(library, sock)[0]
    assert "cramp-now" in library.routines


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_named_as_such_not_called_binary(write, encoding):
    path = write("wide.yaml", "name: wide\ntitle: Wide\nsteps: [ankle-circles]\n".encode(encoding))
    found = messages(load(path), path)
    wide = "UTF-32" if encoding == "utf-32" else "UTF-16"
    assert found == [f"{path}:1:1: the file is {wide} text, not UTF-8 — save it as UTF-8 in your editor "
                     '("Save with encoding")']


@pytest.mark.parametrize("value, message", [
    ("9" * 4301, "duration '" + "9" * 4301 + "' is far too long"),
    ("1" * 5000 + "s", "is far too long"),
    ("１０s", "duration '１０s' uses digits other than 0-9"),
    ("١٠", "uses digits other than 0-9"),
])
def test_huge_or_foreign_digit_durations_get_a_located_message(write, value, message):
    path = write("numbers.yaml", f"name: numbers\ntitle: Numbers\nsteps:\n  - exercise: ankle-circles\n"
                                 f"    duration: {value}\n")
    found = messages(load(path), path)
    assert len(found) == 1 and found[0].startswith(f"{path}:5:15: ") and message in found[0], found


@pytest.mark.parametrize("value, message", [
    ("³", "reps uses digits other than 0-9"),
    ("٣", "reps uses digits other than 0-9"),
    ("9" * 5000, "reps should be a whole number from 1 to 50"),
])
def test_odd_reps_get_a_located_message(write, value, message):
    path = write("reps.yaml", f"name: reps\ntitle: Reps\nsteps:\n  - exercise: ankle-circles\n"
                              f"    hold: 5s\n    rest: 5s\n    reps: {value}\n")
    found = messages(load(path), path)
    assert len(found) == 1 and found[0].startswith(f"{path}:7:11: ") and message in found[0], found


@pytest.mark.parametrize("field, raw, shown", [
    ("title", '"\\e]0;TITLE\\a Evening"', "title contains U+001B (an escape character)"),
    ("title", '"\\e[2J"', "U+001B (an escape character)"),
    ("title", '"bell\\a"', "U+0007 (a bell)"),
    ("title", '"back\\rwards"', "U+000D (a carriage return)"),
    ("title", "\u202eevil", "U+202E (a text-direction control)"),
    ("description", '"one\\x1b[31mred"', "description contains U+001B"),
])
def test_control_characters_in_text_are_refused_at_load_and_never_printed_raw(write, field, raw, shown):
    path = write("hostile.yaml", f"name: hostile\ntitle: Fine\n{field}: {raw}\nsteps: [ankle-circles]\n"
                 if field != "title" else f"name: hostile\ntitle: {raw}\nsteps: [ankle-circles]\n")
    library = load(path)
    found = messages(library, path)
    assert "hostile" not in library.routines
    assert len(found) == 1 and shown in found[0], found
    assert "\x1b" not in found[0] and "\a" not in found[0] and "\u202e" not in found[0]


def test_a_description_may_have_several_lines(write):
    path = write("lines.yaml", "name: lines\ntitle: Lines\ndescription: |\n  one\n  two\nsteps: [ankle-circles]\n")
    assert load(path).routines["lines"].description == "one\ntwo"


def test_a_persons_exercise_replaces_coachs_with_the_same_id(write):
    mine = write("exercises.yaml", """
        exercises:
          march-on-the-spot:
            name: Marching, along the kitchen worktop
            position: standing
            steps: [March gently with one hand on the worktop.]
            dose: {duration: 20s}
    """)
    library = load(mine)
    assert library.problems == []
    assert library.exercises["march-on-the-spot"].name == "Marching, along the kitchen worktop"
    evening = library.routines["evening"]
    assert any(step.exercise.name == "Marching, along the kitchen worktop" for step in evening.steps)
