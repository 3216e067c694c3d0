"""Nights, 'when' parsing and the stats, with the clock and time zone fixed by the test."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import local

from coach.history.nights import last_complete_night, night_of
from coach.history.stats import compute, streaks
from coach.history.store import CrampRecord, SessionRecord
from coach.history.when import WhenError, parse_when

UTC = UTC


@pytest.mark.parametrize("moment, night", [
    (datetime(2026, 11, 21, 22, 0), date(2026, 11, 21)),
    (datetime(2026, 11, 21, 23, 59), date(2026, 11, 21)),
    (datetime(2026, 11, 22, 0, 0), date(2026, 11, 21)),
    (datetime(2026, 11, 22, 3, 0), date(2026, 11, 21)),
    (datetime(2026, 11, 22, 11, 59), date(2026, 11, 21)),
    (datetime(2026, 11, 22, 12, 0), date(2026, 11, 22)),
    (datetime(2026, 12, 1, 2, 0), date(2026, 11, 30)),  # across a month end
    (datetime(2027, 1, 1, 1, 0), date(2026, 12, 31)),  # and a year end
])
def test_a_night_runs_from_noon_to_noon(moment, night):
    assert night_of(moment) == night


def test_the_last_complete_night():
    assert last_complete_night(datetime(2026, 11, 22, 3, 0)) == date(2026, 11, 20)
    assert last_complete_night(datetime(2026, 11, 22, 15, 0)) == date(2026, 11, 21)
    assert last_complete_night(datetime(2026, 11, 22, 7, 0)) == date(2026, 11, 21)  # the morning after


def test_the_morning_after_a_routine_counts_last_night_in_the_stats_as_in_the_grid():
    """At 07:00 the grid shows last night's routine: the stats count it too, once it is answered,
    and until then say it is waiting for an answer rather than "0 with a routine"."""
    morning = datetime(2026, 11, 22, 7, 0)
    sessions = [session(date(2026, 11, 20), "partial"), session(date(2026, 11, 21))]
    unanswered = compute(sessions, [], morning, {date(2026, 11, 20)})
    assert unanswered.unanswered_routine_nights == 1
    assert "1 night with a routine done has no answer yet" in unanswered.answered_line
    assert unanswered.warning.startswith("Too few answered nights to compare yet (0 answered nights after a "
                                         "routine, 1 without)")
    answered = compute(sessions, [], morning, {date(2026, 11, 20), date(2026, 11, 21)})
    assert (answered.with_routine.nights, answered.without_routine.nights) == (1, 1)
    assert answered.unanswered_routine_nights == 0 and "no answer yet" not in answered.answered_line
    assert answered.warning.startswith("Too few answered nights to compare yet (1 answered night after a routine")
    assert answered.current_streak == 1


@pytest.mark.parametrize("text, expected", [
    ("now", (2026, 11, 22, 8, 30)),
    ("03:00", (2026, 11, 22, 3, 0)),
    ("last night 03:10", (2026, 11, 22, 3, 10)),
    ("last night 23:30", (2026, 11, 21, 23, 30)),
    ("yesterday 22:00", (2026, 11, 21, 22, 0)),
    ("today 2.15", (2026, 11, 22, 2, 15)),
    ("2026-11-20T04:00", (2026, 11, 20, 4, 0)),
    ("2026-11-20 04:00", (2026, 11, 20, 4, 0)),
])
def test_when_a_cramp_happened(london, text, expected):
    now = local(2026, 11, 22, 8, 30)
    assert parse_when(text, now) == local(*expected)


@pytest.mark.parametrize("text, message", [
    ("25:00", "is not a time of day"), ("tomorrow", "is not a time coach understands"),
    ("today 09:00", "is in the future"), ("2030-01-01T00:00", "is in the future"),
])
def test_bad_times_get_a_clear_reason(london, text, message):
    with pytest.raises(WhenError, match=message):
        parse_when(text, local(2026, 11, 22, 8, 30))


def test_a_time_before_the_clocks_went_back_keeps_its_own_offset(london):
    now = local(2026, 10, 25, 9, 0)  # clocks went back at 02:00 this morning
    cramp = parse_when("yesterday 23:00", now)
    assert cramp.utcoffset() == timedelta(hours=1) and now.utcoffset() == timedelta(0)
    assert night_of(cramp) == date(2026, 10, 24) == night_of(parse_when("01:30", now))


def session(night: date, status: str = "completed") -> SessionRecord:
    started = datetime.combine(night, datetime.min.time(), UTC) + timedelta(hours=22)
    return SessionRecord(0, "evening", "Evening", started, night, None, status, 590, 590.0)


def cramp(night: date, severity: int = 5) -> CrampRecord:
    at = datetime.combine(night, datetime.min.time(), UTC) + timedelta(hours=27)
    return CrampRecord(0, at, night, "left", severity, 2.0, None)


def test_streaks_run_across_a_month_end_and_a_clock_change():
    nights = {date(2026, 10, 22) + timedelta(days=n) for n in range(14)}  # Oct 22 to Nov 4
    current, best = streaks(nights, datetime(2026, 11, 5, 9, 0))
    assert (current, best) == (14, 14)  # 09:00 on Nov 5: last night (Nov 4) counts
    assert streaks(nights, datetime(2026, 11, 5, 20, 0)) == (14, 14)  # tonight not done yet
    assert streaks(nights, datetime(2026, 11, 6, 2, 0)) == (14, 14)  # 02:00: Nov 5 still open
    assert streaks(nights, datetime(2026, 11, 6, 9, 0)) == (0, 14)  # morning: Nov 5 was missed


def test_a_partial_routine_does_not_keep_a_streak():
    done = {s.night for s in [session(date(2026, 11, 20)), session(date(2026, 11, 21), "partial")]
            if s.status == "completed"}
    assert streaks(done, datetime(2026, 11, 22, 9, 0)) == (0, 1)


def test_stats_with_tiny_groups_warn_instead_of_claiming():
    now = datetime(2026, 11, 25, 3, 0)
    sessions = [session(date(2026, 11, 21)), session(date(2026, 11, 22))]
    cramps = [cramp(date(2026, 11, 20), 8), cramp(date(2026, 11, 22), 4), cramp(date(2026, 11, 23), 6)]
    answered = {date(2026, 11, 21), date(2026, 11, 24)}  # with the cramp nights; Nov 24 is not over
    stats = compute(sessions, cramps, now, answered)
    # Answered nights: Nov 20 to Nov 23 (the night of Nov 24 is still going at 03:00 on Nov 25).
    assert (stats.with_routine.nights, stats.with_routine.cramps) == (2, 1)
    assert (stats.without_routine.nights, stats.without_routine.cramps) == (2, 2)
    assert stats.with_routine.per_night == 0.5 and stats.without_routine.mean_severity == 7
    assert stats.warning.startswith("Too few answered nights to compare yet (2 answered nights after a routine, 2 without)")
    assert (stats.answered_nights, stats.span_nights) == (4, 4)
    assert (stats.done_last_7, stats.done_last_30, stats.current_streak) == (2, 2, 0)


def test_stats_with_large_groups_compare_without_a_warning():
    start = date(2026, 9, 1)
    sessions = [session(start + timedelta(days=n)) for n in range(60) if n % 3]  # 40 nights done
    cramps = [cramp(start + timedelta(days=n), 3 if n % 3 else 7) for n in range(60) if n % 2 == 0]
    answered = {start + timedelta(days=n) for n in range(62)}
    stats = compute(sessions, cramps, datetime(2026, 11, 1, 3, 0), answered)  # Sep 1 to Oct 30 are over
    assert stats.with_routine.nights == 40 and stats.without_routine.nights == 20
    assert stats.with_routine.cramps + stats.without_routine.cramps == 30
    assert stats.with_routine.mean_severity == 3 and stats.without_routine.mean_severity == 7
    assert stats.warning is None


def test_nights_nobody_answered_are_left_out_not_counted_as_cramp_free():
    """Someone who stops opening coach for a month must not gain 30 cramp-free nights."""
    start = date(2026, 9, 1)
    sessions = [session(start + timedelta(days=n)) for n in range(0, 28, 2)]  # every other night, 4 weeks
    cramps = [cramp(start + timedelta(days=n)) for n in range(1, 28, 2)]  # a cramp on each night without
    answered = {start + timedelta(days=n) for n in range(28)}
    stats = compute(sessions, cramps, datetime(2026, 11, 1, 3, 0), answered)  # then a silent month
    assert (stats.answered_nights, stats.span_nights) == (28, 60)  # Sep 1 to Oct 30
    assert stats.without_routine.nights == 14 and stats.without_routine.per_night == 1.0
    assert stats.with_routine.per_night == 0.0
    assert stats.comparison is not None and stats.comparison.observational
    assert stats.comparison.ratio.high < 1  # the month of silence did not flip the comparison
