"""Cramp entries with where, woke and bounds; corrections, deletion and undo; morning check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coach.history.cramp_entry import CrampEntry, CrampValueError, parse_minutes, parse_severity, parse_yes_no
from coach.history.store import SCHEMA_VERSION, HistoryStore

from helpers import history_at_schema

T0 = datetime(2026, 11, 21, 3, 10, tzinfo=UTC)  # the night of 20 November


def test_an_entry_keeps_where_and_whether_it_woke_you(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    cramp_id = store.log_cramp(T0, "left", 7, 12, "  after a long walk  ", place="foot", woke=True)
    (cramp,) = store.cramps()
    assert (cramp.id, cramp.place, cramp.woke, cramp.note, cramp.night) == (
        cramp_id, "foot", True, "after a long walk", date(2026, 11, 20))


@pytest.mark.parametrize(("change", "field"), [
    ({"leg": "middle"}, "leg"), ({"severity": 0}, "severity"), ({"severity": 11}, "severity"),
    ({"minutes": -1.0}, "minutes"), ({"minutes": 241.0}, "minutes"), ({"minutes": float("nan")}, "minutes"),
    ({"place": "knee"}, "place"), ({"note": "x" * 501}, "note"),
])
def test_values_out_of_bounds_are_refused_naming_the_field_and_nothing_is_stored(tmp_path, change, field):
    store = HistoryStore(tmp_path / "h.sqlite3")
    values = {"at": T0, "leg": "left", "severity": 5, "minutes": 2.0, "note": None, "place": "calf"} | change
    with pytest.raises(CrampValueError) as problem:
        store.add_cramp(CrampEntry(**values))
    assert problem.value.field == field
    assert store.cramps() == []


def test_typed_values_are_read_or_refused_with_the_field_named():
    assert parse_minutes(" 1,5 ") == 1.5 and parse_minutes("") is None
    assert parse_severity("7") == 7
    assert (parse_yes_no("Y"), parse_yes_no("no"), parse_yes_no("")) == (True, False, None)
    for parse, text, field in [(parse_minutes, "two", "minutes"), (parse_severity, "12", "severity"),
                               (parse_severity, "", "severity"), (parse_yes_no, "maybe", "woke")]:
        with pytest.raises(CrampValueError) as problem:
            parse(text)
        assert problem.value.field == field


def test_an_entry_can_be_corrected_deleted_and_put_back_under_its_old_id(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    first = store.log_cramp(T0, "left", 7)
    second = store.log_cramp(T0 + timedelta(minutes=30), "right", 3)
    corrected = store.correct_cramp(first, CrampEntry(T0 - timedelta(hours=16), "both", 4, 2.0, "fixed", "thigh", False))
    assert (corrected.leg, corrected.severity, corrected.place, corrected.woke, corrected.night) == (
        "both", 4, "thigh", False, date(2026, 11, 19))
    gone = store.delete_cramp(second)
    assert [c.id for c in store.cramps()] == [first]
    store.restore_cramp(gone)
    assert store.cramp(second) == gone
    with pytest.raises(KeyError):
        store.delete_cramp(99)
    with pytest.raises(KeyError):
        store.correct_cramp(99, CrampEntry(T0, "left", 5))
    with pytest.raises(CrampValueError):
        store.correct_cramp(first, CrampEntry(T0, "left", 50))
    assert store.cramp(first) == corrected


def test_a_night_is_answered_by_a_check_in_or_a_cramp_and_otherwise_unknown(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    assert store.check_in(date(2026, 11, 18)) is True
    assert store.check_in(date(2026, 11, 18)) is False  # twice is still one answer
    store.log_cramp(T0, "left", 5)
    assert store.answered_nights() == {date(2026, 11, 18), date(2026, 11, 20)}
    assert store.answered_nights(since=date(2026, 11, 19)) == {date(2026, 11, 20)}
    assert store.is_answered(date(2026, 11, 20)) and not store.is_answered(date(2026, 11, 19))


def test_a_version_2_history_gains_places_check_ins_and_plans_keeping_its_cramps(tmp_path):
    path = tmp_path / "h.sqlite3"
    connection = history_at_schema(path, 2)
    connection.execute("INSERT INTO cramps (at, night, leg, severity, logged_at) VALUES "
                       "('2026-11-01T03:00:00+00:00', '2026-10-31', 'left', 4, '2026-11-01T08:00:00+00:00')")
    connection.close()
    store = HistoryStore(path)
    (cramp,) = store.cramps()
    assert (cramp.leg, cramp.severity, cramp.place, cramp.woke) == ("left", 4, None, None)  # not said then
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert store.answered_nights() == {date(2026, 10, 31)}
    assert store.plans() == []


def test_answered_nights_across_the_clocks_going_back_count_once_each(london, tmp_path):
    """25 Oct 2026: 01:30 happens twice in London. Nights are dates, so none is longer or doubled."""
    from conftest import local

    from coach.history.stats import compute

    store = HistoryStore(tmp_path / "h.sqlite3")
    first_0130 = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST
    second_0130 = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 01:30 GMT, an hour later
    store.log_cramp(first_0130, "left", 5)
    store.log_cramp(second_0130, "left", 7)
    for day in (22, 23, 25, 26):
        store.check_in(date(2026, 10, day))  # the 24th answered by its cramps
        evening = local(2026, 10, day, 22, 0)
        session = store.start_session("evening", "Evening", 590, evening)
        store.finish_session(session, "completed" if day % 2 else "partial", evening + timedelta(minutes=10))
    assert {c.night for c in store.cramps()} == {date(2026, 10, 24)}
    stats = compute(store.night_records(), store.cramps(), local(2026, 10, 28, 3, 0), store.answered_nights())
    assert (stats.answered_nights, stats.span_nights) == (5, 5)  # 22nd to 26th; at 03:00 the 27th is not over
    assert (stats.with_routine.nights, stats.with_routine.cramps) == (2, 0)  # the 23rd and the 25th
    assert (stats.without_routine.nights, stats.without_routine.cramps) == (3, 2)  # both on the 24th
