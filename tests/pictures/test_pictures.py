"""Pictures of exercises: every shipped exercise has one, it fits the terminal, and the two
legs' pictures are mirror images."""

from __future__ import annotations

import pytest

from coach.pictures.braille import BRAILLE_BASE, DOT_BITS, render
from coach.pictures.pose import Pose, PoseError, pose_from_data
from coach.pictures.shapes import Layer
from coach.pictures.svg import to_svg
from coach.routines.library import load_library

LIBRARY = load_library()
POSES = {exercise.id: exercise.picture for exercise in LIBRARY.exercises.values()}
SIZES = [(60, 20), (100, 30), (200, 50), (24, 8), (37, 13), (70, 45)]

SIMPLE = {
    "head": [5, 16], "neck": [5, 14.5], "hip": [5, 9],
    "arms": {"near": [[6, 12], [7, 10]]},
    "legs": {"near": [[6, 5], [6, 1], [5.5, 0], [7.5, 0]], "far": [[4, 5], [3, 1], [2.5, 0], [4.5, 0]]},
    "stretched": "far", "feel": "calf", "props": ["floor", {"wall": {"x": 10}}],
}


def test_every_shipped_exercise_has_a_pose():
    assert LIBRARY.problems == []
    missing = [exercise_id for exercise_id, picture in POSES.items() if not isinstance(picture, Pose)]
    assert missing == []


@pytest.mark.parametrize("exercise_id", sorted(POSES))
@pytest.mark.parametrize("columns, rows", SIZES)
def test_the_braille_picture_fits_the_space_it_is_given(exercise_id, columns, rows):
    art = render(POSES[exercise_id], columns, rows)
    assert 0 < art.height <= rows and 0 < art.width <= columns
    assert all(len(line) == art.width for line in art.lines)
    # As large as it can be: it fills nearly all of the width or of the height it was given.
    assert art.width >= 0.9 * columns or art.height >= 0.9 * rows


@pytest.mark.parametrize("exercise_id", sorted(POSES))
@pytest.mark.parametrize("columns, rows", [(60, 20), (100, 30), (200, 50)])
def test_left_and_right_are_mirror_images(exercise_id, columns, rows):
    left = render(POSES[exercise_id], columns, rows)
    right = render(POSES[exercise_id], columns, rows, mirror=True)
    assert right.lines != left.lines
    assert [mirror_line(line) for line in left.lines] == list(right.lines)
    assert [tuple(reversed(row)) for row in left.layers] == list(right.layers)


def mirror_line(line: str) -> str:
    """A row of braille flipped left to right, dot by dot."""
    swapped = {(x, y): (1 - x, y) for x, y in DOT_BITS}
    flipped = []
    for character in reversed(line):
        bits = 0 if character == " " else ord(character) - BRAILLE_BASE
        new = sum(DOT_BITS[swapped[dot]] for dot, bit in DOT_BITS.items() if bits & bit)
        flipped.append(chr(BRAILLE_BASE + new) if new else " ")
    return "".join(flipped)


def test_the_stretched_leg_is_its_own_layer_and_on_the_right_side():
    pose = pose_from_data(SIMPLE)  # the far leg (behind, at the left) is stretched
    art = render(pose, 40, 20)
    columns = [c for row in art.layers for c, layer in enumerate(row) if layer is Layer.STRETCHED]
    body = [c for row in art.layers for c, layer in enumerate(row) if layer is Layer.BODY]
    assert columns and body
    assert sum(columns) / len(columns) < sum(body) / len(body)
    mirrored = render(pose, 40, 20, mirror=True)
    columns = [c for row in mirrored.layers for c, layer in enumerate(row) if layer is Layer.STRETCHED]
    assert sum(columns) / len(columns) > mirrored.width / 2


def test_too_small_a_space_draws_nothing():
    pose = pose_from_data(SIMPLE)
    assert render(pose, 7, 20).lines == () and render(pose, 40, 3).lines == ()


def test_the_svg_names_the_exercise_and_keys_its_colours():
    svg = to_svg(pose_from_data(SIMPLE), "Wall <calf> stretch")
    assert svg.startswith("<svg") and "<title>Wall &lt;calf&gt; stretch</title>" in svg
    assert "the leg being worked" in svg and "where you feel it" in svg and "wall" in svg


@pytest.mark.parametrize("change, where, message", [
    ({"hip": [5]}, ("hip",), "a point should be two numbers"),
    ({"hip": [5, "up"]}, ("hip", 1), "'up' is not a number"),
    ({"hip": [5, 900]}, ("hip", 1), "too far out"),
    ({"stretched": "left"}, ("stretched",), "'stretched' should be one of near, far, both"),
    ({"feel": ["calf", "knee"]}, ("feel", 1), "'knee' is not one of calf, lower-calf, hamstring, foot"),
    ({"legs": {"near": [[6, 5], [6, 1]]}}, ("legs", "near"), "expected 4 points"),
    ({"legs": {"middle": [[6, 5], [6, 1], [5, 0], [7, 0]]}}, ("legs", "middle"), "unknown key 'middle'"),
    ({"props": [{"sofa": {}}]}, ("props", 0, "sofa"), "unknown key 'sofa'"),
    ({"props": [{"step": {"x": 3}}]}, ("props", 0, "step"), "the step needs a width and a height"),
    ({"props": [{"towel": {}}]}, ("props", 0, "towel"), "a towel needs 'points'"),
    ({"moves": [[[1, 1], [2, 2]]]}, ("moves", 0), "expected 3 points"),
    ({"elbow": [1, 1]}, ("elbow",), "unknown key 'elbow'"),
])
def test_a_wrong_pose_says_where_and_what(change, where, message):
    with pytest.raises(PoseError) as raised:
        pose_from_data({**SIMPLE, **change})
    assert raised.value.where == where
    assert message in raised.value.message and raised.value.fix


def test_a_pose_needs_a_body():
    with pytest.raises(PoseError, match="the pose has no 'legs'"):
        pose_from_data({key: value for key, value in SIMPLE.items() if key != "legs"})
