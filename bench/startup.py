"""Start-up as a person meets it: the installed `coach` command, launch to first complete frame.

Each entry point (`coach` on a first run, `coach` once the safety page was seen, `coach run quick`,
`coach sos --side left`) and a bare Textual app showing one `Digits` are launched in turn, round
by round, each on a real pseudo-terminal of 100x30 that answers like a modern terminal. The time
is taken from just before the process starts to the moment the terminal has received the end of
the first frame that shows that entry point's screen in full (Textual wraps each frame in the
synchronized-output marks, so the end of a frame is exact). Peak memory is the process's VmHWM,
read half a second after that frame. Then the process is ended: Textual's shutdown is not timed.
Each ratio is the median of the rounds' own ratios to the bare app, which cancels the drift of
the machine's speed over a run; the medians of the times are printed beside them.

coach is measured as installed: built into a virtual environment of its own (not editable,
byte-compiled), run through its `coach` script. Each launch gets a fresh COACH_HOME.

`--env NAME=VALUE` (as often as needed) sets a variable for every launch, the bare app's too:
`--env LANG=ru_RU.UTF-8` measures coach speaking Russian.

Usage: python bench/startup.py [--rounds N] [--venv DIR] [--reuse-venv] [--env NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
COLUMNS, LINES = 100, 30
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_SUPPORTED = b"\x1b[?2026;2$y"  # "supported, now off": what kitty, foot or WezTerm answer
SYNC_END = b"\x1b[?2026l"
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[@-Z\\-_])")
SETTLE_SECONDS = 0.5
TIMEOUT_SECONDS = 15.0


@dataclass
class EntryPoint:
    name: str
    arguments: list[str]
    shows: list[str]  # words that are all on screen once the first screen is drawn in full
    safety_seen: bool = True
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)


def entry_points(venv: Path) -> list[EntryPoint]:
    coach = str(venv / "bin" / "coach")
    python = str(venv / "bin" / "python")
    # The words waited for are in the language coach will speak (LANG from --env, say), taken
    # from coach's own catalogue.
    from coach.i18n import _, choose_language, use_language

    use_language(choose_language(None, None, {**os.environ, **EXTRA_ENVIRONMENT}))
    first_exercise = _("exercise {number} of {total}").split("{total}")[0].format(number=1)
    # The bare app draws only its digits: the top row of 6, 0, 0 in Textual's Digits font.
    return [
        EntryPoint("bare Textual (one Digits)", [python, str(HERE / "bare_app.py")], ["╭─╴╭─╮╭─╮"]),
        EntryPoint("coach, first run (safety)", [coach], [_("Before you start: safety"), _("Continue")],
                   safety_seen=False),
        EntryPoint("coach (home)", [coach],
                   [_("Choose a routine and press Enter. Cramping now? Press c.")[:12], _("Quit")]),
        EntryPoint("coach run quick", [coach, "run", "quick"], [first_exercise, _("Stop")]),
        EntryPoint("coach sos --side left", [coach, "sos", "--side", "left"], [first_exercise, _("Stop")]),
    ]


def default_venv() -> Path:
    """One per checkout: two checkouts measured at once must not reinstall each other's coach."""
    checkout = hashlib.sha1(str(REPOSITORY).encode()).hexdigest()[:8]
    return Path(tempfile.gettempdir()) / f"coach-bench-venv-{checkout}"


