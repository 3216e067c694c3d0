"""A routines folder full of broken, hostile and non-regular files: first aid still works, and
every command that reads the folder says what is wrong instead of hanging or crashing."""

from __future__ import annotations

import functools
import io
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.cli import main as cli_main
from coach.cli import plain
from coach.clock import ManualClock
from coach.locations import user_routines_dir

HOSTILE = {
    "huge-number.yaml": "name: huge\ntitle: Huge\nsteps:\n  - exercise: ankle-circles\n    duration: "
                        + "9" * 4400 + "\n",
    "superscript.yaml": "name: sup\ntitle: Sup\nsteps:\n  - exercise: ankle-circles\n    hold: 5s\n"
                        "    rest: 5s\n    reps: ³\n",
    "arabic.yaml": "name: arabic\ntitle: Arabic\nsteps:\n  - exercise: ankle-circles\n    duration: ١٠\n",
    "escapes.yaml": 'name: escapes\ntitle: "\\e]0;PWNED\\a\\e[2J"\nsteps: [ankle-circles]\n',
    "markup.yaml": 'name: markup\ntitle: "Evening [/] stretch [link=x]"\nsteps: [ankle-circles]\n',
    "cramp-now.yaml": "name: cramp-now\ntitle: [broken\n",
    "exercises.yaml": "exercises:\n  cramp-toe-pull:\n    name: \"\\u202eevil\"\n    position: lying\n"
                      "    steps: [x]\n    dose: {duration: 5s}\n",
    "deep.yaml": "[" * 5000 + "]" * 5000,
}


@pytest.fixture
def hostile_folder() -> Iterator[Path]:
    folder = user_routines_dir()
    folder.mkdir(parents=True)
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "wide.yaml").write_bytes("name: wide\ntitle: Wide\n".encode("utf-16"))
    (folder / "binary.yaml").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "big.yaml").write_bytes(b"# " + b"x" * 300_000)
    os.mkfifo(folder / "pipe.yaml")
    os.symlink(folder / "loop-b.yaml", folder / "loop-a.yaml")
    os.symlink(folder / "loop-a.yaml", folder / "loop-b.yaml")
    os.symlink("/dev/zero", folder / "device.yaml")
    os.symlink(folder / "nowhere", folder / "dangling.yaml")
    (folder / "folder.yaml").mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.yaml"))
    yield folder
    server.close()


def test_sos_plain_completes_its_first_step_whatever_the_routines_folder_holds(hostile_folder, monkeypatch):
    clock = ManualClock()
    # The real plain runner, on a fake clock: its sleeps move the clock on instead of waiting.
    monkeypatch.setattr(plain, "run_plain", functools.partial(plain.run_plain, clock=clock, sleep=clock.advance))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli_main.main(["sos", "--plain", "--side", "left", "--quiet"]) == 0
    phases = [line for line in out.getvalue().splitlines() if line.startswith("[")]
    assert phases[0].startswith("[0:00] Now: ") and "both legs" in phases[0]
    assert phases[1].startswith("[0:") and "left leg" in phases[1]  # the first step is done
    assert out.getvalue().splitlines()[-1].startswith("Cramp now: all done.")
    assert "evil" not in out.getvalue()  # coach's own exercises, not the person's


def run_coach(*args: str) -> subprocess.CompletedProcess:
    # A hang (a FIFO opened for reading) fails the test through the timeout.
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          timeout=30, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args", [["list"], ["validate"], ["show", "evening"], ["remind", "due"],
                                  ["exercises"], ["validate", "loop-a.yaml"]])
def test_every_command_reading_the_folder_answers_without_a_traceback(hostile_folder, args):
    args = [str(hostile_folder / arg) if arg.endswith(".yaml") else arg for arg in args]
    result = run_coach(*args)
    assert "Traceback" not in result.stderr, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\a" not in result.stdout + result.stderr
    assert "\u202e" not in result.stdout + result.stderr
    assert result.returncode in (0, 1), result.stderr


def test_validate_names_each_hostile_file_for_what_it_is(hostile_folder):
    result = run_coach("validate")
    assert result.returncode == 1
    said = {Path(line.split(":", 1)[0]).name: line for line in result.stdout.splitlines()}
    assert "named pipe (FIFO)" in said["pipe.yaml"]
    assert "a socket" in said["socket.yaml"]
    assert "a device" in said["device.yaml"]
    assert "leads back to itself" in said["loop-a.yaml"]
    assert "UTF-16 text" in said["wide.yaml"]
    assert "nested too deeply" in said["deep.yaml"]
    assert "far too long" in said["huge-number.yaml"]
    assert "digits other than 0-9" in said["superscript.yaml"] and "digits other than 0-9" in said["arabic.yaml"]
    assert "U+001B (an escape character)" in said["escapes.yaml"]
    assert "U+202E" in said["exercises.yaml"]


def test_validate_reports_a_link_loop_given_by_name_not_as_missing(hostile_folder):
    result = run_coach("validate", str(hostile_folder / "loop-a.yaml"))
    assert "no such file" not in result.stderr
    assert "leads back to itself" in result.stdout
