"""Instructions each entry point executes up to its first frame, counted by callgrind.

Times on a shared machine vary by 10% from run to run; the instructions a process executes vary
by about 0.3%, so two versions of the code can be compared in one run each. Each entry point of
`bench/startup.py` (and its bare Textual app) is started once under `valgrind --tool=callgrind`
on a pseudo-terminal of 100x30, from the same installed, byte-compiled virtual environment and
the same copied COACH_HOME as that bench, and stopped the moment Textual hands its first frame to
the terminal (a `sitecustomize` on PYTHONPATH wraps `App._display`). That first frame is the
whole screen: `bench/startup.py` waits for the frame that shows the screen's words and its key
line, and it is the first.

Needs valgrind (Debian: apt-get install valgrind). It takes a minute or two.

Usage: python bench/first_frame_instructions.py [--venv DIR] [--reuse-venv] [--env NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import struct
import tempfile
import termios
from pathlib import Path

import startup

# Runs inside each measured process: it ends the process once the first frame is drawn.
EXIT_AT_FIRST_FRAME = """\
import os
from textual.app import App

_display = App._display


def _display_then_exit(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None:
        os._exit(0)


App._display = _display_then_exit
"""
COLLECTED = re.compile(rb"Collected : (\d+)")


def instructions(arguments: list[str], home: Path, hook: Path) -> int:
    """Instructions from exec to the first frame, with the terminal answering as startup.py's does."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES", "TMUX", "TEXTUAL"}}
    environment.update(TERM="xterm-256color", COLORTERM="truecolor", COACH_HOME=str(home), PYTHONPATH=str(hook),
                       **startup.EXTRA_ENVIRONMENT)
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    output_file = home / "callgrind.out"
    command = [valgrind, "--tool=callgrind", f"--callgrind-out-file={output_file}", *arguments]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", startup.LINES, startup.COLUMNS, 0, 0))
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.closerange(3, 256)
        os.execve(valgrind, command, environment)
    os.close(slave)
    log = bytearray()
    while select.select([master], [], [], 600)[0]:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        if startup.SYNC_QUERY in chunk:
            os.write(master, startup.SYNC_SUPPORTED)
        log += chunk
    os.waitpid(pid, 0)
    os.close(master)
    found = COLLECTED.search(bytes(log))
    if found is None:
        screen = startup.visible_text(bytes(log))[-2000:]
        raise SystemExit(f"{' '.join(arguments)}: callgrind printed no count:\n{screen}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    startup.add_launch_options(parser)  # the same virtual environment as bench/startup.py by default
    options = parser.parse_args()
    startup.use_launch_options(parser, options)
    venv = options.venv
    scratch = Path(tempfile.mkdtemp(prefix="coach-instructions-"))
    hook = scratch / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(EXIT_AT_FIRST_FRAME)
    template = scratch / "used-before"
    startup.prepare_homes(venv, template)
    counts = []
    for entry in startup.entry_points(venv):
        counts.append((entry.name, instructions(entry.arguments, startup.fresh_home(entry, template, scratch), hook)))
    shutil.rmtree(scratch, ignore_errors=True)
    bare = counts[0][1]
    print("Instructions from launch to the first frame at 100x30 (callgrind), beside the bare Textual app."
          + "".join(f" {name}={value}" for name, value in startup.EXTRA_ENVIRONMENT.items()))
    for name, count in counts:
        print(f"  {name:<27} {count / 1e9:6.3f} G {count / bare:5.3f}x")


if __name__ == "__main__":
    main()
