"""The trial statistics against published values and their edge cases."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from coach.history.plan import (
    BASELINE,
    MIN_PAIRS,
    ROUTINE,
    USUAL,
    compare,
    plan_comparison,
    programme_weeks,
    randomised_weeks,
    result_lines,
    tonight_text,
    week_kind,
)
from coach.history.trial_stats import (
    WeekPair,
    beta_quantile,
    clopper_pearson,
    incomplete_beta,
    probability_rate_lower,
    randomisation_p_value,
    rate_ratio,
)


def test_incomplete_beta_matches_closed_forms():
    assert incomplete_beta(0.5, 2, 3) == pytest.approx(11 / 16, abs=1e-12)  # 1 - (1-x)^4 - 4x(1-x)^3 ...
    assert incomplete_beta(0.3, 1, 1) == pytest.approx(0.3, abs=1e-12)
    assert incomplete_beta(0.2, 1, 5) == pytest.approx(1 - 0.8 ** 5, abs=1e-12)
    assert incomplete_beta(0.9, 40, 2) == pytest.approx(1 - incomplete_beta(0.1, 2, 40), abs=1e-12)
    assert beta_quantile(0.3, 1, 1) == pytest.approx(0.3, abs=1e-10)


def test_clopper_pearson_matches_published_intervals():
    # 7 of 20: the exact interval (0.1539, 0.5922) given in binom.test and textbooks.
    assert clopper_pearson(7, 20) == pytest.approx((0.153909, 0.592189), abs=1e-6)
    # Zero and all: one side is exact in closed form, (alpha/2)^(1/n).
    assert clopper_pearson(0, 10) == pytest.approx((0.0, 1 - 0.025 ** 0.1), abs=1e-10)
    assert clopper_pearson(10, 10) == pytest.approx((0.025 ** 0.1, 1.0), abs=1e-10)


def test_rate_ratio_matches_r_poisson_test():
    # R: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) gives rate ratio 1.971488
    # and the 95% interval 0.8584264 to 4.2772659 (the example in R's documentation).
    ratio = rate_ratio(11, 800, 21, 3011)
    assert ratio.estimate == pytest.approx(1.971488, abs=1e-6)
    assert (ratio.low, ratio.high) == pytest.approx((0.8584264, 4.2772659), abs=1e-6)


def test_rate_ratio_edge_cases():
    assert rate_ratio(0, 14, 0, 14) is None  # no cramps at all: nothing to say about a ratio
    assert rate_ratio(3, 0, 2, 7) is None
    none_with = rate_ratio(0, 14, 9, 14)
    assert none_with.estimate == 0 and none_with.low == 0 and 0 < none_with.high < 1
    all_with = rate_ratio(9, 14, 0, 14)
    assert all_with.estimate is None and all_with.high == math.inf and all_with.low > 1


def test_gamma_poisson_probability_that_the_routine_lowers_the_rate():
    assert probability_rate_lower(5, 10, 5, 10) == pytest.approx(0.5, abs=1e-12)  # symmetric
    assert probability_rate_lower(0, 28, 20, 28) > 0.999
    assert probability_rate_lower(20, 28, 0, 28) < 0.001
    # Checked by simulation with a fixed seed: the exact value within sampling error.
    rng = random.Random(3)
    draws = 40_000
    hits = sum(rng.gammavariate(3.5, 1 / 20) < rng.gammavariate(8.5, 1 / 14) for _ in range(draws))
    assert probability_rate_lower(3, 20, 8, 14) == pytest.approx(hits / draws, abs=0.01)


def test_randomisation_test_counts_the_coin_outcomes_that_were_possible():
    # Three pairs, the routine week always better: only the observed order and its mirror are as extreme.
    pairs = [WeekPair((0, 7), (5, 7)), WeekPair((1, 7), (6, 7)), WeekPair((0, 7), (4, 7))]
    assert randomisation_p_value(pairs) == pytest.approx(2 / 8)
    same = [WeekPair((2, 7), (2, 7))] * 3
    assert randomisation_p_value(same) == 1.0
    assert randomisation_p_value([]) is None


def test_plans_have_a_baseline_week_then_their_own_weeks():
    assert programme_weeks() == BASELINE + ROUTINE * 6
    weeks = randomised_weeks(4, random.Random(1))
    assert weeks[0] == BASELINE and len(weeks) == 9
    assert all(sorted(weeks[i:i + 2]) == [ROUTINE, USUAL] for i in range(1, 9, 2))
    with pytest.raises(ValueError):
        randomised_weeks(MIN_PAIRS - 1)
    first = date(2026, 11, 1)
    assert week_kind(weeks, first, first - timedelta(days=1)) is None
    assert week_kind(weeks, first, first + timedelta(days=6)) == BASELINE
    assert week_kind(weeks, first, first + timedelta(days=7)) == weeks[1]
    assert week_kind(weeks, first, first + timedelta(days=63)) is None
    assert tonight_text(programme_weeks(), first, first + timedelta(days=8)).startswith(
        "Week 2 of 7, night 2 of 7: a routine night.")


def test_a_handful_of_nights_is_never_a_verdict():
    night = date(2026, 11, 1)
    comparison = compare([night], [night + timedelta(days=1)], {night + timedelta(days=1): [7]})
    lines = result_lines(comparison)
    assert any(line.startswith("Can't tell yet") for line in lines)
    assert not any("Fewer cramps" in line for line in lines)


def test_a_programme_abandoned_half_way_compares_what_was_answered():
    first = date(2026, 9, 6)
    weeks = programme_weeks()
    answered = {first + timedelta(days=n) for n in range(24) if n != 3}  # baseline + 2.5 weeks, one gap
    severities = {first + timedelta(days=n): [6] for n in range(7)}  # a cramp every baseline night
    severities |= {first + timedelta(days=n): [4] for n in range(7, 24, 4)}
    severities[first + timedelta(days=3)] = [9]  # logged on an unanswered night? then it is answered
    answered.add(first + timedelta(days=3))
    result = plan_comparison(weeks, first, answered, severities, last=first + timedelta(days=40))
    assert (result.without_routine.nights, result.without_routine.cramps) == (7, 7)
    assert (result.with_routine.nights, result.with_routine.cramps) == (17, 5)
    # 5 cramps in 17 nights against 7 in 7 looks like a big drop, yet one baseline week is too
    # little to rule out no change: the interval reaches past 1, and coach says so.
    assert result.can_tell and result.ratio.low < 1 < result.ratio.high
    lines = result_lines(result)
    assert "Can't tell yet: the numbers fit fewer, the same or more cramps with the routine." in lines
    assert not any(line.startswith("Fewer cramps") for line in lines)
    assert result.probability_lower > 0.95
    assert result.severity_difference == pytest.approx(4 - (6 * 6 + 9) / 7)
    assert result.p_value is None and not result.observational


def test_randomised_weeks_with_a_clear_difference_say_how_much_fewer():
    first = date(2026, 9, 6)
    weeks = BASELINE + "RU" + "UR" + "RU"
    answered = {first + timedelta(days=n) for n in range(49)}
    severities = {}
    for n in range(7, 49):
        if weeks[n // 7] == USUAL or n % 7 == 0:
            severities[first + timedelta(days=n)] = [6, 5] if weeks[n // 7] == USUAL else [3]
    result = plan_comparison(weeks, first, answered, severities, last=first + timedelta(days=60))
    assert (result.with_routine.cramps, result.without_routine.cramps) == (3, 42)
    assert result.ratio.high < 1
    lines = result_lines(result)
    assert any(line.startswith("Fewer cramps with the routine: between") for line in lines)
    assert "Randomisation test over your coin-ordered weeks: p = 0.25." in lines  # 2 of 8 orders
