"""Is it helping? Streaks, and cramps on nights after a completed routine versus nights without.

Only answered nights count: a night with neither a morning check-in nor a logged cramp is unknown,
and left out of every rate rather than counted as a night without cramps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coach.history.nights import MORNING_STARTS, last_complete_night, night_of
from coach.history.plan import Comparison, Condition, compare
from coach.history.store import CrampRecord, NightRecord, SessionRecord
from coach.i18n import _
from coach.words import count_of, count_words

MIN_NIGHTS_TO_COMPARE = 7


@dataclass(frozen=True)
class Stats:
    current_streak: int
    best_streak: int
    done_last_7: int
    done_last_30: int
    with_routine: Condition
    without_routine: Condition
    answered_nights: int = 0  # nights with an answer, since coach was first used
    span_nights: int = 0  # every night since coach was first used, answered or not
    comparison: Comparison | None = None  # observational: the person chose which nights
    unanswered_routine_nights: int = 0  # nights with a routine done but no answer: in the grid, not the rates

    @property
    def answered_line(self) -> str:
        line = _("Nights answered: {answered} of {span} since you started; nights with no answer are left out."
                 ).format(answered=self.answered_nights, span=self.span_nights)
        waiting = self.unanswered_routine_nights
        if waiting:
            line += " " + count_words(
                waiting, "{count} night with a routine done has no answer yet: say whether there were cramps "
                         "with 'coach checkin' (or log them).",
                "{count} nights with a routine done have no answer yet: say whether there were cramps "
                "with 'coach checkin' (or log them).")
        return line

    @property
    def warning(self) -> str | None:
        small = min(self.with_routine.nights, self.without_routine.nights)
        if small >= MIN_NIGHTS_TO_COMPARE:
            return None
        return _("Too few answered nights to compare yet ({with_routine} after a routine, {without} without). "
                 "coach compares once each has {minimum}; until then these numbers say little.").format(
            with_routine=count_of(self.with_routine.nights, "answered night", "answered nights"),
            without=self.without_routine.nights, minimum=MIN_NIGHTS_TO_COMPARE)


def completed_nights(sessions: Iterable[SessionRecord | NightRecord]) -> set[date]:
    return {s.night for s in sessions if s.status == "completed"}


def streaks(done: set[date], now: datetime) -> tuple[int, int]:
    """(current, best): consecutive nights with a completed routine.

    While tonight's evening is still open (noon until 04:00) and its routine is not done yet,
    the streak runs to last night; by the morning, a night without one has ended it.
    """
    night = night_of(now)
    evening_open = now.hour >= 12 or now.time() < MORNING_STARTS
    if night not in done and evening_open:
        night -= timedelta(days=1)
    current = 0
    while night in done:
        current += 1
        night -= timedelta(days=1)
    best = run = 0
    previous = None
    for day in sorted(done):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return current, best


def compute(sessions: Sequence[SessionRecord | NightRecord], cramps: Sequence[CrampRecord],
            now: datetime, answered: set[date]) -> Stats:
    done = completed_nights(sessions)
    current, best = streaks(done, now)
    tonight = night_of(now)
    done_last = {}
    for days in (7, 30):
        after = tonight - timedelta(days=days)
        done_last[days] = sum(1 for n in done if after < n <= tonight)
    last = last_complete_night(now)
    answered = answered | {c.night for c in cramps}  # a logged cramp answers its night
    first = min(min((s.night for s in sessions), default=date.max), min(answered, default=date.max))
    span = (last - first).days + 1 if first <= last else 0
    observed = sorted(n for n in answered if first <= n <= last)
    severities: dict[date, list[int]] = {}
    for cramp in cramps:
        severities.setdefault(cramp.night, []).append(cramp.severity)

    def group(nights: list[date]) -> Condition:
        found = [s for n in nights for s in severities.get(n, [])]
        return Condition(len(nights), len(found), sum(found))

    with_routine = [n for n in observed if n in done]
    without_routine = [n for n in observed if n not in done]
    waiting = sum(1 for n in done if first <= n <= last and n not in answered)
    return Stats(current, best, done_last[7], done_last[30], group(with_routine), group(without_routine),
                 len(observed), span, compare(with_routine, without_routine, severities, observational=True),
                 waiting)
