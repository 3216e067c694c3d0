"""When to get help: three tiers, worded once and said the same way everywhere coach says them."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach import safety
from coach.engine.guidance import ever_shows_get_help, guidance_at
from coach.engine.timeline import PhaseKind, build_timeline
from coach.history.report import DoctorDetails, build_report, report_markdown
from coach.history.store import CrampRecord
from coach.model import Side
from coach.routines.library import load_library

ROOT = Path(__file__).resolve().parents[1]
TIERS_BY_HEADING = {tier.heading: tier for tier in safety.TIERS}


def assert_is_part_of_a_tier(line: str) -> None:
    """A short form is a tier's own heading with some of its own reasons, word for word."""
    heading, _, rest = line.partition(": ")
    tier = TIERS_BY_HEADING[heading]
    reasons = rest.removesuffix(".").split("; ")
    assert reasons and set(reasons) <= set(tier.reasons), line


def test_the_three_tiers_in_order_of_urgency():
    assert [tier.heading for tier in safety.TIERS] == [
        "Call emergency services now", "Get urgent advice today", "Book a doctor's visit; you can keep stretching"]
    assert safety.URGENT.line().startswith("Get urgent advice today (an urgent GP appointment, NHS 111 or your "
                                           "local equivalent): a calf that is swollen, red, warm or tender;")
    # Frequent cramps are the app's own users: a visit, not "see a doctor instead of stretching".
    assert safety.KEEP_WAKING in safety.BOOK_A_VISIT.reasons
    assert "never stop a medicine yourself" in safety.NEW_MEDICINE


def test_the_readme_says_exactly_the_same():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in safety.tier_lines("- "):
        assert line in readme.splitlines()


def test_the_safety_page_and_the_report_carry_all_three_tiers():
    page = safety.safety_page(None)
    for line in safety.tier_lines():
        assert line in page.splitlines()
    assert safety.EVIDENCE in page and "pregnan" not in safety.EVIDENCE.lower()
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    cramps = [CrampRecord(1, now - timedelta(days=2), date(2026, 11, 17), "left", 6, 12.0, None)]
    report = report_markdown(build_report([], cramps, set(), now, 6, DoctorDetails()))
    for line in safety.tier_lines("- "):
        assert line in report.splitlines()
    assert "- ⚠ 1 cramp over 10 minutes: 18 Nov 09:00 12 min (left calf, severity 6)." in report


def test_the_evidence_line_leads_with_what_cochrane_supports():
    assert safety.EVIDENCE.startswith("A Cochrane review (2021) found that")
    assert "may reduce how bad cramps are; the evidence is low certainty" in safety.EVIDENCE
    assert "one a night" not in safety.EVIDENCE


def test_pregnancy_adds_its_warning_signs_and_says_the_evidence_does_not_cover_it():
    page = safety.safety_page(True)
    assert "The evidence does not cover pregnancy" in page
    assert safety.URGENT.line(safety.PREGNANCY_RED_FLAGS) in page.splitlines()
    assert "The evidence does not cover pregnancy" not in safety.safety_page(False)


@pytest.mark.parametrize("name, first_aid, pregnant", [
    ("cramp-now", True, False), ("cramp-now-pregnancy", True, True),
    ("evening", False, False), ("evening-pregnancy", False, True),
])
def test_every_get_help_box_is_in_the_tiers_own_words(name, first_aid, pregnant):
    timeline = build_timeline(load_library().routines[name], Side.LEFT)
    boxes = {guidance_at(timeline, i, first_aid=first_aid, pregnant=pregnant).get_help
             for i in range(len(timeline.phases))}
    lines = [line for box in boxes for line in box]
    assert lines
    for line in lines:
        assert_is_part_of_a_tier(line)
    assert safety.EMERGENCY.line() in lines
    if pregnant and not first_aid:
        assert any(safety.PREGNANT_WARNING in line for line in lines)


def test_first_aid_shows_its_box_throughout_and_the_leg_check_only_while_it_lasts():
    library = load_library()
    cramp = build_timeline(library.routines["cramp-now"], Side.LEFT)
    assert all(guidance_at(cramp, i, first_aid=True).get_help == tuple(safety.during_a_cramp())
               for i in range(len(cramp.phases)))
    evening = build_timeline(library.routines["evening"])
    shown = [p.exercise.id for i, p in enumerate(evening.phases) if guidance_at(evening, i).get_help]
    assert shown and set(shown) == {"leg-check"}


def test_a_routine_is_said_to_show_the_box_exactly_when_some_moment_of_it_does():
    library = load_library()
    for routine in [*library.routines.values(), *library.first_aid.values()]:
        for first_aid in (False, True):
            timeline = build_timeline(routine, Side.LEFT)
            some_moment = any(guidance_at(timeline, i, first_aid=first_aid).get_help
                              for i in range(len(timeline.phases)))
            assert ever_shows_get_help(timeline, first_aid=first_aid) == some_moment, routine.name
    assert not ever_shows_get_help(build_timeline(library.routines["quick"]))


def test_cautions_are_shown_while_getting_ready_and_not_during_the_holds():
    timeline = build_timeline(load_library().routines["quick"])
    for index, phase in enumerate(timeline.phases):
        cautions = guidance_at(timeline, index).cautions
        if phase.kind is PhaseKind.GET_READY:
            assert cautions == phase.exercise.cautions and cautions
        else:
            assert cautions == ()


def test_a_step_without_a_get_ready_pause_shows_its_cautions_in_its_first_phase():
    timeline = build_timeline(load_library().routines["cramp-now"], Side.LEFT)
    toe_pull = next(i for i, p in enumerate(timeline.phases) if p.exercise.id == "cramp-toe-pull")
    assert timeline.phases[toe_pull].kind is PhaseKind.HOLD
    assert guidance_at(timeline, toe_pull).cautions == timeline.phases[toe_pull].exercise.cautions
    assert guidance_at(timeline, toe_pull + 1).cautions == ()


def test_a_long_cramp_in_the_diary_gets_the_urgent_tier_in_its_words():
    advice = safety.long_cramp_advice(12)
    assert advice is not None
    assert_is_part_of_a_tier(advice)
    assert safety.long_cramp_advice(10) is None and safety.long_cramp_advice(None) is None


def test_help_on_the_command_line_uses_the_tiers():
    result = subprocess.run([sys.executable, "-m", "coach", "--help"], capture_output=True, text=True, timeout=60)
    flat = re.sub(r"\s+", " ", result.stdout)
    assert safety.EMERGENCY.line() in flat
    assert safety.URGENT.line() in flat


def test_the_caution_worth_saying_aloud_is_the_first_one_as_the_exercise_is_got_ready_for():
    from coach.engine.guidance import most_important_caution

    timeline = build_timeline(load_library().routines["quick"])
    assert most_important_caution(timeline, 0) == "A strong stretch, never pain. Ease off if it hurts."
    assert most_important_caution(timeline, 1) is None  # the first hold: already said
