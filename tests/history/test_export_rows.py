"""The export's column-at-a-time checks agree with checking each row on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coach.history.export_rows import cramp_row, cramp_rows_if_sound, session_row, session_rows_sound
from coach.history.store import HistoryStore

MOMENTS = st.sampled_from(["2026-11-20T22:00:00+00:00", "2026-03-29T01:30:05.000250+02:00",  # sound
                           "2026-11-20T22:00:00", "20X6-01-01T03:00", "", 42, None])  # no zone, damaged, wrong
DATES = st.sampled_from(["2026-11-20", "2026-13-45", "", 7, None])
ENDS = st.sampled_from(["2026-11-20T22:10:00+01:00", None, "", "2026-11-20T22:10:00", "later"])
MINUTES = st.sampled_from([None, 0, 2, 1.5, float("inf"), float("nan"), "two"])
WOKE = st.sampled_from([None, 0, 1])
SESSIONS = st.lists(st.tuples(st.integers(1, 9), st.just("quick"), st.just("Quick"), MOMENTS, DATES, ENDS,
                              st.just("completed"), st.just(220), st.floats(0, 300)), max_size=6)
CRAMPS = st.lists(st.tuples(st.integers(1, 9), MOMENTS, DATES, st.just("left"), st.integers(1, 10), MINUTES,
                            st.none() | st.text(max_size=5), st.just("calf"), WOKE), max_size=6)


def each_on_its_own(check, rows):
    """The rows each check passes, as the store's one-row-at-a-time reading keeps them; None if any fails."""
    kept = []
    for row in rows:
        try:
            kept.append(check(row))
        except (ValueError, TypeError, OverflowError):
            return None
    return kept


@given(SESSIONS)
def test_sessions_are_sound_as_columns_exactly_when_every_row_passes_on_its_own(rows):
    one_by_one = each_on_its_own(session_row, rows)
    if session_rows_sound(rows):
        assert one_by_one == rows  # nothing for the row-by-row reading to leave out or change
    else:
        assert one_by_one is None or any(row[5] == "" for row in rows)  # an empty end: read as no end


@given(CRAMPS)
def test_cramps_read_as_columns_give_what_reading_each_row_gives(rows):
    assert cramp_rows_if_sound(rows) == each_on_its_own(cramp_row, rows)


def test_the_export_leaves_out_damaged_rows_as_the_records_do(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    t0 = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
    for day in range(3):
        store.finish_session(store.start_session("quick", "Quick", 220, t0 + timedelta(days=day)), "completed",
                             t0 + timedelta(days=day, minutes=4))
        store.log_cramp(t0 + timedelta(days=day, hours=5), "left", 4, 2.5, woke=day == 1)
    store.connection.execute("UPDATE sessions SET started_at = '2026-11-21T22:00:00' WHERE id = 2")  # no zone
    store.connection.execute("UPDATE cramps SET minutes = 9e999 WHERE id = 3")
    sessions = store.session_values()
    assert [s["id"] for s in sessions] == [s.id for s in store.sessions()] == [1, 3]
    assert sessions[0] == {"id": 1, "routine": "quick", "title": "Quick", "started_at": "2026-11-20T22:00:00+00:00",
                           "night": "2026-11-20", "ended_at": "2026-11-20T22:04:00+00:00", "status": "completed",
                           "planned_seconds": 220, "actual_seconds": 0}
    cramps = store.cramp_values()
    assert [(c["id"], c["woke"]) for c in cramps] == [(1, False), (2, True)]
    assert len(store.damaged) == 2 and all("was skipped" in note for note in store.damaged)


def test_answered_nights_for_the_export_are_the_iso_dates_in_order(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    t0 = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
    store.check_in(t0.date() + timedelta(days=2))
    store.log_cramp(t0 + timedelta(hours=5), "left", 4)
    store.check_in(t0.date() - timedelta(days=30))
    assert store.answered_night_values() == sorted(night.isoformat() for night in store.answered_nights())
    assert len(store.answered_night_values()) == 3
