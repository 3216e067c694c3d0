"""Nothing finished is lost: kill -9 at any moment, and two programs writing at once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from coach.history.store import HistoryStore, default_path

# A real routine, recorded as the app records it, on a clock that runs ~500 times faster than
# real time. It prints a line after each step is saved, so the test knows what must survive.
RUNNER = textwrap.dedent("""
    import io, sys, time
    from coach.clock import ManualClock
    from coach.history.store import HistoryStore
    from coach.routines.library import load_library
    from coach.cli.plain import run_plain
    from coach.history.recorder import Recorder
    from coach.engine.session import StepEnded
    from coach.engine.timeline import build_timeline

    clock = ManualClock()
    store = HistoryStore()
    def prepare(session):
        Recorder(store, session, "evening")
        def saved(event):
            if isinstance(event, StepEnded):
                print(f"saved {event.outcome.step_index} {event.outcome.side.value}", flush=True)
        session.subscribe(saved)  # after the recorder, so the line means it is in the file
    def sleep(seconds):
        time.sleep(seconds / 500)
        clock.advance(seconds)
    run_plain(build_timeline(load_library().routines["evening"]), io.StringIO(), clock, sleep,
              bell=False, prepare=prepare)
    print("finished", flush=True)
""")


def start_runner() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUNNER], stdout=subprocess.PIPE, text=True)


def saved_in_database() -> set[tuple[int, str]]:
    store = HistoryStore()
    assert store.mark_interrupted() <= 1
    (session,) = store.sessions()
    return {(step.step_index, step.side) for step in store.steps(session.id)}, session.status


@pytest.mark.parametrize("kill_after", [*list(range(0, 14, 2)), "random"])
def test_kill_9_at_any_point_loses_nothing_that_was_saved(kill_after):
    process = start_runner()
    reported: set[tuple[int, str]] = set()
    limit = random.Random(7).randint(1, 13) if kill_after == "random" else kill_after
    for line in process.stdout:
        if line.startswith("saved"):
            _, index, side = line.split()
            reported.add((int(index), side))
        if len(reported) >= limit:
            break
    if kill_after == "random":
        import time
        time.sleep(random.Random(3).uniform(0, 0.05))  # somewhere inside the next step
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(default_path())
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    in_database, status = saved_in_database()
    assert reported <= in_database
    assert status == "interrupted"


def test_an_unbroken_run_is_recorded_as_completed_with_every_step():
    process = start_runner()
    lines = process.stdout.read().splitlines()
    assert process.wait() == 0 and lines[-1] == "finished"
    in_database, status = saved_in_database()
    assert status == "completed" and len(in_database) == 17 == len(lines) - 1


def test_a_routine_and_cramp_logging_at_the_same_time_lose_nothing():
    routine = start_runner()
    loggers = [subprocess.Popen([sys.executable, "-m", "coach", "cramp", "--when", "now", "--leg",
                                 "left", "--severity", str(1 + n % 10), "--note", f"n{n}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for n in range(12)]
    errors = [logger.communicate()[1] for logger in loggers]
    assert all(logger.returncode == 0 for logger in loggers), errors
    assert routine.stdout.read().splitlines()[-1] == "finished" and routine.wait() == 0
    store = HistoryStore()
    assert sorted(c.note for c in store.cramps()) == sorted(f"n{n}" for n in range(12))
    (session,) = store.sessions()
    assert session.status == "completed" and len(store.steps(session.id)) == 17


def test_many_programs_opening_a_new_history_at_once_all_succeed(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    code = f"from coach.history.store import HistoryStore; HistoryStore({str(path)!r}).log_cramp(" \
           "__import__('datetime').datetime.now().astimezone(), 'left', 3)"
    openers = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
               for _ in range(8)]
    errors = [opener.communicate()[1] for opener in openers]
    assert all(opener.returncode == 0 for opener in openers), errors
    assert not list(tmp_path.glob("*.unreadable-*"))  # nobody mistook a race for damage
    assert len(HistoryStore(path).cramps()) == 8


def test_programs_opening_the_history_take_turns_so_sqlite_never_refuses_one(tmp_path):
    """Checking, switching to WAL and migrating happen one program at a time: SQLite answers a
    clash there with an immediate 'database is locked', which made a good history fail to open."""
    import fcntl

    path = tmp_path / "fresh.sqlite3"
    code = f"from coach.history.store import HistoryStore; HistoryStore({str(path)!r}).close()"
    descriptor = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX)  # another program is opening it right now
    opener = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            opener.wait(timeout=3)  # it waits its turn
    finally:
        os.close(descriptor)
    assert opener.wait(timeout=30) == 0, opener.stderr.read() if opener.stderr else ""
