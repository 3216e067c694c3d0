"""Each session's total of seconds, kept in the sessions table by triggers (schema version 5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.history.store import SCHEMA_VERSION, HistoryStore, _statements

from helpers import history_at_schema

T0 = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)


def total(store: HistoryStore, session: int) -> float:
    return store.connection.execute("SELECT actual_seconds FROM sessions WHERE id = ?", (session,)).fetchone()[0]


def summed(store: HistoryStore, session: int) -> float:
    return store.connection.execute("SELECT COALESCE(SUM(actual_seconds), 0) FROM steps WHERE session_id = ?",
                                    (session,)).fetchone()[0]


def test_a_version_4_history_gains_each_sessions_total_from_its_steps(tmp_path):
    path = tmp_path / "h.sqlite3"
    connection = history_at_schema(path, 4)
    for session, seconds in ((1, (30.5, 29.25, 10)), (2, ()), (3, (12.0,))):
        connection.execute("INSERT INTO sessions (id, routine, title, started_at, night, status, planned_seconds) "
                           "VALUES (?, 'quick', 'Quick', ?, '2026-11-20', 'completed', 220)",
                           (session, (T0 + timedelta(minutes=session)).isoformat()))
        for index, value in enumerate(seconds):
            connection.execute("INSERT INTO steps VALUES (?, ?, 'wall-calf-stretch', 'left', 30, ?, 'done')",
                               (session, index, value))
    connection.close()
    store = HistoryStore(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert [s.actual_seconds for s in store.sessions()] == [69.75, 0, 12.0]
    plan = store.connection.execute("EXPLAIN QUERY PLAN SELECT id FROM sessions ORDER BY started_at").fetchall()
    assert "sessions_by_start" in str(plan)  # read in order from the index, not sorted each time


def test_the_total_follows_every_step_added_corrected_or_removed(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    first, second = store.start_session("quick", "Quick", 220, T0), store.start_session("quick", "Quick", 220, T0)
    store.record_step(first, 0, "wall-calf-stretch", "left", 30, 30.0, "done")
    store.record_step(first, 1, "wall-calf-stretch", "right", 30, 12.5, "skipped")
    store.record_step(second, 0, "wall-calf-stretch", "left", 30, 7.0, "done")
    assert (total(store, first), total(store, second)) == (42.5, 7.0)
    store.record_step(first, 1, "wall-calf-stretch", "right", 30, 30.0, "done")  # the same step, done again
    assert total(store, first) == 60.0
    store.connection.execute("UPDATE steps SET session_id = ? WHERE session_id = ? AND step_index = 1",
                             (second, first))
    assert (total(store, first), total(store, second)) == (30.0, 37.0)
    store.connection.execute("DELETE FROM steps WHERE session_id = ?", (first,))
    assert (total(store, first), total(store, second)) == (0, 37.0)
    assert all(total(store, s) == summed(store, s) for s in (first, second))


def test_an_imported_history_has_its_totals_too(tmp_path):
    from coach.history.transfer import export_history, import_history

    source = HistoryStore(tmp_path / "a.sqlite3")
    session = source.start_session("quick", "Quick", 220, T0)
    for index, seconds in enumerate((30.0, 0.25, 29.5)):
        source.record_step(session, index, "wall-calf-stretch", "left", 30, seconds, "done")
    source.finish_session(session, "completed", T0 + timedelta(minutes=4))
    target = HistoryStore(tmp_path / "b.sqlite3")
    import_history(target, export_history(source))
    assert [s.actual_seconds for s in target.sessions()] == [59.75]


def test_a_script_is_split_into_statements_keeping_each_triggers_body_whole():
    script = """
    CREATE TABLE t (a);
    CREATE TRIGGER t_added AFTER INSERT ON t BEGIN
        UPDATE t SET a = a + 1; UPDATE t SET a = a * 2;
    END;
    INSERT INTO t VALUES (';');
    """
    statements = _statements(script)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    assert statements[2] == "INSERT INTO t VALUES (';');"
    with pytest.raises(ValueError, match="unfinished"):
        _statements("CREATE TRIGGER x AFTER INSERT ON t BEGIN UPDATE t SET a = 1;")