def prepare_venv(venv: Path, reuse: bool) -> None:
    """A non-editable install of this checkout, byte-compiled as pip leaves a normal install."""
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPOSITORY)], check=True)
    elif not reuse:
        # First whatever dependency this checkout added, then this checkout's code over the old.
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPOSITORY)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "--force-reinstall",
                        str(REPOSITORY)], check=True)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run([str(venv / "bin" / "python"), "-c", where],
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([str(venv / "bin" / "python"), "-m", "compileall", "-q", site], check=True)


def prepare_homes(venv: Path, template: Path) -> None:
    """A COACH_HOME of someone who has used coach before: safety page seen, history started."""
    template.mkdir(mode=0o700, parents=True, exist_ok=True)
    environment = {**os.environ, **EXTRA_ENVIRONMENT, "COACH_HOME": str(template)}  # its language cached
    subprocess.run([str(venv / "bin" / "coach"), "history", "--json"], env=environment,
                   stdout=subprocess.DEVNULL, check=True)
    # Any command reads the routines once and keeps them in the cache, as a first start does.
    subprocess.run([str(venv / "bin" / "coach"), "list"], env=environment, stdout=subprocess.DEVNULL, check=True)
    (template / "safety-seen").touch()


def visible_text(output: bytes) -> str:
    return ESCAPES.sub(b"", output).decode("utf-8", "replace")


EXTRA_ENVIRONMENT: dict[str, str] = {}  # from --env


def launch(entry: EntryPoint, home: Path) -> tuple[float, float, float]:
    """Seconds from launch to the end of the first full frame, the CPU seconds the process had
    used by then, and its peak memory in MiB."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES", "TMUX", "TEXTUAL"}}
    environment.update(TERM="xterm-256color", COLORTERM="truecolor", COACH_HOME=str(home), **EXTRA_ENVIRONMENT)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: the pseudo-terminal becomes its controlling terminal
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.closerange(3, 256)
        os.execve(entry.arguments[0], entry.arguments, environment)
    os.close(slave)
    output = bytearray()
    checked = 0  # frames before this offset did not show the screen yet
    try:
        while True:
            left = started + TIMEOUT_SECONDS - time.perf_counter()
            if left <= 0 or not select.select([master], [], [], left)[0]:
                raise SystemExit(f"{entry.name}: no full frame within {TIMEOUT_SECONDS:.0f} s; "
                                 f"the screen showed:\n{visible_text(bytes(output))[-2000:]}")
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                raise SystemExit(f"{entry.name}: ended before showing a frame:\n"
                                 f"{visible_text(bytes(output))[-2000:]}") from None
            arrived = time.perf_counter()
            if SYNC_QUERY in chunk:
                os.write(master, SYNC_SUPPORTED)
            output += chunk
            end = output.rfind(SYNC_END)
            if end >= checked:
                screen = visible_text(bytes(output[:end]))
                if all(words in screen for words in entry.shows):
                    cpu = cpu_seconds(pid)
                    break
                checked = end + len(SYNC_END)
        time.sleep(SETTLE_SECONDS)
        memory = peak_memory(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)
    return arrived - started, cpu, memory


def cpu_seconds(pid: int) -> float:
    """CPU time of the process's threads, in nanoseconds from schedstat: less disturbed than
    wall time by whatever else the machine is doing."""
    return sum(int((task / "schedstat").read_text().split()[0])
               for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9


def peak_memory(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc: this benchmark needs Linux")


def fresh_home(entry: EntryPoint, template: Path, scratch: Path) -> Path:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    if entry.safety_seen:
        shutil.copytree(template, home, dirs_exist_ok=True)
    return home


def spread(values: list[float]) -> str:
    low, high = min(values), max(values)
    quartiles = statistics.quantiles(values, n=4)
    return f"IQR {quartiles[0] * 1000:.0f}–{quartiles[2] * 1000:.0f}, range {low * 1000:.0f}–{high * 1000:.0f}"


def add_launch_options(parser: argparse.ArgumentParser) -> None:
    """The options every start-up script shares: where coach is installed, and the environment."""
    parser.add_argument("--venv", type=Path, default=default_venv())
    parser.add_argument("--reuse-venv", action="store_true", help="measure the venv as it is, without reinstalling")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set this variable for every launch, e.g. LANG=ru_RU.UTF-8")


def use_launch_options(parser: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    """Takes in --env, then installs coach into --venv (unless --reuse-venv)."""
    for setting in options.env:
        name, equals, value = setting.partition("=")
        if not equals or not name:
            parser.error(f"--env {setting}: write it as NAME=VALUE")
        EXTRA_ENVIRONMENT[name] = value
    prepare_venv(options.venv, options.reuse_venv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    add_launch_options(parser)
    options = parser.parse_args()
    use_launch_options(parser, options)
    scratch = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    template = scratch / "used-before"
    prepare_homes(options.venv, template)
    entries = entry_points(options.venv)
    for entry in entries:  # once each to warm the file cache; not counted
        launch(entry, fresh_home(entry, template, scratch))
    for round_number in range(options.rounds):
        # Interleaved, and the order turns each round so no entry always follows the same one.
        shift = round_number % len(entries)
        for entry in entries[shift:] + entries[:shift]:
            seconds, cpu, memory = launch(entry, fresh_home(entry, template, scratch))
            entry.samples.append(seconds)
            entry.cpu.append(cpu)
            entry.memory.append(memory)
    shutil.rmtree(scratch, ignore_errors=True)

    bare = entries[0]
    load = os.getloadavg()[0]
    print(f"Launch to first complete frame at {COLUMNS}x{LINES}, median of {options.rounds} interleaved rounds, "
          f"with spread (ms); CPU used by then; peak memory (VmHWM) on screen. Each ratio is the median of the "
          f"rounds' own ratios to the bare app. Load average {load:.1f} on {os.cpu_count()} cores."
          + "".join(f" {name}={value}" for name, value in EXTRA_ENVIRONMENT.items()))
    for entry in entries:
        seconds, cpu, memory = (statistics.median(values) for values in (entry.samples, entry.cpu, entry.memory))
        ratio, cpu_ratio, memory_ratio = (paired_ratio(mine, theirs) for mine, theirs in
                                          ((entry.samples, bare.samples), (entry.cpu, bare.cpu),
                                           (entry.memory, bare.memory)))
        print(f"  {entry.name:<27} {seconds * 1000:5.0f} ms {ratio:4.2f}x [{spread(entry.samples)}]"
              f"  CPU {cpu * 1000:4.0f} ms {cpu_ratio:4.2f}x  {memory:5.1f} MiB {memory_ratio:4.2f}x")


def paired_ratio(mine: list[float], bare: list[float]) -> float:
    """The median of each round's ratio: the machine's speed drifts over a run (a virtual
    machine's neighbours, its clock), and both launches of one round meet the same drift."""
    return statistics.median(value / base for value, base in zip(mine, bare, strict=True))

if __name__ == "__main__":
    main()
