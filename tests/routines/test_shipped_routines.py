"""The routines coach ships: valid, traceable to their sources, and free of unsafe advice."""

from __future__ import annotations

import re

import pytest

from coach import safety
from coach.engine.timeline import PhaseKind, build_timeline
from coach.locations import shipped_routines_dir
from coach.model import Holds, Position, Sides, Timed
from coach.routines.library import load_library, routine_files
from coach.routines.pregnancy import SUFFIX

# The five source articles, by their titles (docs/exercise-sources.md gives the file of each).
SOURCE_ARTICLES = {
    "Reduces the calf muscle at night. Reasons for what to do",
    "Night cramps of the calf muscles – what is the cause and what is the treatment?",
    "Cramps of calf muscles at night – causes, treatment",
    "Causes and Treatment of Gastrocnemius Muscle Spasms",
    "Cramps in the legs at night: causes, treatment, what to do",
}
TRIAL = "Hallegraeff 2012, J Physiotherapy"
EVIDENCE = {TRIAL, "NHS: Leg cramps", "Mayo Clinic: Night leg cramps", "HSE: Leg cramps in pregnancy"}

# Each shipped exercise and the entry of the research catalogue it was written from. A new
# exercise must be added here, which is the moment to check it against the catalogue.
CATALOGUED = {
    "wall-calf-stretch": "A2", "wall-lean": "A1", "standing-hamstring-stretch": "A3",
    "lying-hamstring-stretch": "A4", "book-calf-stretch": "A5", "toe-pulls": "A6",
    "ankle-circles": "A7", "pedalling": "A8", "toe-raises": "A9", "heel-walking": "A10",
    "march-on-the-spot": "A14", "calf-self-massage": "A15", "leg-check": "R1 step 0",
    "wind-down": "R1 step 8 and C4/C5", "sit-up-safely": "B1", "cramp-toe-pull": "B2", "heel-stand": "B3",
    "press-the-muscle": "B6", "cramp-massage": "B7", "walk-it-off": "B8/B10",
    "after-the-cramp": "B12/B13", "bed-edge-foot-press": "B4",
    "seated-hamstring-stretch": "A4 seated alternative (the trial's sitting stretch)",
    "seated-calf-stretch": "B2 done gently (HSE, pregnancy)",
    "soleus-stretch": "A2 with the knee bent (not in the catalogue; standard form)",
}
BASE_ROUTINES = {"evening", "quick", "cramp-now"}
HOLD_ON = re.compile(r"\b(hold on to|hold(ing)? (a|the|it)|hand on (a|the|it)|palms? on|keep hold|wall|chair back|"
                     r"worktop|furniture)\b", re.IGNORECASE)
LIGHT_AND_HOLD = "Turn on a light and hold on to something before you stand."

