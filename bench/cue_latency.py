"""How soon a cue's sound starts after its phase change: planned change -> child process started.

The real app runs headless on real timers with voice on, through this machine's own speech
engine and sound player (whichever `coach voice test` names; `true` stands in for a missing player),
recording into its history as it does for a person; each child process start is stamped
and compared with when the plan says its phase begins. Each run starts with an empty COACH_HOME,
as a first run does: no tones in the cache yet. Goal: at most 100 ms.
Usage: python bench/cue_latency.py [RUNS]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROUTINE = """name: bench-cues
title: Cue latency
get_ready: 3s
switch_legs: 3s
steps:
  - exercise: wall-calf-stretch
    hold: 3s
    rest: 2s
    reps: 2
    sides: each
  - exercise: ankle-circles
    duration: 4s
    get_ready: 2s
"""


async def measure() -> tuple[list[float], list[str], list[str]]:
    from coach.cli.history_access import open_history
    from coach.cues.players import Player
    from coach.cues.system import system_announcer
    from coach.routines.library import load_library
    from coach.settings import Settings
    from coach.tui.app import CoachApp

    starts: list[tuple[str, float]] = []
    reports: list[str] = []
    settings = Settings(cues="voice")

    def announcer(app: CoachApp):
        made = system_announcer(settings, bell=lambda: starts.append(("bell", time.monotonic())),
                                report=reports.append, started=lambda name, at: starts.append((name, at)))
        if made.player is None:
            # No sound player here: `true` stands in, so a process start is still what is timed.
            made._players = [Player("true (stand-in player)", shutil.which("true") or "/bin/true")]
        return made

    app = CoachApp(load_library(), start="bench-cues", settings=settings, show_safety=False, announcer=announcer,
                   history=open_history(announce=False))
    planned: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = app.screen.session
        began = time.monotonic() - (session.phase.duration - session.remaining())
        planned = [began + phase.offset for phase in session.timeline.phases] + [began + session.timeline.total]
        while not session.is_over and time.monotonic() - began < session.timeline.total + 5:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
    app.close_cues()
    # The first start at or after each planned change is that change's cue.
    late = []
    for due in planned:
        after = [at for _, at in starts if at >= due - 0.001]
        if after and after[0] - due < 1.0:
            late.append(after[0] - due)
    return late, sorted({name for name, _ in starts}), reports


def one_run() -> tuple[list[float], list[str], list[str]]:
    home = Path(tempfile.mkdtemp(prefix="coach-bench-"))  # a first run: nothing cached yet
    (home / "routines").mkdir()
    (home / "routines" / "bench-cues.yaml").write_text(ROUTINE)
    os.environ["COACH_HOME"] = str(home)
    return asyncio.run(measure())


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    every: list[float] = []
    for run in range(runs):
        late, used, reports = one_run()
        late_ms = [value * 1000 for value in late]
        every += late_ms
        print(f"run {run + 1}: cue latency, phase change -> sound started ({len(late)} changes, "
              f"through {', '.join(used)}; load average {os.getloadavg()[0]:.1f}):")
        print("  each, in order: " + " ".join(f"{value:.0f}" for value in late_ms) + " ms")
        if late_ms:
            print(f"  median {statistics.median(late_ms):5.1f} ms, worst {max(late_ms):5.1f} ms, "
                  f"first cue {late_ms[0]:5.1f} ms (goal: <= 100 ms)")
        for report in reports:
            print(f"  reported: {report}")
    if runs > 1 and every:
        print(f"all {runs} runs: median {statistics.median(every):5.1f} ms, worst {max(every):5.1f} ms")


if __name__ == "__main__":
    main()
