"""coach new and coach edit, with scripted editors standing in for a person."""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import own as cli_own
from coach.routines.library import load_library

ROOT = Path(__file__).resolve().parents[2]


def coach(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})})


def editor(tmp_path: Path, name: str, script: str) -> str:
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_new_writes_a_commented_valid_file_that_is_listed(coach_home):
    result = coach("new", "my-evening", "--from", "quick")
    path = coach_home / "routines" / "my-evening.yaml"
    assert result.returncode == 0 and result.stdout.splitlines()[0] == f"Wrote {path}"
    text = path.read_text()
    assert text.startswith("# Quick trial stretches (mine): your own routine for coach.")
    assert "name: my-evening" in text and "  - exercise: wall-calf-stretch" in text
    assert coach("validate").returncode == 0
    listed = coach("list").stdout
    assert "my-evening" in listed and "Quick trial stretches (mine)" in listed


@pytest.mark.parametrize("args, message", [
    (["new", "My Routine"], "'My Routine' is not a usable name"),
    (["new", "mine", "--from", "evning"], "did you mean 'evening'?"),
])
def test_new_refuses_bad_names_and_unknown_bases(args, message):
    result = coach(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_new_never_overwrites(coach_home):
    coach("new", "mine")
    again = coach("new", "mine")
    assert again.returncode == 2 and "you already have a routine called 'mine'" in again.stderr


def test_editing_a_shipped_routine_copies_it_first_and_never_changes_the_original(tmp_path, coach_home):
    original = (ROOT / "routines" / "quick.yaml").read_text()
    append_note = editor(tmp_path, "add-note", "sed -i 's/^description: .*/description: Longer holds for me./' \"$1\"\n")
    result = coach("edit", "quick", env={"EDITOR": append_note})
    copy = coach_home / "routines" / "quick.yaml"
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"Copied coach's 'quick' to {copy}; your copy is used from now on.",
                                          f"{copy}: no problems."]
    assert (ROOT / "routines" / "quick.yaml").read_text() == original
    assert "Longer holds for me." in copy.read_text()
    assert "(your version)" in coach("list").stdout


def test_a_broken_edit_without_a_terminal_keeps_the_last_good_version(tmp_path, coach_home):
    coach("new", "mine")
    path = coach_home / "routines" / "mine.yaml"
    good = path.read_text()
    breaker = editor(tmp_path, "breaker", 'printf "name: mine\\ntitle: Mine\\nsteps:\\n  - exercise: nope\\n" > "$1"\n')
    result = coach("edit", "mine", env={"VISUAL": breaker, "EDITOR": "false"})
    assert result.returncode == 1
    assert f"{path}:4:15: unknown exercise 'nope'" in result.stdout
    assert result.stdout.rstrip().endswith("your changes were not saved.")
    assert path.read_text() == good


def test_edit_again_until_it_is_right(tmp_path, coach_home, monkeypatch):
    """Like crontab -e: the first save is broken, the person chooses to edit again and fixes it."""
    coach("new", "mine")
    counter = tmp_path / "count"
    script = editor(tmp_path, "twice", f'''n=$(cat {counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {counter}
if [ $n -eq 1 ]; then printf "name: mine\\ntitle: Mine\\nsteps: []\\n" > "$1"
else printf "name: mine\\ntitle: Mine, fixed\\nsteps: [ankle-circles]\\n" > "$1"; fi
''')
    monkeypatch.setenv("EDITOR", script)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["e"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert cli_own.command_edit(argparse.Namespace(name="mine")) == 0
    assert counter.read_text().strip() == "2"
    assert load_library().routines["mine"].title == "Mine, fixed"


def test_edit_an_unknown_routine_suggests_one():
    result = coach("edit", "quik", env={"EDITOR": "true"})
    assert result.returncode == 2 and "did you mean 'quick'?" in result.stderr


def test_new_refuses_coachs_own_names_unless_asked_to_replace_them(coach_home):
    result = coach("new", "quick", "--from", "evening")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'quick' is the name of coach's own 'Quick trial stretches'" in result.stderr
    assert "--replace-coachs" in result.stderr
    assert not (coach_home / "routines" / "quick.yaml").exists()
    assert coach("new", "quick", "--from", "evening", "--replace-coachs").returncode == 0
    assert "quick" in load_library().overridden


def test_new_refuses_the_name_of_the_exercise_library_file(coach_home):
    result = coach("new", "exercises")
    assert result.returncode == 2 and "exercise library" in result.stderr
    assert not (coach_home / "routines" / "exercises.yaml").exists()


def test_new_on_a_full_disk_leaves_nothing_behind(coach_home, monkeypatch, capsys):
    from coach import files
    from coach.cli.main import main

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    assert main(["new", "mine"]) == 2
    assert "could not write" in capsys.readouterr().err
    assert list((coach_home / "routines").iterdir()) == []


def test_edit_never_copies_over_a_file_that_holds_another_routine(coach_home, tmp_path):
    folder = coach_home / "routines"
    folder.mkdir()
    theirs = "name: not-quick\ntitle: Mine, in a file called quick.yaml\nsteps: [ankle-circles]\n"
    (folder / "quick.yaml").write_text(theirs)
    result = coach("edit", "quick", env={"EDITOR": "true"})
    assert result.returncode == 2 and "already exists and holds another routine" in result.stderr
    assert (folder / "quick.yaml").read_text() == theirs
