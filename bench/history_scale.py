"""Stats, the doctor's report and the history screen with ten years of data, beside one week.

Ten years: 3,650 routines (with their steps), daily morning check-ins (about one night in ten left
unanswered), 1,000 cramps and a finished 6-week plan. Prints the median time to read the history
and compute the stats (target: 50 ms or less), to build the report as Markdown and HTML with its
chart and the plan's result (target: 500 ms or less), and to open the history screen, and to
run `coach history --json` as a command, beside the same command with an empty history.
Usage: python bench/history_scale.py
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)


def build(path: Path, nights: int, cramps: int):
    from coach.history.store import HistoryStore

    store = HistoryStore(path)
    rng = random.Random(1)
    connection = store._connection
    connection.execute("BEGIN")  # one transaction: building the fixture, not measuring writes
    for day in range(nights, 0, -1):
        evening = NOW - timedelta(days=day)
        session = store.start_session("evening", "Evening stretches", 590, evening)
        for index in range(11):
            store.record_step(session, index, "wall-calf-stretch", "left", 50, 50.0, "done")
        store.finish_session(session, "completed" if rng.random() < 0.8 else "partial", evening)
        if rng.random() < 0.9:
            store.check_in(evening.date(), evening + timedelta(hours=10))
    for _ in range(cramps):
        store.log_cramp(NOW - timedelta(days=rng.randint(1, nights), hours=-5), "left", rng.randint(1, 10), 2,
                        place=rng.choice(["calf", "foot"]), woke=rng.random() < 0.5)
    store.check_in((NOW - timedelta(days=1)).date())  # last night answered: no morning question
    connection.execute("COMMIT")
    first = (NOW - timedelta(days=min(nights, 60))).date()
    store.start_plan("programme", first, "BRRRRRR", NOW - timedelta(days=min(nights, 60)))
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so the file size below is real
    return store


def time_stats(store, runs: int = 15) -> float:
    from coach.history.stats import compute

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        compute(store.night_records(), store.cramps(), NOW, store.answered_nights())
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def time_report(store, runs: int = 9) -> float:
    from coach.history.report import DoctorDetails, build_report, report_html, report_markdown
    from coach.history.stats import compute
    from coach.history.views import plan_so_far

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        plan = store.plans()[-1]
        observational = compute(store.night_records(), store.cramps(), NOW, store.answered_nights()).comparison
        report = build_report(store.night_records(), store.cramps(), store.answered_nights(), NOW, 6,
                              DoctorDetails(("a medicine",)), ("6-week programme", plan_so_far(store, plan, NOW)),
                              observational)
        report_markdown(report)
        report_html(report)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


async def time_history_screen(store, runs: int = 5) -> float:
    from coach.routines.library import load_library
    from coach.tui.app import CoachApp
    from coach.tui.screens.history import HistoryScreen

    samples = []
    for _ in range(runs):
        app = CoachApp(load_library(), history=store, now=lambda: NOW, show_safety=False)
        async with app.run_test(size=(100, 30)) as pilot:
            started = time.perf_counter()
            await app.push_screen(HistoryScreen())
            await pilot.pause()
            samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def time_json_export(home: Path) -> float:
    """Wall time of the whole `coach history --json` command, output sent nowhere."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "coach", "history", "--json"], env={**os.environ, "COACH_HOME": str(home)},
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def compare_json_export(folder: Path, runs: int = 11) -> None:
    empty, full = folder / "empty-home", folder / "ten-years-home"
    empty.mkdir()
    full.mkdir()
    build(full / "history.sqlite3", 3650, 1000)._connection.close()
    time_json_export(empty), time_json_export(full)  # warm the file cache; not counted
    pairs = [(time_json_export(empty), time_json_export(full)) for _ in range(runs)]  # interleaved
    empty_ms = statistics.median(pair[0] for pair in pairs) * 1000
    full_ms = statistics.median(pair[1] for pair in pairs) * 1000
    print(f"  coach history --json: empty {empty_ms:6.1f} ms   ten years {full_ms:6.1f} ms "
          f"({full_ms / empty_ms:.2f}x)")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    os.environ["COACH_HOME"] = str(folder)
    sizes = {"one week": (7, 3), "ten years": (3650, 1000)}
    print("History at scale, median times:")
    for name, (nights, cramps) in sizes.items():
        store = build(folder / f"{nights}.sqlite3", nights, cramps)
        stats_ms = time_stats(store) * 1000
        report_ms = time_report(store) * 1000
        screen_ms = asyncio.run(time_history_screen(store)) * 1000
        size_kib = (folder / f"{nights}.sqlite3").stat().st_size / 1024
        print(f"  {name:<10} ({nights} routines, {cramps} cramps, {size_kib:,.0f} KiB): "
              f"stats {stats_ms:6.1f} ms   report {report_ms:6.1f} ms   history screen {screen_ms:6.1f} ms")
    compare_json_export(folder)


if __name__ == "__main__":
    main()
