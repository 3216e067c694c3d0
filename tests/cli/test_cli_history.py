"""coach cramp, history, stats and report, run as separate processes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from coach.cli.history import indented_json
from coach.history.store import HistoryStore, default_path


def coach(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          timeout=60, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)


def test_logging_a_cramp_says_which_night_it_belongs_to():
    result = coach("cramp", "--when", "yesterday 23:40", "--leg", "right", "--severity", "7",
                   "--minutes", "12", "--note", "calf")
    assert result.returncode == 0, result.stderr
    yesterday = datetime.now() - timedelta(days=1)
    assert result.stdout.splitlines() == [
        f"Logged: right leg, severity 7/10, {yesterday.strftime('%a %d %b')} 23:40 "
        f"(the night of {yesterday.strftime('%a %d %b')}).",
        "Get urgent advice today: "
        "a cramp over 10 minutes that does not ease with stretching.",
    ]
    (cramp,) = HistoryStore().cramps()
    assert (cramp.leg, cramp.severity, cramp.minutes, cramp.note) == ("right", 7, 12, "calf")


def test_bad_cramp_input_is_one_clear_line():
    for args, message in [
        (["--when", "tomorrow", "--leg", "left", "--severity", "3"], "'tomorrow' is not a time coach understands"),
        (["--leg", "left", "--severity", "0"], "severity 0 is not between 1 and 10"),
        (["--leg", "left", "--severity", "3", "--minutes", "-2"], "minutes cannot be negative"),
        (["--severity", "3"], "missing an answer to 'Which leg? (left, right, both)'"),
    ]:
        result = coach("cramp", *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not default_path().exists() or HistoryStore().cramps() == []


def seed_history() -> None:
    store = HistoryStore()
    now = datetime.now().astimezone().replace(hour=22, minute=0, second=0, microsecond=0)
    for days in range(1, 4):
        started = now - timedelta(days=days)
        session = store.start_session("evening", "Evening stretches", 590, started)
        store.record_step(session, 0, "leg-check", "both", 10, 10.0, "done")
        store.finish_session(session, "completed" if days != 2 else "partial", started + timedelta(minutes=10))
    store.log_cramp(now - timedelta(days=2) + timedelta(hours=5), "left", 6, 3, "woke up")


def test_history_as_a_table_json_and_csv():
    seed_history()
    table = coach("history").stdout.splitlines()
    assert table[0].split() == ["WHEN", "NIGHT", "OF", "WHAT", "DETAILS"]
    assert sum("routine  Evening stretches (evening)" in line for line in table) == 3
    assert any("cramp    left leg, severity 6/10  3 min  woke up" in line for line in table)
    data = json.loads(coach("history", "--json").stdout)
    assert [r["status"] for r in data["routines"]] == ["completed", "partial", "completed"]
    assert data["cramps"][0]["leg"] == "left" and data["cramps"][0]["note"] == "woke up"
    rows = list(csv.DictReader(io.StringIO(coach("history", "--csv").stdout)))
    assert [row["kind"] for row in rows] == ["routine"] * 3 + ["cramp"]
    assert rows[-1]["status_or_leg"] == "left" and rows[-1]["seconds_or_severity"] == "6"


def test_the_json_export_is_every_record_with_its_dates_in_iso_8601():
    """Exactly what json.dumps(indent=2) makes of each record's fields, dates as isoformat()."""
    store = HistoryStore()
    started = datetime(2026, 3, 29, 1, 30, 5, 250, tzinfo=timezone(timedelta(hours=2)))
    finished = store.start_session("evening", "Evening \"stretches\"\n", 590, started)
    store.record_step(finished, 0, "leg-check", "both", 10, 9.75, "done")
    store.record_step(finished, 1, "wall-calf-stretch", "left", 30, 30, "done")
    store.finish_session(finished, "completed", started + timedelta(minutes=10))
    store.start_session("quick", "Quick", 210, datetime(2026, 3, 30, 22, 0, tzinfo=UTC))  # never finished: no end
    store.log_cramp(datetime(2026, 3, 31, 3, 0, tzinfo=UTC), "right", 8)  # no minutes, no note
    store.log_cramp(started, "left", 2, 0.5, "caf\u00e9 \u2014 after a walk")

    def plain(record: object) -> dict[str, object]:
        return {name: value.isoformat() if hasattr(value, "isoformat") else value
                for name, value in dataclasses.asdict(record).items()}

    exported = coach("history", "--json").stdout  # which also marks the unfinished one interrupted
    store = HistoryStore()
    expected = json.dumps({"routines": [plain(r) for r in store.sessions()],
                           "cramps": [plain(c) for c in store.cramps()]}, indent=2)
    assert exported == expected + "\n"
    routines = json.loads(exported)["routines"]
    assert [(r["actual_seconds"], r["ended_at"], r["status"]) for r in routines] == \
        [(39.75, "2026-03-29T01:40:05.000250+02:00", "completed"), (0, None, "interrupted")]


