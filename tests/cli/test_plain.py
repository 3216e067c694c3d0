"""`coach run NAME --plain`: one line per phase change, checked line by line."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from coach.cli.plain import run_plain
from coach.clock import ManualClock
from coach.engine.session import State
from coach.engine.timeline import build_timeline
from coach.model import Side
from coach.routines.library import load_library
from coach.safety import before_stretching, during_a_cramp, safety_page


def plain(name: str, side: Side | None = None, bell: bool = False, interrupt_after: int | None = None):
    clock = ManualClock()
    out = io.StringIO()
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if interrupt_after is not None and len(sleeps) > interrupt_after:
            raise KeyboardInterrupt
        clock.advance(seconds)

    session = run_plain(build_timeline(load_library().routines[name], side), out, clock, sleep, bell=bell)
    return out.getvalue(), sleeps, session


def test_quick_prints_one_line_per_phase_then_a_summary():
    output, sleeps, session = plain("quick")
    every_line = output.splitlines()
    # The cautions come right after the first line of the exercise they belong to.
    assert every_line[1:3] == ["  Take care: A strong stretch, never pain. Ease off if it hurts.",
                               "  Take care: Keep your hands on the wall, and stand on a floor that does not slip."]
    lines = [line for line in every_line if not line.startswith("  Take care: ")]
    assert len(every_line) - len(lines) == 4
    assert len(lines) == 24 + 1
    assert lines[0].startswith("[0:00] Get ready: Wall calf stretch, left leg, 5 seconds. Standing. "
                               "1) Face a wall with your arms straight")
    assert lines[1:7] == [
        "[0:05] Hold 1 of 3: Wall calf stretch, left leg, 10 seconds.",
        "[0:15] Rest: Wall calf stretch, left leg, 10 seconds.",
        "[0:25] Hold 2 of 3: Wall calf stretch, left leg, 10 seconds.",
        "[0:35] Rest: Wall calf stretch, left leg, 10 seconds.",
        "[0:45] Hold 3 of 3: Wall calf stretch, left leg, 10 seconds.",
        "[0:55] Switch legs: Wall calf stretch, right leg, 5 seconds.",
    ]
    assert lines[12].startswith("[1:50] Get ready: Standing hamstring stretch, left leg, 5 seconds. Standing. 1) ")
    assert lines[-1] == ("Quick trial stretches: all done. Well done, and sleep well. "
                         "3 minutes 20 seconds of stretching.")
    # It sleeps until each deadline: one sleep per phase, never per second.
    assert len(sleeps) == 24 and sum(sleeps) == 220
    assert session.state is State.FINISHED


def test_notes_are_read_out_with_the_first_line_of_a_step():
    output, _, _ = plain("cramp-now", Side.LEFT)
    toe_pull = next(line for line in output.splitlines() if "Straight-knee toe pull" in line)
    assert toe_pull.startswith("[0:10] Hold 1 of 3: Straight-knee toe pull, left leg, 30 seconds. Sitting. 1) ")
    assert toe_pull.endswith("Note: Stretching may ease the pain. Press q to stop once it has.")


def test_the_bell_rings_before_each_line_unless_quiet():
    output, _, _ = plain("quick", bell=True)
    assert output.count("\a") == 24
    phase_lines = [line for line in output.splitlines() if not line.startswith("  ")]
    assert all(line.startswith("\a[") for line in phase_lines[:24])


def test_ctrl_c_stops_and_reports_honestly():
    output, _, session = plain("quick", interrupt_after=3)
    assert session.state is State.STOPPED
    lines = output.splitlines()
    assert lines[-2] == "Quick trial stretches: stopped early. What you did is kept in your history. 20 seconds of stretching."
    assert lines[-1] == "Skipped or cut short: Wall calf stretch (left leg)."


def test_run_plain_from_the_command_line_without_a_terminal():
    # A real run of a real routine would take minutes; a one-second routine shows the wiring.
    home = os.environ["COACH_HOME"]
    os.makedirs(f"{home}/routines", exist_ok=True)
    with open(f"{home}/routines/tiny.yaml", "w") as handle:
        handle.write("name: tiny\ntitle: Tiny\nget_ready: 0\nsteps:\n  - exercise: toe-pulls\n    duration: 1\n")
    result = subprocess.run([sys.executable, "-m", "coach", "run", "tiny", "--plain", "--quiet"],
                            capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    # The first use prints the safety page first, as the full screen shows it first.
    page, run = result.stdout.split("\n\n[0:00]")
    assert page == safety_page(None)
    lines = ("[0:00]" + run).splitlines()
    assert lines[0].startswith("[0:00] Now: Toe pulls (ankle pumps), both legs, 1 second. Sitting.")
    assert lines[1:] == ["  Take care: Keep the pointing gentle; pointing hard can set off a cramp.",
                         "Tiny: all done. Well done, and sleep well. 1 second of stretching."]
    again = subprocess.run([sys.executable, "-m", "coach", "run", "tiny", "--plain", "--quiet"],
                           capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert again.stdout.startswith("[0:00] Now: Toe pulls")


def test_the_full_screen_app_without_a_terminal_explains_instead_of_crashing():
    for args in ([], ["run", "evening"], ["sos"]):
        result = subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                                timeout=30, stdin=subprocess.DEVNULL)
        assert result.returncode == 2
        assert result.stderr.strip() == ("coach: the full-screen coach needs a terminal; use 'coach list', "
                                         "'coach show NAME' or 'coach run NAME --plain' instead")
        assert "Traceback" not in result.stderr


def test_cramp_first_aid_prints_stop_and_get_help_once_at_the_start():
    clock = ManualClock()
    out = io.StringIO()
    timeline = build_timeline(load_library().routines["cramp-now"], Side.LEFT)
    run_plain(timeline, out, clock, clock.advance, bell=False, first_aid=True)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[0:00] Now: Sit up and turn on a light, both legs")
    assert lines[1:4] == ["  Stop and get help:", *(f"  - {line}" for line in during_a_cramp())]
    assert out.getvalue().count("Stop and get help") == 1
    # Standing comes late, and its caution and note are read out before it.
    heel = next(i for i, line in enumerate(lines) if "Get ready: Stand on the heel" in line)
    assert "Turn on a light and hold on to something before you stand." in lines[heel]
    assert lines[heel + 1] == "  Take care: Hold on firmly, and only with the light on."


def test_the_leg_check_reads_out_when_to_get_help_in_plain_mode_too():
    clock = ManualClock()
    out = io.StringIO()
    run_plain(build_timeline(load_library().routines["evening-pregnancy"]), out, clock, clock.advance,
              bell=False, pregnant=True)
    lines = out.getvalue().splitlines()
    assert "Check your legs" in lines[0]
    assert lines[1:4] == ["  Stop and get help:", *(f"  - {line}" for line in before_stretching(pregnant=True))]
    assert "pregnant with sudden swelling" in lines[3]
    assert lines.count("  Stop and get help:") == 1


def test_first_use_in_plain_mode_asks_about_pregnancy_once_and_keeps_the_answer(monkeypatch, capsys):
    from coach.cli import main
    from coach.settings import load_settings

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "y")
    main.first_use_in_plain_mode(during_a_cramp=False)
    assert capsys.readouterr().out.startswith(safety_page(None))
    assert load_settings().settings.pregnant is True
    main.first_use_in_plain_mode(during_a_cramp=False)  # seen: nothing again
    assert capsys.readouterr().out == ""


def test_plain_run_of_a_routine_uses_its_pregnancy_version_when_pregnant():
    from coach.settings import save_settings

    save_settings({"pregnant": True})
    home = os.environ["COACH_HOME"]
    os.makedirs(f"{home}/routines", exist_ok=True)
    for name in ("tiny", "tiny-pregnancy"):
        with open(f"{home}/routines/{name}.yaml", "w") as handle:
            handle.write(f"name: {name}\ntitle: T {name}\nget_ready: 0\nsteps:\n  - exercise: ankle-circles\n"
                         "    duration: 1\n")
    result = subprocess.run([sys.executable, "-m", "coach", "run", "tiny", "--plain", "--quiet"],
                            capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "you said you are pregnant, so this is 'tiny-pregnancy'" in result.stderr
    assert "T tiny-pregnancy: all done" in result.stdout
    assert "The evidence does not cover pregnancy" in result.stdout  # the first-use safety page
