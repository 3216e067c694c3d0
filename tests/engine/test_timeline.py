from coach.engine.timeline import PhaseKind, build_timeline
from coach.model import Side, Sides, Timed
from coach.routines.library import load_library

from helpers import holds, routine, step

K = PhaseKind


def kinds(timeline):
    return [(p.kind, p.side, p.duration, p.rep) for p in timeline.phases]


def test_holds_on_each_side_expand_with_a_switch_and_no_rest_after_the_last_hold():
    timeline = build_timeline(routine(step(dose=holds(10, 10, 3), sides=Sides.EACH)))
    L, R = Side.LEFT, Side.RIGHT
    assert kinds(timeline) == [
        (K.GET_READY, L, 5, None),
        (K.HOLD, L, 10, 1), (K.REST, L, 10, 1), (K.HOLD, L, 10, 2), (K.REST, L, 10, 2), (K.HOLD, L, 10, 3),
        (K.SWITCH, R, 5, None),
        (K.HOLD, R, 10, 1), (K.REST, R, 10, 1), (K.HOLD, R, 10, 2), (K.REST, R, 10, 2), (K.HOLD, R, 10, 3),
    ]
    assert timeline.total == 5 + 50 + 5 + 50


def test_offsets_are_contiguous_and_total_is_known_up_front():
    timeline = build_timeline(routine(step(dose=Timed(45)), step("b", dose=holds(5, 0, 2), get_ready=3)))
    offset = 0
    for phase in timeline.phases:
        assert phase.offset == offset
        offset += phase.duration
    assert timeline.total == offset == 5 + 45 + 3 + 10
    # A zero rest leaves no rest phase at all.
    assert PhaseKind.REST not in [p.kind for p in timeline.phases]


def test_get_ready_of_the_routine_applies_only_before_the_first_step():
    timeline = build_timeline(routine(step(), step("b"), get_ready=7))
    assert [(p.kind, p.duration) for p in timeline.phases] == [
        (K.GET_READY, 7), (K.TIMED, 30), (K.TIMED, 30)]


def test_a_chosen_side_is_filled_in_or_left_as_the_cramped_leg():
    cramp = routine(step(sides=Sides.CHOSEN), get_ready=0)
    assert build_timeline(cramp, Side.RIGHT).phases[0].side is Side.RIGHT
    assert build_timeline(cramp).phases[0].side is Side.CHOSEN
    assert Side.CHOSEN.label == "THE CRAMPED LEG"


def test_single_side_steps_have_no_switch():
    timeline = build_timeline(routine(step(dose=holds(), sides=Sides.LEFT), get_ready=0))
    assert {p.side for p in timeline.phases} == {Side.LEFT}
    assert PhaseKind.SWITCH not in [p.kind for p in timeline.phases]


def test_shipped_routine_totals():
    routines = load_library().routines
    totals = {name: build_timeline(r).total for name, r in routines.items()}
    assert 11 * 60 <= totals["evening"] <= 12 * 60
    assert 3 * 60 + 15 <= totals["quick"] <= 3 * 60 + 45
    # The trial protocol: 10 s holds, 10 s rests, 3 reps, on each leg.
    quick = build_timeline(routines["quick"])
    work = [p for p in quick.phases if p.kind is PhaseKind.HOLD]
    assert len(work) == 12 and {p.duration for p in work} == {10}
