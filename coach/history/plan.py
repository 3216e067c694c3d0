"""A personal trial: its weeks, what tonight is, and the result in plain words. Pure functions.

Two kinds, both after a baseline week of check-ins with the person's usual habits:
- the 6-week programme, like Hallegraeff 2012: the routine every night for 6 weeks, compared
  with the baseline week;
- "test it for yourself": pairs of weeks (routine / usual), the order in each pair chosen by a
  coin, at least 3 pairs; compared week type against week type, with a randomisation test.

Nights count by the week they were assigned to (what was planned, not what was done), and only
nights with a morning answer count at all: an unanswered night is unknown, not cramp-free.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach import local_format
from coach.history.trial_stats import (
    RateRatio,
    WeekPair,
    probability_rate_lower,
    randomisation_p_value,
    rate_ratio,
)
from coach.i18n import N_, _
from coach.words import count_of

BASELINE, ROUTINE, USUAL = "B", "R", "U"
PROGRAMME, TEST = "programme", "test"
PROGRAMME_WEEKS = 6
MIN_PAIRS = 3
# Before a verdict: enough answered nights on each side, and enough cramps to say anything.
MIN_NIGHTS_EACH = 5
MIN_CRAMPS_TOTAL = 4
TRIAL_REFERENCE = N_("In the trial this follows (Hallegraeff 2012, 80 adults over 55, 6 weeks), nightly "
                   "stretching went with 1.2 fewer cramps a night and 1.3 points lower severity "
                   "than no stretching. The evidence overall is of low certainty.")
CHOICE_NOTE = N_("A usual week means stretching only if you normally would. Leaving the routine out "
               "for a week is your choice, and you can end the plan at any time.")


def programme_weeks() -> str:
    return BASELINE + ROUTINE * PROGRAMME_WEEKS


def randomised_weeks(pairs: int, rng: random.Random | None = None) -> str:
    if pairs < MIN_PAIRS:
        raise ValueError(f"a test needs at least {MIN_PAIRS} pairs of weeks")
    coin = rng or random.SystemRandom()
    return BASELINE + "".join(ROUTINE + USUAL if coin.random() < 0.5 else USUAL + ROUTINE for _ in range(pairs))


def week_kind(weeks: str, first_night: date, night: date) -> str | None:
    """B, R or U for a night inside the plan; None before it starts or after it ends."""
    if night < first_night:
        return None
    index = (night - first_night).days // 7
    return weeks[index] if index < len(weeks) else None


def last_night(weeks: str, first_night: date) -> date:
    return first_night + timedelta(days=7 * len(weeks) - 1)


def tonight_text(weeks: str, first_night: date, tonight: date) -> str:
    """Where the person is in the plan, said each evening."""
    week = (tonight - first_night).days // 7 + 1
    day = (tonight - first_night).days % 7 + 1
    letter = week_kind(weeks, first_night, tonight)
    if letter is None:
        return (_("Your plan has finished: its result is below.") if tonight > first_night
                else _("Your plan starts on the night of {date}.").format(date=local_format.day_date(first_night)))
    if letter == BASELINE:
        text = _("Week {week} of {weeks}, night {night} of 7: a baseline night. Keep your usual habits and "
                 "answer each morning.")
    elif letter == ROUTINE:
        text = _("Week {week} of {weeks}, night {night} of 7: a routine night. Do your bedtime stretches tonight.")
    else:
        text = _("Week {week} of {weeks}, night {night} of 7: a usual night. Do what you would normally do; "
                 "stretching is up to you.")
    return text.format(week=week, weeks=len(weeks), night=day)


@dataclass(frozen=True)
class Condition:
    """Nights of one kind (with the routine, or without) and their cramps; used by the stats too."""

    nights: int  # answered nights
    cramps: int
    severity_total: int

    @property
    def per_night(self) -> float | None:
        return self.cramps / self.nights if self.nights else None

    @property
    def mean_severity(self) -> float | None:
        return self.severity_total / self.cramps if self.cramps else None


@dataclass(frozen=True)
class Comparison:
    """Cramps in nights with the routine (A) against nights without (B)."""

    with_routine: Condition
    without_routine: Condition
    ratio: RateRatio | None
    probability_lower: float | None  # P(rate with routine < rate without), Gamma–Poisson
    p_value: float | None  # randomisation test; only for randomised weeks
    observational: bool  # True when the person chose which nights had the routine

    @property
    def severity_difference(self) -> float | None:
        a, b = self.with_routine.mean_severity, self.without_routine.mean_severity
        return None if a is None or b is None else a - b

    @property
    def can_tell(self) -> bool:
        return (self.ratio is not None and min(self.with_routine.nights, self.without_routine.nights) >= MIN_NIGHTS_EACH
                and self.with_routine.cramps + self.without_routine.cramps >= MIN_CRAMPS_TOTAL)


def condition(nights: Iterable[date], severities_by_night: dict[date, list[int]]) -> Condition:
    counted = list(nights)
    found = [s for night in counted for s in severities_by_night.get(night, [])]
    return Condition(len(counted), len(found), sum(found))


def compare(with_routine: Sequence[date], without_routine: Sequence[date],
            severities_by_night: dict[date, list[int]], pairs: Sequence[WeekPair] = (),
            observational: bool = False) -> Comparison:
    a = condition(with_routine, severities_by_night)
    b = condition(without_routine, severities_by_night)
    ratio = rate_ratio(a.cramps, a.nights, b.cramps, b.nights)
    probability = probability_rate_lower(a.cramps, a.nights, b.cramps, b.nights) if a.nights and b.nights else None
    p_value = randomisation_p_value(pairs) if pairs and not observational else None
    return Comparison(a, b, ratio, probability, p_value, observational)


def plan_comparison(weeks: str, first_night: date, answered: set[date],
                    severities_by_night: dict[date, list[int]], last: date) -> Comparison:
    """The plan's own comparison over answered nights up to `last` (the last night that is over)."""
    by_week: dict[int, list[date]] = {}
    night = first_night
    while night <= min(last, last_night(weeks, first_night)):
        if night in answered:
            by_week.setdefault((night - first_night).days // 7, []).append(night)
        night += timedelta(days=1)
    routine = [n for i, ns in by_week.items() if weeks[i] == ROUTINE for n in ns]
    if USUAL in weeks:
        usual = [n for i, ns in by_week.items() if weeks[i] == USUAL for n in ns]
        pairs = []
        for start in range(1, len(weeks) - 1, 2):
            first, second = by_week.get(start, []), by_week.get(start + 1, [])
            if not first or not second:
                continue  # a pair not yet (or not fully) answered cannot be compared
            counts = [(sum(len(severities_by_night.get(n, [])) for n in ns), len(ns)) for ns in (first, second)]
            routine_side = 0 if weeks[start] == ROUTINE else 1
            pairs.append(WeekPair(counts[routine_side], counts[1 - routine_side]))
        return compare(routine, usual, severities_by_night, pairs)
    baseline = [n for i, ns in by_week.items() if weeks[i] == BASELINE for n in ns]
    return compare(routine, baseline, severities_by_night)


def result_lines(comparison: Comparison) -> list[str]:
    """The comparison in plain words and numbers, never a verdict from a handful of nights."""
    a, b = comparison.with_routine, comparison.without_routine
    lines = []
    if comparison.observational:
        lines.append(_("Observational: you chose which nights had the routine, so other things (how you "
                       "felt that day) may explain any difference."))
    for name, group in ((_("With the routine"), a), (_("Without"), b)):
        if group.per_night is None:
            lines.append(_("{name}: no answered nights yet.").format(name=name))
            continue
        filled = {"name": name, "rate": local_format.decimal(group.per_night, 2),
                  "nights": count_of(group.nights, "answered night", "answered nights"),
                  "cramps": count_of(group.cramps, "cramp", "cramps")}
        if group.mean_severity is None:
            lines.append(_("{name}: {rate} cramps a night over {nights} ({cramps}).").format(**filled))
        else:
            lines.append(_("{name}: {rate} cramps a night over {nights} ({cramps}, mean severity {severity}/10)."
                           ).format(severity=local_format.decimal(group.mean_severity, 1), **filled))
    if not comparison.can_tell:
        lines.append(_("Can't tell yet: coach needs at least {nights} each way and {cramps} in all before saying "
                       "anything.").format(nights=count_of(MIN_NIGHTS_EACH, "answered night", "answered nights"),
                                           cramps=count_of(MIN_CRAMPS_TOTAL, "cramp", "cramps")))
        return lines
    ratio = comparison.ratio
    assert ratio is not None
    high = _("no upper limit") if ratio.high == float("inf") else local_format.decimal(ratio.high, 2)
    estimate = "—" if ratio.estimate is None else local_format.decimal(ratio.estimate, 2)
    # The per cent signs are in the values: a "%" in a text would read as a printf placeholder to gettext.
    lines.append(_("Rate ratio (with ÷ without): {estimate}, {level} interval {low} to {high}.").format(
        estimate=estimate, level="95%", low=local_format.decimal(ratio.low, 2), high=high))
    if ratio.high < 1:
        lines.append(_("Fewer cramps with the routine: between {least} and {most} fewer a night.").format(
            least=f"{100 * (1 - ratio.high):.0f}%", most=f"{100 * (1 - ratio.low):.0f}%"))
    elif ratio.low > 1:
        lines.append(_("More cramps on routine nights than without. Worth talking over with a doctor."))
    else:
        lines.append(_("Can't tell yet: the numbers fit fewer, the same or more cramps with the routine."))
    if comparison.probability_lower is not None:
        lines.append(_("Chance the routine lowers your rate (Gamma–Poisson): {percent}%.").format(
            percent=f"{100 * comparison.probability_lower:.0f}"))
    if comparison.severity_difference is not None:
        lines.append(_("Severity with the routine is {difference} points on average.").format(
            difference=signed_decimal(comparison.severity_difference)))
    if comparison.p_value is not None:
        lines.append(_("Randomisation test over your coin-ordered weeks: p = {p}.").format(
            p=local_format.decimal(comparison.p_value, 2)))
    return lines


def signed_decimal(value: float, places: int = 1) -> str:
    """'+0.5', '-1.2' ('+0,5' in German, Spanish and Russian): a difference, with its sign."""
    plus = "+" if f"{value:+.{places}f}".startswith("+") else ""
    return plus + local_format.decimal(value, places)
