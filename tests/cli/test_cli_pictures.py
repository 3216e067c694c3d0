"""`coach exercises NAME` draws the exercise above its steps; --plain keeps to words."""

from __future__ import annotations

import subprocess
import sys

BRAILLE = range(0x2801, 0x2900)


def coach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=30)


def braille_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(ord(character) in BRAILLE for character in line)]


def test_an_exercise_is_shown_with_its_picture_then_its_steps():
    result = coach("exercises", "wall-calf-stretch")
    assert result.returncode == 0 and result.stderr == ""
    art = braille_lines(result.stdout)
    assert 8 <= len(art) <= 18 and max(len(line) for line in art) <= 72
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes
    assert "The leg drawn thicker is your left leg." in result.stdout
    assert result.stdout.index(art[-1]) < result.stdout.index("1. Face a wall")


def test_the_right_leg_gets_the_mirror_image():
    left = braille_lines(coach("exercises", "wall-calf-stretch").stdout)
    right = coach("exercises", "wall-calf-stretch", "--side", "right").stdout
    assert braille_lines(right) != left and "is your right leg" in right
    # The wall, the one column drawn in nearly every row, is in the right half of the left-leg
    # picture and in the left half of the right-leg one.
    assert wall_column(left) > 0.5 and wall_column(braille_lines(right)) < 0.5


def wall_column(lines: list[str]) -> float:
    """Where the most-drawn column is, as a fraction of the picture's width."""
    width = max(len(line) for line in lines)
    counts = [sum(line.ljust(width)[column] != " " for line in lines) for column in range(width)]
    return counts.index(max(counts)) / width


def test_plain_gives_the_words_without_a_picture():
    result = coach("exercises", "wall-calf-stretch", "--plain")
    assert result.returncode == 0 and braille_lines(result.stdout) == []
    assert "1. Face a wall" in result.stdout
