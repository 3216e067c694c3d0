"""The command line, run as a person runs it: as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach import __version__

SCRIPT = Path(sys.executable).with_name("coach")
ROOT = Path(__file__).resolve().parents[2]


def coach(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if env_home is not None:
        env["COACH_HOME"] = str(env_home)
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True,
                          text=True, env=env, timeout=30)


def test_version_from_the_installed_script():
    result = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, timeout=30)
    assert (result.returncode, result.stdout.strip()) == (0, f"coach {__version__}")


def test_list_shows_each_routine_with_its_total_time():
    result = coach("list")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "TIME", "TITLE"]
    rows = {line.split()[0]: line.split()[1] for line in lines[1:]}
    assert rows == {"cramp-now": "5:50", "evening": "11:40", "quick": "3:40", "cramp-now-pregnancy": "5:15",
                    "evening-pregnancy": "8:30", "quick-pregnancy": "3:40"}


def test_show_lays_out_the_whole_timeline_then_the_instructions():
    result = coach("show", "quick")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "quick: Quick trial stretches (3:40)"
    table = [line.split(None, 3) for line in lines[3:28]]
    assert table[0][:3] == ["AT", "FOR", "PHASE"]
    assert lines[4].split() == ["0:00", "5s", "get", "ready", "left", "leg", "Wall", "calf", "stretch"]
    assert lines[5].split()[:6] == ["0:05", "10s", "hold", "1", "of", "3"]
    assert lines[6].split()[:4] == ["0:15", "10s", "rest", "left"]
    assert lines[10].split()[:6] == ["0:55", "5s", "switch", "legs", "right", "leg"]
    assert "3:40  done" in result.stdout
    assert "HOW TO DO EACH EXERCISE" in result.stdout
    assert "Face a wall with your arms straight" in result.stdout
    assert "Source: Hallegraeff 2012, J Physiotherapy" in result.stdout
    assert ".txt" not in result.stdout


def test_show_fills_in_the_leg_for_cramp_now():
    def toe_pull_rows(output):
        return [line for line in output.splitlines() if line.endswith("Straight-knee toe pull")]

    unnamed = toe_pull_rows(coach("show", "cramp-now").stdout)
    named = toe_pull_rows(coach("show", "cramp-now", "--side", "left").stdout)
    assert len(unnamed) == len(named) == 5  # three holds and two rests
    assert all("the cramped leg" in row for row in unnamed)
    assert all("left leg" in row for row in named)


def test_a_mistyped_routine_name_gets_a_suggestion_not_a_traceback():
    result = coach("show", "evning")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "coach: there is no routine called 'evning' — did you mean 'evening'?"


def test_exercises_lists_and_shows_one():
    listing = coach("exercises")
    assert "wall-calf-stretch" in listing.stdout and "standing" in listing.stdout
    one = coach("exercises", "heel-walking", "--plain")
    assert one.stdout.startswith("Heel walking (standing, both legs)")
    assert "\nHeel walking (standing, both legs)" in coach("exercises", "heel-walking").stdout  # after its picture
    assert coach("exercises", "heel-walk").stderr.strip().endswith("did you mean 'heel-walking'?")


def test_validate_passes_the_shipped_routines():
    shipped = [str(p) for p in sorted((ROOT / "routines").glob("*.yaml"))]
    result = coach("validate", *shipped)
    assert result.returncode == 0 and result.stdout.startswith("ok: 8 files checked")


def test_validate_with_no_files_checks_the_persons_own(coach_home):
    assert coach("validate").stdout.startswith("ok: you have no routine files of your own yet")
    folder = coach_home / "routines"
    folder.mkdir()
    (folder / "mine.yaml").write_text("name: mine\ntitle: Mine\nsteps: [ankle-circle]\n")
    result = coach("validate")
    assert result.returncode == 1 and "unknown exercise 'ankle-circle'" in result.stdout



def test_validate_names_each_problem_once_for_a_file_in_the_routines_folder(coach_home):
    folder = coach_home / "routines"
    folder.mkdir()
    (folder / "bad.yaml").write_text("title: [broken\n  steps: :\n")
    result = coach("validate", str(folder / "bad.yaml"))
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 1
    assert result.stderr.strip() == "1 problem in 1 file"

def test_validate_reports_every_problem_and_exits_1(write):
    good = write("good.yaml", "name: good\ntitle: Good\nsteps: [ankle-circles]\n")
    broken = write("broken.yaml", "name: bad\ntitle: Bad\nsteps:\n  - exercise: toe-pull\n    duration: 0\n")
    result = coach("validate", str(good), str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{broken}:4:15: unknown exercise 'toe-pull' — did you mean 'toe-pulls'?",
        f"{broken}:5:15: duration '0' is zero — use a positive time like 45, 45s, 1m30s or 2m",
    ]
    assert result.stderr.strip() == "2 problems in 1 file"
    assert "Traceback" not in result.stderr


def test_validate_names_a_missing_file():
    result = coach("validate", "nowhere.yaml")
    assert result.returncode == 2 and result.stderr.strip() == "coach: no such file: nowhere.yaml"


def test_a_persons_own_routine_is_listed_and_a_broken_one_only_warns(coach_home):
    folder = coach_home / "routines"
    folder.mkdir()
    (folder / "mine.yaml").write_text("name: mine\ntitle: Mine\nsteps: [ankle-circles]\n")
    (folder / "broken.yaml").write_text("name: [\n")
    result = coach("list", env_home=coach_home)
    assert result.returncode == 0
    assert "mine" in result.stdout and "evening" in result.stdout
    assert result.stderr.strip() == (
        "coach: 1 routine file has mistakes and was left out; run 'coach validate' to see them")


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["show", "--help"],
                                  ["validate", "--help"], ["exercises", "--help"]])
def test_help_everywhere(args):
    result = coach(*args)
    assert result.returncode == 0 and result.stdout.startswith("usage: coach")


def test_an_unknown_command_is_a_usage_error():
    result = coach("dance")
    assert result.returncode == 2 and "invalid choice: 'dance'" in result.stderr
    assert "'remind'" in result.stderr and "'history'" in result.stderr  # every command is offered


def test_help_lists_the_commands_of_every_group():
    listed = coach("--help").stdout
    for command in ("list", "run", "sos", "cramp", "checkin", "plan", "history", "stats", "report", "remind", "new", "edit"):
        assert f"    {command} " in listed


def test_the_command_groups_name_exactly_the_commands_their_modules_add():
    import argparse
    import importlib

    from coach.cli.main import BUILT_IN_COMMANDS, COMMAND_GROUPS, build_parser

    def commands_of(parser: argparse.ArgumentParser) -> set[str]:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return set(action.choices)

    assert commands_of(build_parser([])) == set(BUILT_IN_COMMANDS)
    for module, names in COMMAND_GROUPS.items():
        assert importlib.import_module(module).HANDLERS.keys() == set(names)
        assert commands_of(build_parser([module])) == set(BUILT_IN_COMMANDS) | set(names), module


def test_a_command_loads_only_its_own_group_and_the_app_path_nothing_unused():
    probe = (
        "import sys\n"
        "from coach.cli.main import main\n"
        "main(['list'])\n"
        "import coach.tui.app, coach.tui.screens.run\n"
        "unused = ('coach.cli.remind', 'coach.cli.own', 'coach.reminders.scheduler_install',\n"
        "          'xml.sax.saxutils', 'urllib.request', 'http.client', 'email.parser')\n"
        "print(sorted(name for name in unused if name in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    stats = coach("remind", "list")
    assert stats.returncode == 0, stats.stderr


def test_coach_help_routines_shows_the_format_guide_that_messages_point_to():
    result = subprocess.run([sys.executable, "-m", "coach", "help", "routines"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("# Routine files")
    assert "```yaml" in result.stdout