def test_stats_show_the_streak_and_warn_about_small_numbers():
    seed_history()
    lines = coach("stats").stdout.splitlines()
    assert lines[0].startswith("Streak: ")
    assert lines[1] == "Routines done: 2 of the last 7 nights, 2 of the last 30"
    assert lines[-1].startswith("Too few nights to compare yet")


def test_report_writes_a_markdown_page_for_a_doctor(tmp_path):
    seed_history()
    target = tmp_path / "for-my-gp.md"
    result = coach("report", "--weeks", "2", "--output", str(target))
    assert result.returncode == 0 and result.stdout.strip() == f"Wrote {target}"
    text = target.read_text()
    assert text.startswith("# Night leg cramps: 2-week summary")
    assert "- Routine completed on 2 of 14 nights (14%)." in text
    assert "- 1 cramp(s) on 1 of 14 nights." in text and "- Side: left 1, right 0, both 0." in text
    assert "| week starting | cramps | mean severity (1-10) |" in text
    assert text.rstrip().endswith("not a medical assessment.")


def test_a_damaged_history_is_kept_aside_and_coach_carries_on():
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage, not sqlite" * 50)
    result = coach("cramp", "--leg", "both", "--severity", "2")
    assert result.returncode == 0
    assert result.stderr.startswith("coach: Your history file could not be read")
    assert "Traceback" not in result.stderr
    (backup,) = path.parent.glob("history.sqlite3.unreadable-*")
    assert backup.read_bytes() == b"garbage, not sqlite" * 50
    assert len(HistoryStore().cramps()) == 1


def test_a_plain_run_is_recorded(coach_home):
    (coach_home / "routines").mkdir()
    (coach_home / "routines" / "tiny.yaml").write_text(
        "name: tiny\ntitle: Tiny\nget_ready: 0\nsteps:\n  - exercise: toe-pulls\n    duration: 1\n")
    assert coach("run", "tiny", "--plain", "--quiet").returncode == 0
    (session,) = HistoryStore().sessions()
    assert (session.routine, session.status) == ("tiny", "completed")
    assert [(s.exercise, s.status) for s in HistoryStore().steps(session.id)] == [("toe-pulls", "done")]


def test_a_history_folder_that_cannot_be_written_is_one_clear_line(monkeypatch):
    monkeypatch.setenv("COACH_HOME", "/sys/coach-test")  # read-only even for root
    result = coach("cramp", "--leg", "left", "--severity", "3")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("coach: cannot create /sys/coach-test/history.sqlite3")
    assert result.stderr.rstrip().endswith("or set COACH_HOME to another folder")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@given(JSON_VALUES)
def test_the_export_writes_exactly_what_the_standard_json_module_writes(value):
    assert indented_json(value) == json.dumps(value, indent=2)


FLAT_RECORDS = st.lists(st.dictionaries(st.text(max_size=8), st.none() | st.booleans() | st.integers()
                                        | st.floats(allow_nan=False) | st.text(alphabet="{},\n\" :ab"),
                                        min_size=1, max_size=4), min_size=1, max_size=5)


@given(FLAT_RECORDS, st.integers(min_value=0, max_value=3))
def test_a_list_of_flat_records_is_written_as_the_standard_json_module_writes(records, depth):
    """Records whose text looks like the separators ("},\\n  {") must not be split there."""
    assert indented_json({"records": records}) == json.dumps({"records": records}, indent=2)
    assert indented_json([records] * depth or records) == json.dumps([records] * depth or records, indent=2)
