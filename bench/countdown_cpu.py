"""CPU used while a countdown runs for 30 s in a real terminal: coach beside a bare Textual app.

coach runs three ways: one long step, the evening routine, and the evening routine with its
spoken cues on (coach's own process only: the speech engine and player are children of their own).

Both run at once in their own tmux sessions (100x30); CPU time is read from /proc before and
after. Usage: python bench/countdown_cpu.py [SECONDS]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time of all the process's threads: in nanoseconds from schedstat where the kernel
    has it (the tick-based figure moves in 10 ms steps, too coarse for 0.4% of a core)."""
    try:
        return sum(int((task / "schedstat").read_text().split()[0])
                   for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9
    except (OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def start(session: str, command: str, env: dict[str, str]) -> int:
    exports = " ".join(f"{key}={value}" for key, value in env.items())
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                    f"exec env {exports} {command}"], check=True)
    time.sleep(0.3)
    pane = subprocess.run(["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"],
                          capture_output=True, text=True, check=True)
    return int(pane.stdout.strip())


def wait_until_drawn(session: str, timeout: float = 60.0) -> None:
    """On a busy machine start-up can take longer than the pause after it: wait for a frame."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True)
        if pane.stdout.strip():
            return
        time.sleep(0.2)


STEADY = "name: steady\ntitle: Steady\nget_ready: 0\nsteps:\n  - exercise: pedalling\n    duration: 10m\n"
SESSIONS = tuple(f"bench-{name}-{os.getpid()}" for name in ("bare", "steady", "evening", "voice"))


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    home = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    (home / "routines").mkdir()
    (home / "routines" / "steady.yaml").write_text(STEADY)  # one long step: no phase changes
    coach = str(Path(sys.executable).with_name("coach"))
    env = {"COACH_HOME": str(home)}
    voice_home = Path(tempfile.mkdtemp(prefix="coach-bench-voice-"))
    (voice_home / "settings.toml").write_text('cues = "voice"\n')  # spoken cues and tones at each change
    apps = {
        "bare Textual countdown": start(SESSIONS[0], f"{sys.executable} {HERE / 'bare_app.py'}", {}),
        "coach, one long step": start(SESSIONS[1], f"{coach} run steady --quiet", env),
        "coach run evening": start(SESSIONS[2], f"{coach} run evening --quiet", env),
        "coach run evening, voice on": start(SESSIONS[3], f"{coach} run evening", {"COACH_HOME": str(voice_home)}),
    }
    try:
        for session in SESSIONS:
            wait_until_drawn(session)
        time.sleep(3)  # past start-up, into the countdown
        before = {name: cpu_seconds(pid) for name, pid in apps.items()}
        time.sleep(seconds)
        used = {name: cpu_seconds(pid) - before[name] for name, pid in apps.items()}
    finally:
        for session in SESSIONS:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    bare = used["bare Textual countdown"]
    print(f"CPU time while a countdown runs for {seconds:.0f} s in tmux (load average {os.getloadavg()[0]:.1f}):")
    for name, value in used.items():
        ratio = f"({value / bare:4.2f}x)" if bare else ""
        print(f"  {name:<28} {value * 1000:7.1f} ms  {100 * value / seconds:5.2f}% of one core  {ratio}")


if __name__ == "__main__":
    main()
