"""coach cramp, history, stats and report, run as separate processes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

from coach.history.nights import night_of
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
        f"Logged #1: right calf, severity 7/10, {yesterday.strftime('%a %d %b')} 23:40 "
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
        (["--leg", "left", "--severity", "3", "--minutes", "-2"], "how long it lasted cannot be negative"),
        (["--leg", "left", "--severity", "3", "--minutes", "600"], "600 minutes is longer than 240"),
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
    assert any("cramp    #1 left calf, severity 6/10  3 min  woke up" in line for line in table)
    data = json.loads(coach("history", "--json").stdout)
    assert [r["status"] for r in data["routines"]] == ["completed", "partial", "completed"]
    assert data["cramps"][0]["leg"] == "left" and data["cramps"][0]["note"] == "woke up"
    routines = list(csv.DictReader(io.StringIO(coach("history", "--csv", "routines").stdout)))
    assert [row["status"] for row in routines] == ["completed", "partial", "completed"]
    assert list(routines[0]) == ["started_at", "night", "routine", "title", "status", "seconds_done",
                                 "seconds_planned"]
    (cramp,) = csv.DictReader(io.StringIO(coach("history", "--csv", "cramps").stdout))
    assert (cramp["leg"], cramp["where"], cramp["severity"], cramp["minutes"], cramp["note"]) == (
        "left", "calf", "6", "3", "woke up")
    checkins = list(csv.DictReader(io.StringIO(coach("history", "--csv", "checkins").stdout)))
    assert [row["cramps"] for row in checkins] == ["yes"]


def test_history_refuses_a_period_that_shows_nothing():
    for days in ("0", "-3"):
        result = coach("history", "--days", days)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip() == f"coach: --days {days} shows nothing — give 1 or more, like --days 30"


def test_an_entry_is_corrected_and_deleted_from_the_command_line():
    assert coach("cramp", "--leg", "left", "--severity", "4", "--when", "03:00").returncode == 0
    result = coach("cramp", "--edit", "1", "--severity", "8", "--where", "foot", "--woke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Corrected #1: left foot, severity 8/10")
    (cramp,) = HistoryStore().cramps()
    assert (cramp.severity, cramp.place, cramp.woke, cramp.at.strftime("%H:%M")) == (8, "foot", True, "03:00")
    refused = coach("cramp", "--edit", "1", "--severity", "12")
    assert refused.returncode == 2 and "severity 12 is not between 1 and 10" in refused.stderr
    assert HistoryStore().cramps()[0].severity == 8
    assert coach("cramp", "--delete", "1").stdout.startswith("Deleted #1: left foot, severity 8/10")
    missing = coach("cramp", "--delete", "1")
    assert missing.returncode == 2 and "there is no cramp entry #1" in missing.stderr
    assert HistoryStore().cramps() == []


def test_in_a_terminal_coach_cramp_asks_again_saying_why_then_asks_minutes_woke_and_note():
    import os
    import pty

    controller, terminal = pty.openpty()
    answers = "middle\nright\n\n15\n6\nabout two\n2\ny\nafter the stairs\n"
    process = subprocess.Popen([sys.executable, "-m", "coach", "cramp", "--when", "03:00"], stdin=terminal,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(terminal)
    os.write(controller, answers.encode())
    out, err = process.communicate(timeout=60)
    os.close(controller)
    assert process.returncode == 0, err
    assert "'middle' is not a leg — choose left, right or both" in out
    assert "severity 15 is not between 1 and 10" in out
    assert "'about two' is not a number of minutes" in out
    (cramp,) = HistoryStore().cramps()
    assert (cramp.leg, cramp.place, cramp.severity, cramp.minutes, cramp.woke, cramp.note) == (
        "right", "calf", 6, 2.0, True, "after the stairs")


def test_checkin_none_answers_last_night_and_unanswered_nights_stay_unknown():
    status = coach("checkin")
    assert "not answered yet" in status.stdout and "coach checkin --none" in status.stdout
    result = coach("checkin", "--none")
    assert result.returncode == 0 and result.stdout.startswith("Noted: no cramps on the night of")
    assert "answered: no cramps" in coach("checkin").stdout
    assert len(HistoryStore().answered_nights()) == 1
    assert coach("cramp", "--leg", "left", "--severity", "3", "--when", "2026-01-10T03:00").returncode == 0
    clash = coach("checkin", "--none", "--night", "2026-01-09")
    assert clash.returncode == 2 and "you logged 1 cramp for the night of 2026-01-09 — delete it first" in clash.stderr
    future = coach("checkin", "--none", "--night", "2999-01-01")
    assert future.returncode == 2 and "is not over yet" in future.stderr


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
                           "cramps": [plain(c) for c in store.cramps()],
                           "checkins": sorted(night.isoformat() for night in store.answered_nights())},
                          indent=2, ensure_ascii=False)  # UTF-8, as JSON is exchanged: "café", not "caf\u00e9"
    assert exported == expected + "\n"
    routines = json.loads(exported)["routines"]
    assert [(r["actual_seconds"], r["ended_at"], r["status"]) for r in routines] == \
        [(39.75, "2026-03-29T01:40:05.000250+02:00", "completed"), (0, None, "interrupted")]


def test_stats_show_the_streak_and_warn_about_small_numbers():
    seed_history()
    lines = coach("stats").stdout.splitlines()
    assert lines[0].startswith("Streak: ")
    assert lines[1] == "Routines done: 2 of the last 7 nights, 2 of the last 30"
    assert lines[2].startswith("Nights answered: 1 of ")  # only the night with a cramp has an answer
    assert "2 nights with a routine done have no answer yet" in lines[2]  # counted in the grid, not the rates
    assert lines[-1].startswith("Too few answered nights to compare yet (0 answered nights after a routine, "
                                "1 without)")


def test_a_cramp_in_both_legs_is_said_in_the_plural_everywhere():
    logged = coach("cramp", "--leg", "both", "--severity", "5", "--when", "2026-01-10T03:00")
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith("Logged #1: both calves, severity 5/10")  # the calf unless told
    corrected = coach("cramp", "--edit", "1", "--where", "foot")
    assert corrected.stdout.startswith("Corrected #1: both feet, severity 5/10")
    table = coach("history", "--days", "9999").stdout.splitlines()
    assert any("cramp    #1 both feet, severity 5/10" in line for line in table)
    assert "answered (1 cramp logged)" in coach("checkin", "--night", "2026-01-09").stdout
    assert coach("cramp", "--delete", "1").stdout.startswith("Deleted #1: both feet, severity 5/10")


def test_report_writes_a_markdown_page_for_a_doctor(tmp_path, coach_home):
    from coach.history.nights import last_complete_night

    last = last_complete_night(datetime.now().astimezone())
    store = HistoryStore()

    def evening(night, hours=22):
        return datetime.combine(night, datetime.min.time()).astimezone() + timedelta(hours=hours)

    for days, status in [(2, "completed"), (1, "partial"), (0, "completed")]:
        session = store.start_session("evening", "Evening stretches", 590, evening(last - timedelta(days=days)))
        store.finish_session(session, status, evening(last - timedelta(days=days), 22.2))
    store.log_cramp(evening(last - timedelta(days=1), 27), "left", 6, 3, "woke up")
    store.log_cramp(evening(last, 27.5), "right", 9, 14, "<b>hurt</b> after gardening", place="foot", woke=True)
    (coach_home / "settings.toml").write_text(
        'pregnant = false\n[doctor]\nmedicines = ["amlodipine"]\nnumbness = false\nswelling = true\n')
    target = tmp_path / "for-my-gp.md"
    result = coach("report", "--weeks", "2", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(f"Wrote {target} and {tmp_path / 'for-my-gp.html'}")
    text = target.read_text()
    assert text.startswith("# Night leg cramps: 2-week summary")
    assert "nights answered (nights without an answer are left out, not counted as cramp-free)" in text
    # Adherence counts only the nights since coach was first used, never the weeks before it.
    assert "- Routine completed on 2 of 3 nights since coach was first used (67%)." in text
    assert "2 of 3 nights answered" in text
    assert "- 2 cramps on 2 of 2 answered nights." in text
    assert "- Severity (1–10): median 7.5, worst 9." in text
    assert "⚠ 1 cramp over 10 minutes: " in text and " 14 min (right foot, severity 9)." in text
    assert "Nights woken by a cramp: 1." in text
    assert "<b>hurt</b> after gardening" in text  # the person's own words, as written
    assert "- Medicines they take: amlodipine." in text
    assert "Numbness: no; Swelling of a leg: yes; Pregnant: no." in text
    assert "| week from | answered | cramps | per answered night | routine |" in text
    assert text.rstrip().endswith("not a medical assessment.")
    page = (tmp_path / "for-my-gp.html").read_text()
    assert "&lt;b&gt;hurt&lt;/b&gt;" in page and "<b>hurt" not in page  # escaped in HTML
    assert "<svg" in page and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for path in (target, tmp_path / "for-my-gp.html"):
        assert oct(path.stat().st_mode & 0o777) == "0o600"
    again = coach("report", "--weeks", "2", "--output", str(target))
    assert again.stdout.startswith(f"An older report is at {tmp_path / 'for-my-gp'}.md; it was kept")
    assert target.read_text() == text and (tmp_path / "for-my-gp-2.md").exists()


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


def test_a_plan_is_started_followed_and_abandoned_half_way():
    assert coach("plan").stdout.startswith("No plan running.")
    started = coach("plan", "start", "--test", "--pairs", "3")
    assert started.returncode == 0, started.stderr
    assert "Leaving the routine out for a week is your choice" in started.stdout
    assert "baseline night" in started.stdout or "Your plan starts on the night of" in started.stdout  # by the hour
    too_few = coach("plan", "start", "--test", "--pairs", "2")
    assert too_few.returncode == 2 and "--pairs 2 is too few" in too_few.stderr
    # Three weeks of a programme already behind: baseline with cramps, routine weeks quieter,
    # and three nights nobody answered.
    store = HistoryStore()
    now = datetime.now().astimezone()
    first = now.date() - timedelta(days=21)
    store.start_plan("programme", first, "BRRRRRR", now)
    for n in range(20):  # the last night or two may not be over yet, so they stay unanswered
        night = first + timedelta(days=n)
        if n in (4, 11, 12):
            continue
        if n < 7 or n % 5 == 0:
            at = datetime.combine(night + timedelta(days=1), datetime.min.time()).astimezone() + timedelta(hours=3)
            store.log_cramp(at, "left", 6)
        else:
            store.check_in(night)
    shown = coach("plan").stdout
    assert shown.startswith(f"6-week programme, started on the night of {first.strftime('%a %d %b %Y')}.")
    days = (night_of(now) - first).days
    assert f"Week {days // 7 + 1} of 7, night {days % 7 + 1} of 7: a routine night." in shown
    assert "With the routine: 0.18 cramps a night over 11 answered nights (2 cramps" in shown
    assert "Without: 1.00 cramps a night over 6 answered nights" in shown
    assert "Rate ratio (with ÷ without): 0.18, 95% interval" in shown
    assert "Hallegraeff 2012" in shown
    assert coach("plan", "stop").stdout.strip() == "Your plan was ended; its nights stay in your history."
    assert coach("plan").stdout.startswith("No plan running.")
    assert [p.ended_at is not None for p in HistoryStore().plans()] == [True, True]


def test_stats_count_nights_in_words_not_night_s():
    from coach.history.plan import Condition
    from coach.history.views import _group_line

    assert "over 1 night (2 cramps" in _group_line("after a completed routine", Condition(1, 2, 10))
    assert "over 3 nights (2 cramps" in _group_line("on nights without one", Condition(3, 2, 10))


def _checks_of_the_whole_file(monkeypatch) -> list[str]:
    """The integrity checks run by every connection opened from here on."""
    import sqlite3

    checks: list[str] = []
    connect = sqlite3.connect

    def connect_and_watch(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(lambda sql: checks.append(sql) if sql == "PRAGMA quick_check" else None)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect_and_watch)
    return checks


def test_the_whole_file_is_checked_again_only_once_it_has_changed(monkeypatch):
    checks = _checks_of_the_whole_file(monkeypatch)
    HistoryStore().close()  # a new file, checked; closing it writes its new tables in
    HistoryStore().close()  # checked once more, as that changed it
    checked = len(checks)
    assert checked == 2
    HistoryStore().close()  # as it was left: not read through again
    assert len(checks) == checked
    writer = HistoryStore()
    writer.log_cramp(datetime(2026, 11, 1, 3, 0, tzinfo=UTC), "left", 4)
    writer.close()  # a write changed the file
    HistoryStore().close()
    assert len(checks) == checked + 1


def test_damage_that_left_the_file_looking_unchanged_is_one_line_and_the_file_is_kept():
    """The check is skipped for a file as it was last checked; SQLite's own error still stops
    the command with one line, and nothing replaces or moves what was saved."""
    store = HistoryStore()
    for day in range(1, 200):
        store.log_cramp(datetime(2026, 1, 1, 3, 0, tzinfo=UTC) + timedelta(days=day), "left", 4,
                        note="a long note to fill the pages " * 5)
    store.close()
    HistoryStore().close()  # checked and remembered as it is now
    path = default_path()
    before = path.stat()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # every page but the first overwritten in place
        data[start:start + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # size, time and inode as they were
    damaged = path.read_bytes()
    result = coach("history", "--json")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("coach: ")
    assert "Traceback" not in result.stderr
    assert "the file is damaged" in result.stderr
    assert path.read_bytes() == damaged and not list(path.parent.glob("history.sqlite3.unreadable-*"))
    # As it said: the next command checks the file in full, keeps it aside and carries on.
    again = coach("cramp", "--leg", "both", "--severity", "2")
    assert again.returncode == 0 and again.stderr.startswith("coach: Your history file could not be read")
    (backup,) = path.parent.glob("history.sqlite3.unreadable-*")
    assert backup.read_bytes() == damaged
