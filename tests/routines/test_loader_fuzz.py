"""Bad input cannot break the loader: generated documents, never a traceback, always a place.

Five strategies of 250 examples each: 1,250 documents per run.
"""

from __future__ import annotations

import copy
import math
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.locations import shipped_routines_dir
from coach.routines.library import load_library, routine_files

SHIPPED = routine_files(shipped_routines_dir())
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "name": "fuzzed",
    "title": "Fuzzed",
    "get_ready": "5s",
    "steps": [
        {"exercise": "wall-calf-stretch", "hold": "10s", "rest": "10s", "reps": 3, "sides": "each",
         "note": "Slowly."},
        {"exercise": "ankle-circles", "duration": "30s"},
    ],
}
FIELDS = [("name",), ("title",), ("get_ready",), ("steps",), ("steps", 0), ("steps", 0, "exercise"),
          ("steps", 0, "hold"), ("steps", 0, "rest"), ("steps", 0, "reps"), ("steps", 0, "sides"),
          ("steps", 0, "note"), ("steps", 1, "duration"), ("steps", 1)]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["-5", "0", "1m-3s", "99999h", "∞", "１０s", "10 s", "", "  ", "ü" * 50, "\u202e", "null"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=20)


def check(content: bytes | str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.yaml"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        else:
            path.write_bytes(content)
        library = load_library([SHIPPED, [path]])  # must not raise, whatever the file holds
        line_count = len(re.split(rb"\r\n|\r|\n", path.read_bytes()))  # as an editor counts them
        for problem in library.problems_in([path]):
            assert problem.path == path
            assert 1 <= problem.line <= line_count + 1 and problem.column >= 1
            assert problem.message and problem.fix and " — " in str(problem)
        assert {"evening", "quick", "cramp-now"} <= set(library.routines)


def dump(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    check(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    check(data)


@FUZZ
@given(values)
def test_random_yaml_structures(document):
    check(dump(document))


@FUZZ
@given(st.sampled_from(FIELDS), values)
def test_near_valid_routines_with_one_field_broken(field, value):
    document = copy.deepcopy(VALID)
    target = document
    for key in field[:-1]:
        target = target[key]
    if isinstance(value, float) and math.isnan(value):
        value = float("nan")
    target[field[-1]] = value
    check(dump(document))


@FUZZ
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", "{a: ", "- "]))
def test_deep_nesting(depth, opener):
    if opener == "- ":
        text = "".join("  " * level + "-\n" for level in range(min(depth, 300)))
    else:
        closer = {"[": "]", "{a: ": "}"}[opener]
        text = opener * depth + "1" + closer * depth
    check(text)
