"""Start-up to first paint and exit, and peak memory: coach beside a bare Textual app.

Each app runs in its own process on a real pseudo-terminal, several times; the median wall time
and the largest peak resident memory are printed. Usage: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import os
import pty
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
APPS = {
    "bare Textual (one Digits)": [sys.executable, str(HERE / "bare_app.py"), "--exit-after-first-paint"],
    "coach home screen": [sys.executable, str(HERE / "coach_first_paint.py")],
}


def run_once(command: list[str]) -> tuple[float, float]:
    """Seconds from launch to exit, and peak resident memory in MiB."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30",
           "COACH_HOME": tempfile.mkdtemp(prefix="coach-bench-")}
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.execve(command[0], command, env)
    os.close(slave)
    done = threading.Event()

    def drain() -> None:  # a terminal that never reads would block the app's output
        while not done.is_set():
            try:
                os.read(master, 65536)
            except BlockingIOError:
                time.sleep(0.002)
            except OSError:
                return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    os.close(master)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    results = {}
    for name, command in APPS.items():
        run_once(command)  # warm the file cache and bytecode
        samples = [run_once(command) for _ in range(runs)]
        results[name] = (statistics.median(s[0] for s in samples), max(s[1] for s in samples))
    bare_time, bare_memory = results["bare Textual (one Digits)"]
    print(f"Start-up to first paint and exit, median of {runs} runs, and peak memory:")
    for name, (seconds, memory) in results.items():
        print(f"  {name:<28} {seconds * 1000:7.0f} ms  ({seconds / bare_time:4.2f}x)"
              f"   {memory:6.1f} MiB  ({memory / bare_memory:4.2f}x)")


if __name__ == "__main__":
    main()
