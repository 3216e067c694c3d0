"""Arbitrary Unicode and bytes into every text field of a routine file and every argument of
`coach cramp` and `coach remind`: never a traceback, never a control character on the terminal."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli.main import main
from coach.locations import shipped_routines_dir
from coach.printable import first_unprintable
from coach.routines.library import load_library, routine_files

SHIPPED = routine_files(shipped_routines_dir())
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# One routine and one exercise, with a marker where the fuzzed value goes.
ROUTINE = """name: {name}
title: {title}
description: {description}
get_ready: {get_ready}
switch_legs: {switch_legs}
steps:
  - exercise: {exercise}
    sides: {sides}
    note: {note}
    get_ready: {step_get_ready}
  - exercise: fuzz-move
    hold: {hold}
    rest: {rest}
    reps: {reps}
  - exercise: ankle-circles
    duration: {duration}
"""
EXERCISES = """exercises:
  {exercise_id}:
    name: {exercise_name}
    position: {position}
    per_side: {per_side}
    steps:
      - {step}
    cautions: [{caution}]
    sources: [{source}]
    dose: {{duration: {dose}}}
"""
GOOD = {"name": "fuzzed", "title": "Fuzzed", "description": "Fine.", "get_ready": "5s", "switch_legs": "5s",
        "exercise": "fuzz-move", "sides": "each", "note": "Slowly.", "step_get_ready": "0", "hold": "10s",
        "rest": "5s", "reps": "2", "duration": "30s", "exercise_id": "fuzz-move", "exercise_name": "Fuzz move",
        "position": "sitting", "per_side": "true", "step": "Move.", "caution": "Gently.", "source": "NHS",
        "dose": "20s"}
ROUTINE_FIELDS = [key for key in GOOD if "{" + key + "}" in ROUTINE]
EXERCISE_FIELDS = [key for key in GOOD if "{" + key + "}" in EXERCISES]

anything = st.text(alphabet=st.characters(codec=None), max_size=60)  # surrogates and controls too


def quoted(text: str) -> bytes:
    """As a double-quoted YAML scalar: every character reaches the loader through an escape."""
    return json.dumps(text).encode()


def load_with(field: str, value: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        values = {key: text.encode() for key, text in GOOD.items()}
        values[field] = value
        routine, exercises = Path(folder, "fuzzed.yaml"), Path(folder, "exercises.yaml")
        routine.write_bytes(fill(ROUTINE, values))
        exercises.write_bytes(fill(EXERCISES, values))
        library = load_library([SHIPPED, [exercises, routine]])  # must not raise
        for problem in library.problems:
            shown = str(problem)
            assert first_unprintable(shown) is None, shown
            assert problem.line >= 1 and problem.column >= 1
        for routine_loaded in library.routines.values():
            texts = [routine_loaded.name, routine_loaded.title,
                     *(step.note or "" for step in routine_loaded.steps)]
            assert all(first_unprintable(text) is None for text in texts), texts
            assert first_unprintable(routine_loaded.description, allow_newline=True) is None
        for exercise in library.exercises.values():
            for text in (exercise.id, exercise.name, *exercise.steps, *exercise.cautions, *exercise.sources):
                assert first_unprintable(text) is None, text
        assert library.first_aid is not None


def fill(template: str, values: dict[str, bytes]) -> bytes:
    out = template.encode()
    for key, value in values.items():
        out = out.replace(b"{" + key.encode() + b"}", value)
    return out.replace(b"{{", b"{").replace(b"}}", b"}")


@FUZZ
@given(st.sampled_from(ROUTINE_FIELDS + EXERCISE_FIELDS), anything)
def test_any_text_in_any_field_of_a_routine_or_exercise_file(field, text):
    load_with(field, quoted(text))


@FUZZ
@given(st.sampled_from(ROUTINE_FIELDS + EXERCISE_FIELDS), st.binary(max_size=60))
def test_any_bytes_in_any_field_of_a_routine_or_exercise_file(field, data):
    load_with(field, data)


# --- the command line ------------------------------------------------------------------------

# What a shell can pass: any bytes but NUL, as Python sees them (undecodable bytes as surrogates).
argument = st.one_of(anything.filter(lambda text: "\0" not in text),
                     st.binary(max_size=40).filter(lambda data: b"\0" not in data).map(os.fsdecode))

COMMANDS = {
    "cramp": lambda v: ["cramp", "--when", v[0], "--leg", "left", "--severity", v[1], "--minutes", v[2],
                        "--note", v[3]],
    "cramp-leg": lambda v: ["cramp", "--leg", v[0], "--severity", "3"],
    "cramp-note": lambda v: ["cramp", "--leg", "left", "--severity", "3", "--note", v[0]],
    "cramp-minutes": lambda v: ["cramp", "--leg", "left", "--severity", "3", "--minutes", v[0]],
    "cramp-when": lambda v: ["cramp", "--leg", "left", "--severity", "3", "--when", v[0]],
    "remind-add": lambda v: ["remind", "add", v[0], "--days", v[1], "--routine", v[2]],
    "remind-add-days": lambda v: ["remind", "add", "21:30", "--days", v[0]],
    "remind-add-routine": lambda v: ["remind", "add", "21:30", "--routine", v[0]],
    "remind-snooze": lambda v: ["remind", "snooze", v[0]],
    "remind-remove": lambda v: ["remind", "remove", v[0]],
}


def run_strictly(args: list[str]) -> tuple[int, str]:
    """main(args) with stdout and stderr as a UTF-8 terminal has them: strict, so a lone
    surrogate printed raw fails here as it would for the person."""
    out, err = io.BytesIO(), io.BytesIO()
    real = sys.stdout, sys.stderr
    streams = [io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", write_through=True)
               for buffer in (out, err)]
    sys.stdout, sys.stderr = streams
    try:
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse's own usage errors
            code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdout, sys.stderr = real
        for stream in streams:
            stream.detach()  # leaves the buffer open to be read
    return code, (out.getvalue() + err.getvalue()).decode("utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_any_argument_to_cramp_and_remind_gets_an_answer_not_a_traceback(command, coach_home):
    @FUZZ
    @given(st.lists(argument, min_size=4, max_size=4))
    def check(values):
        code, said = run_strictly(COMMANDS[command](values))
        assert code in (0, 1, 2), said
        assert first_unprintable(said, allow_newline=True) is None, said

    check()
