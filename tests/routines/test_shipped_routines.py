"""The routines coach ships: valid, traceable to their sources, and free of unsafe advice."""

from __future__ import annotations

import re

import pytest

from coach.engine.timeline import build_timeline
from coach.locations import shipped_routines_dir
from coach.model import Sides
from coach.routines.library import load_library, routine_files

SEED_FILES = {
    "000_86e86bc5819ab452.txt", "001_ea3c1ad69274962c.txt", "002_3ff6ff7c4fb4b06e.txt",
    "003_45d7940e19a34422.txt", "004_af35bb77dd118c0e.txt",
}
EVIDENCE = {"Hallegraeff 2012 trial", "NHS leg cramps", "Mayo Clinic night leg cramps"}

# Each shipped exercise and the entry of the research catalogue it was written from. A new
# exercise must be added here, which is the moment to check it against the catalogue.
CATALOGUED = {
    "wall-calf-stretch": "A2", "wall-lean": "A1", "standing-hamstring-stretch": "A3",
    "lying-hamstring-stretch": "A4", "book-calf-stretch": "A5", "toe-pulls": "A6",
    "ankle-circles": "A7", "pedalling": "A8", "toe-raises": "A9", "heel-walking": "A10",
    "march-on-the-spot": "A14", "calf-self-massage": "A15", "leg-check": "R1 step 0",
    "wind-down": "R1 step 8", "sit-up-safely": "B1", "cramp-toe-pull": "B2", "heel-stand": "B3",
    "press-the-muscle": "B6", "cramp-massage": "B7", "walk-it-off": "B8/B10",
    "after-the-cramp": "B12/B13",
}

# From the catalogue's "should NOT coach" list.
FORBIDDEN = [
    r"needle", r"\bpin\b", r"prick", r"inject", r"quinine", r"magnesium", r"calcium", r"vitamin",
    r"tablet", r"\bpills?\b", r"\bmg\b", r"\bdrops\b", r"aspirin", r"ibuprofen", r"paracetamol",
    r"diclofenac", r"ointment", r"turpentine", r"celandine", r"vinegar", r"mustard", r"honey",
    r"tincture", r"licorice", r"saliva", r"chocolate", r"orange juice", r"\bic[ey]\b",
    r"bandage", r"until (it|the) (pain|hurts)", r"into pain", r"until pain", r"\bbeat", r"pinch",
    r"lower lip", r"stop (taking )?your medicine", r"change the drug", r"lactic",
]


@pytest.fixture(scope="module")
def library():
    return load_library([routine_files(shipped_routines_dir())])


def all_text(library) -> list[str]:
    texts = []
    for exercise in library.exercises.values():
        texts += [exercise.name, *exercise.steps, *exercise.cautions]
    for routine in library.routines.values():
        texts += [routine.title, routine.description]
        texts += [step.note for step in routine.steps if step.note]
    return texts


def test_the_shipped_files_have_no_problems(library):
    assert library.problems == []
    assert set(library.routines) == {"evening", "quick", "cramp-now"}


def test_every_exercise_is_catalogued_and_traceable(library):
    assert set(library.exercises) == set(CATALOGUED)
    for exercise in library.exercises.values():
        assert exercise.sources, exercise.id
        unknown = set(exercise.sources) - SEED_FILES - EVIDENCE
        assert not unknown, (exercise.id, unknown)


@pytest.mark.parametrize("pattern", FORBIDDEN)
def test_nothing_unsafe_is_coached(library, pattern):
    offending = [text for text in all_text(library) if re.search(pattern, text, re.IGNORECASE)]
    assert offending == []


def test_the_forbidden_list_would_catch_unsafe_advice():
    unsafe = ["Prick the calf with a disinfected needle.", "Take 2 tablets of magnesium.",
              "Stretch until the pain appears.", "Rub in turpentine ointment."]
    for text in unsafe:
        assert any(re.search(p, text, re.IGNORECASE) for p in FORBIDDEN), text


def test_quick_is_the_trial_protocol_on_both_legs(library):
    quick = library.routines["quick"]
    assert [s.exercise.id for s in quick.steps] == ["wall-calf-stretch", "standing-hamstring-stretch"]
    for step in quick.steps:
        assert (step.dose.hold, step.dose.rest, step.dose.reps, step.sides) == (10, 10, 3, Sides.EACH)


def test_evening_contains_the_trial_stretches_and_document_moves(library):
    used = {s.exercise.id for s in library.routines["evening"].steps}
    assert {"wall-calf-stretch", "standing-hamstring-stretch"} <= used
    assert {"toe-pulls", "ankle-circles", "heel-walking", "pedalling"} <= used
    assert 540 <= build_timeline(library.routines["evening"]).total <= 600


def test_cramp_now_asks_for_the_leg_and_covers_the_first_aid_moves(library):
    cramp = library.routines["cramp-now"]
    assert cramp.asks_for_side
    used = [s.exercise.id for s in cramp.steps]
    assert used[:2] == ["sit-up-safely", "cramp-toe-pull"]
    assert {"heel-stand", "press-the-muscle", "cramp-massage", "walk-it-off"} <= set(used)
