"""How late each phase change and the end of a real 60-second routine happen, by the wall clock.

The app runs for real (Textual's headless driver, real timers, real waiting); every phase change
is stamped when the screen shows it and compared with when the plan says it is due. The same is
done for a bare Textual interval counting ticks, the approach coach avoids, for contrast.
Usage: python bench/timer_drift.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

ROUTINE = """name: bench-60
title: Sixty seconds
get_ready: 5s
switch_legs: 5s
steps:
  - exercise: wall-calf-stretch
    hold: 5s
    rest: 3s
    reps: 2
    sides: each
  - exercise: ankle-circles
    duration: 12s
    get_ready: 4s
  - exercise: toe-pulls
    duration: 8s
"""


async def coach_lateness() -> tuple[list[float], float, int]:
    from coach.engine.session import Ended
    from coach.routines.library import load_library
    from coach.tui.app import CoachApp

    app = CoachApp(load_library(), start="bench-60", quiet=True, show_safety=False)
    late: list[float] = []
    end_late: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        session = screen.session
        total = session.timeline.total
        started = time.monotonic() - (session.phase.duration - session.remaining())
        original = screen.refresh_view

        def stamped_refresh() -> None:
            original()
            now = time.monotonic()
            shown = screen._shown_phase
            if shown and shown[0] != stamped_refresh.last and session.phase.index > 0:
                stamped_refresh.last = shown[0]
                late.append(now - (started + session.phase.offset))

        stamped_refresh.last = 0
        screen.refresh_view = stamped_refresh
        session.subscribe(lambda e: isinstance(e, Ended) and end_late.append(time.monotonic() - (started + total)))
        while not end_late and time.monotonic() - started < total + 5:
            await asyncio.sleep(0.05)
    return late, end_late[0] if end_late else float("nan"), total


async def counted_ticks_lateness(seconds: int) -> float:
    """A naive countdown: decrement a counter on a 1 s interval, as many timer apps do."""
    from textual.app import App

    class Ticks(App[None]):
        def on_mount(self) -> None:
            self.left = seconds
            self.started = time.monotonic()
            self.finished_at = None
            self.set_interval(1, self.tick)

        def tick(self) -> None:
            self.left -= 1
            time.sleep(0.02)  # a little work per tick, as any real screen has
            if self.left == 0 and self.finished_at is None:
                self.finished_at = time.monotonic()

    app = Ticks()
    async with app.run_test():
        while app.finished_at is None:
            await asyncio.sleep(0.05)
    return app.finished_at - (app.started + seconds)


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    (home / "routines").mkdir()
    (home / "routines" / "bench-60.yaml").write_text(ROUTINE)
    os.environ["COACH_HOME"] = str(home)
    late, end, total = asyncio.run(coach_lateness())
    late_ms = [value * 1000 for value in late]
    print(f"coach, a real {total}-second routine ({len(late)} phase changes), lateness by the wall clock:")
    print(f"  phase changes: median {statistics.median(late_ms):5.1f} ms, worst {max(late_ms):5.1f} ms")
    print(f"  end of routine: {end * 1000:5.1f} ms late")
    naive = asyncio.run(counted_ticks_lateness(total))
    print(f"bare Textual app counting {total} one-second ticks instead: ends {naive * 1000:5.0f} ms late")


if __name__ == "__main__":
    main()
