"""Exact small-sample statistics for comparing cramp rates: pure functions, no third-party maths.

- Clopper–Pearson interval for a binomial proportion, from the beta distribution's quantiles.
- The conditional (exact) interval for a ratio of two Poisson rates: given the total count, the
  count in condition A is binomial with p = rA·nA / (rA·nA + rB·nB), so an interval for p is an
  interval for rA/rB. This is what R's `poisson.test` reports for two samples.
- Gamma–Poisson: with a Gamma(a, b) prior per rate the posterior is Gamma(a + cramps, b + nights),
  and P(rate A < rate B) is a regularised incomplete beta function.
- A randomisation test over the assignments that were possible in paired, coin-ordered weeks.

The incomplete beta function uses the continued fraction of Numerical Recipes (Lentz's method);
it and the quantiles it gives are checked against published values in the tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

_EPSILON = 1e-15
_TINY = 1e-300


def _continued_fraction(a: float, b: float, x: float) -> float:
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, 10_000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = c * d
            result *= step
        if abs(step - 1.0) < _EPSILON:
            break
    return result


def incomplete_beta(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b): the beta distribution's CDF at x."""
    if not (a > 0 and b > 0):
        raise ValueError("a and b must be positive")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(probability: float, a: float, b: float) -> float:
    """The x with I_x(a, b) = probability: Newton's method on the CDF, kept inside a bracket that
    bisection narrows whenever a Newton step would leave it (the CDF is increasing)."""
    low, high = 0.0, 1.0
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    x = a / (a + b)  # the mean: a good start for the counts coach sees
    for _ in range(100):
        error = incomplete_beta(x, a, b) - probability
        if error < 0:
            low = x
        else:
            high = x
        if abs(error) < 1e-13 or high - low < 1e-13:
            break
        density = math.exp(log_norm + (a - 1) * math.log(x) + (b - 1) * math.log1p(-x))
        step = x - error / density if density > 0 else -1.0
        x = step if low < step < high else (low + high) / 2
    return x


def clopper_pearson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials and trials > 0")
    tail = (1 - confidence) / 2
    low = 0.0 if successes == 0 else beta_quantile(tail, successes, trials - successes + 1)
    high = 1.0 if successes == trials else beta_quantile(1 - tail, successes + 1, trials - successes)
    return low, high


@dataclass(frozen=True)
class RateRatio:
    """Rate in A over rate in B, with an exact interval; None where the data cannot bound it."""

    estimate: float | None
    low: float
    high: float  # math.inf when every cramp fell in A


def rate_ratio(count_a: int, nights_a: int, count_b: int, nights_b: int, confidence: float = 0.95) -> RateRatio | None:
    """The conditional binomial interval for (count_a/nights_a) / (count_b/nights_b).

    None when there is nothing to compare: no nights in one condition, or no cramps at all (zero
    over zero says nothing about a ratio).
    """
    if nights_a <= 0 or nights_b <= 0 or count_a < 0 or count_b < 0:
        return None
    total = count_a + count_b
    if total == 0:
        return None
    scale = nights_b / nights_a
    p_low, p_high = clopper_pearson(count_a, total, confidence)

    def ratio(p: float) -> float:
        return math.inf if p >= 1.0 else p / (1.0 - p) * scale

    estimate = None if count_b == 0 else (count_a / nights_a) / (count_b / nights_b)
    return RateRatio(estimate, ratio(p_low), ratio(p_high))


def probability_rate_lower(count_a: int, nights_a: int, count_b: int, nights_b: int,
                           prior_shape: float = 0.5, prior_rate: float = 0.0) -> float:
    """P(rate A < rate B) with Gamma(shape, rate) priors (default: Jeffreys) and Poisson counts.

    With X ~ Gamma(α1, β1) and Y ~ Gamma(α2, β2), W = β1X / (β1X + β2Y) ~ Beta(α1, α2), and X < Y
    exactly when W < β1 / (β1 + β2).
    """
    shape_a, rate_a = prior_shape + count_a, prior_rate + nights_a
    shape_b, rate_b = prior_shape + count_b, prior_rate + nights_b
    if rate_a <= 0 or rate_b <= 0:
        raise ValueError("each condition needs at least one night")
    return incomplete_beta(rate_a / (rate_a + rate_b), shape_a, shape_b)


@dataclass(frozen=True)
class WeekPair:
    """Two weeks of a randomised pair: (cramps, answered nights) with the routine and without."""

    routine: tuple[int, int]
    usual: tuple[int, int]


def _difference(pairs: Sequence[WeekPair], swapped: Sequence[bool]) -> float | None:
    routine_cramps = routine_nights = usual_cramps = usual_nights = 0
    for pair, swap in zip(pairs, swapped, strict=True):
        routine, usual = (pair.usual, pair.routine) if swap else (pair.routine, pair.usual)
        routine_cramps += routine[0]
        routine_nights += routine[1]
        usual_cramps += usual[0]
        usual_nights += usual[1]
    if not routine_nights or not usual_nights:
        return None
    return routine_cramps / routine_nights - usual_cramps / usual_nights


def randomisation_p_value(pairs: Sequence[WeekPair]) -> float | None:
    """Two-sided: the share of the 2^k possible coin outcomes giving a difference in cramps a night
    at least as large as the one seen. With k pairs it can never be below 1 / 2^(k-1)."""
    if not pairs:
        return None
    observed = _difference(pairs, [False] * len(pairs))
    if observed is None:
        return None
    differences = [_difference(pairs, swapped) for swapped in product((False, True), repeat=len(pairs))]
    extreme = sum(1 for d in differences if d is not None and abs(d) >= abs(observed) - 1e-12)
    return extreme / len(differences)