# From the catalogue's "should NOT coach" list.
FORBIDDEN = [
    r"needle", r"\bpin\b", r"prick", r"inject", r"quinine", r"magnesium", r"calcium", r"vitamin",
    r"tablet", r"\bpills?\b", r"\bmg\b", r"\bdrops\b", r"aspirin", r"ibuprofen", r"paracetamol",
    r"diclofenac", r"\bointment",  # not "appointment"
    r"turpentine", r"celandine", r"vinegar", r"mustard", r"honey",
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
    # What coach says about safety is shipped text too.
    texts += [safety.safety_page(True), *safety.during_a_cramp(), *safety.before_stretching(True)]
    return texts


def test_the_shipped_files_have_no_problems(library):
    assert library.problems == []
    assert set(library.routines) == BASE_ROUTINES | {name + SUFFIX for name in BASE_ROUTINES}


def test_every_exercise_is_catalogued_and_traceable_by_title(library):
    assert set(library.exercises) == set(CATALOGUED)
    for exercise in library.exercises.values():
        assert exercise.sources, exercise.id
        unknown = set(exercise.sources) - SOURCE_ARTICLES - EVIDENCE
        assert not unknown, (exercise.id, unknown)
        # Shown to people by title, never as a file name such as 001_ea3c1ad69274962c.txt
        assert not any(re.search(r"\.txt\b|_[0-9a-f]{8,}", source) for source in exercise.sources)


def test_an_exercise_citing_the_trial_uses_the_trials_dose(library):
    for exercise in library.exercises.values():
        if TRIAL in exercise.sources:
            assert exercise.dose == Holds(hold=10, rest=10, reps=3), exercise.id


def test_doses_and_citations_say_what_their_source_says(library):
    exercises = library.exercises
    # NHS: lean in for 2 or 3 seconds, repeated for 5 minutes.
    assert exercises["wall-lean"].dose == Timed(5 * 60) and "2 or 3 seconds" in " ".join(exercises["wall-lean"].steps)
    # Mayo means walking or shaking the leg, and a stationary bike: not these.
    assert "Mayo Clinic: Night leg cramps" not in exercises["heel-stand"].sources
    assert "Mayo Clinic: Night leg cramps" not in exercises["pedalling"].sources
    assert "Reduces the calf muscle at night. Reasons for what to do" not in exercises["wind-down"].sources
    # The trial: a moderately intense stretch just past the first point of tension, never pain.
    wall = exercises["wall-calf-stretch"]
    assert "strong stretch" in " ".join(wall.steps) and "never pain" in wall.cautions[0]
    assert "comfortable" not in " ".join(wall.steps + wall.cautions)


def test_the_habits_from_the_sources_are_coached_at_bedtime(library):
    wind_down = " ".join(library.exercises["wind-down"].steps)
    for words in ("alcohol and caffeine", "Drink enough through the day", "at the first twinge"):
        assert words in wind_down
    evening = [step.exercise.id for step in library.routines["evening"].steps]
    assert "calf-self-massage" in evening and evening.index("calf-self-massage") < evening.index("wind-down")


def test_every_standing_step_names_something_to_hold_on_to(library):
    for routine in library.routines.values():
        for step in routine.steps:
            if step.exercise.position is Position.STANDING:
                assert any(HOLD_ON.search(line) for line in step.exercise.steps), (routine.name, step.exercise.id)


def test_the_leg_check_gives_time_to_look_at_both_calves(library):
    for routine in library.routines.values():
        for step in routine.steps:
            if step.exercise.id == "leg-check":
                assert step.dose.total >= 20, routine.name


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
    steps = {s.exercise.id: s for s in library.routines["evening"].steps}
    assert {"wall-calf-stretch", "standing-hamstring-stretch"} <= set(steps)
    assert {"toe-pulls", "ankle-circles", "pedalling"} <= set(steps)
    # Heel walking is morning advice with a fall risk: in the library, not at bedtime.
    assert "heel-walking" not in steps and "heel-walking" in library.exercises
    # The bent-knee calf stretch is offered, and can be skipped.
    assert "Optional" in steps["soleus-stretch"].note
    assert 11 * 60 <= build_timeline(library.routines["evening"]).total <= 12 * 60


@pytest.mark.parametrize("name", ["cramp-now", "cramp-now-pregnancy"])
def test_cramp_now_sits_first_and_stands_only_after_a_light_and_a_hold(library, name):
    cramp = library.routines[name]
    assert cramp.asks_for_side
    used = [s.exercise.id for s in cramp.steps]
    assert used[:3] == ["sit-up-safely", "cramp-toe-pull", "bed-edge-foot-press"]
    assert {"press-the-muscle", "cramp-massage", "walk-it-off"} <= set(used)
    timeline = build_timeline(cramp)
    standing = [p for p in timeline.phases if p.exercise.position is Position.STANDING]
    assert standing and min(p.offset for p in standing) >= timeline.total / 2
    # The first standing step is optional, and says to turn on a light and hold on first.
    first_standing = next(s for s in cramp.steps if s.exercise.position is Position.STANDING)
    assert first_standing.note.startswith("Optional") and LIGHT_AND_HOLD in first_standing.note
    assert first_standing.get_ready >= 5
    notes = " ".join(s.note or "" for s in cramp.steps)
    assert "Stretching may ease the pain" in notes and "Most cramps ease" not in notes


@pytest.mark.parametrize("name", sorted(BASE_ROUTINES))
def test_each_routine_has_a_pregnancy_variant_with_nothing_on_the_back(library, name):
    variant = library.routines[name + SUFFIX]
    assert variant.asks_for_side == library.routines[name].asks_for_side
    assert "pregnancy" in variant.title.lower()
    for phase in build_timeline(variant).phases:
        assert phase.exercise.position is not Position.LYING_ON_BACK, phase.exercise.id
    # Gentle doses (HSE): no strong stretches, and the held ones no longer than the trial's 10 s,
    # apart from first aid's toe pull, which is held until the cramp lets go and told to be gentle.
    for step in variant.steps:
        words = " ".join(step.exercise.steps + step.exercise.cautions).lower()
        assert "strong stretch" not in words, step.exercise.id
        if isinstance(step.dose, Holds) and step.dose.hold > 10:
            assert "gently" in step.note and "no hard pulling" in step.note, step.exercise.id
    if name != "cramp-now":
        assert "The evidence does not cover pregnancy." in variant.description


def test_the_usual_evening_has_time_on_the_back_that_the_pregnancy_one_leaves_out(library):
    on_back = [p for p in build_timeline(library.routines["evening"]).phases
               if p.exercise.position is Position.LYING_ON_BACK and p.kind is not PhaseKind.GET_READY]
    assert on_back  # so the check above is not vacuous
