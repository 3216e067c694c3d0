"""coach history export / import: everything moves, twice adds nothing, bad files change nothing."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timedelta

from test_cli_history import coach

from coach.history.store import HistoryStore


def seed(store: HistoryStore) -> None:
    start = datetime(2026, 10, 25, 22, 0).astimezone()  # the night the clocks went back in Europe
    for n in range(5):
        evening = start + timedelta(days=n)
        session = store.start_session("evening", "Evening stretches", 590, evening)
        store.record_step(session, 0, "wall-calf-stretch", "left", 50, 48.5, "done")
        store.finish_session(session, "completed", evening + timedelta(minutes=10))
        store.check_in(evening.date(), evening + timedelta(hours=10))
    store.log_cramp(start + timedelta(hours=5), "left", 6, 3.5, "woke me", place="foot", woke=True)
    store.start_plan("programme", date(2026, 10, 25), "BRRRRRR", start)


def counts(store: HistoryStore) -> tuple[int, int, int, int, int]:
    steps = sum(len(store.steps(s.id)) for s in store.sessions())
    return len(store.sessions()), steps, len(store.cramps()), len(store.answered_nights()), len(store.plans())


def test_everything_moves_to_another_computer_and_importing_twice_adds_nothing(tmp_path, monkeypatch):
    seed(HistoryStore())
    exported = tmp_path / "moving.json"
    result = coach("history", "export", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 5 routines, 1 cramp, 5 check-ins and 1 plan to {exported}."
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    again = coach("history", "export", str(exported))
    assert again.returncode == 2 and "already exists" in again.stderr
    original = HistoryStore()
    before = counts(original)

    monkeypatch.setenv("COACH_HOME", str(tmp_path / "new-computer"))
    first = coach("history", "import", str(exported))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"Imported 5 routines, 1 cramp, 5 check-ins and 1 plan from {exported}."
    moved = HistoryStore()
    assert counts(moved) == before == (5, 5, 1, 5, 1)
    (cramp,) = moved.cramps()
    assert (cramp.place, cramp.woke, cramp.minutes, cramp.note) == ("foot", True, 3.5, "woke me")
    assert [s.started_at for s in moved.sessions()] == [s.started_at for s in original.sessions()]
    assert moved.current_plan().weeks == "BRRRRRR"
    second = coach("history", "import", str(exported))
    assert second.stdout.strip() == f"Nothing new in {exported}: everything in it is already here."
    assert counts(HistoryStore()) == before


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(tmp_path):
    seed(HistoryStore())
    good = tmp_path / "good.json"
    assert coach("history", "export", str(good)).returncode == 0
    document = json.loads(good.read_text())
    store = HistoryStore()
    store.log_cramp(datetime(2026, 11, 20, 3, 0).astimezone(), "right", 2)
    before = counts(store)
    half_bad = dict(document, cramps=[*document["cramps"], {"at": "2026-11-01T03:00:00+00:00", "leg": "left",
                                                            "severity": 42}])
    half_bad["routines"][0]["started_at"] = "2020-01-01T22:00:00+00:00"  # new, and would be added
    cases = {
        "damaged.json": (good.read_text()[:200], "damaged.json:"),
        "foreign.json": (json.dumps({"name": "something else"}), "this is not a coach history export"),
        "newer.json": (json.dumps(dict(document, version=99)), "this export is version 99"),
        "half-bad.json": (json.dumps(half_bad), "cramp 2: severity 42 is not between 1 and 10"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        result = coach("history", "import", str(path))
        assert result.returncode == 2 and message in result.stderr, (name, result.stderr)
        assert result.stderr.rstrip().endswith("nothing was imported") and "Traceback" not in result.stderr
        assert counts(HistoryStore()) == before, name
    missing = coach("history", "import")
    assert missing.returncode == 2 and "name the file: coach history import FILE" in missing.stderr
