"""A person's own exercises can carry a pose or a small text picture; files of poses can draw
exercises by id. Every mistake in them is reported on its line, and without a picture nothing
is drawn and nothing breaks."""

from __future__ import annotations

from pathlib import Path

from coach.locations import shipped_routines_dir
from coach.pictures.pose import Pose, TextPicture
from coach.routines.library import load_library, routine_files

SHIPPED = routine_files(shipped_routines_dir())

OWN_EXERCISES = """
exercises:
  chair-calf-stretch:
    name: Seated calf stretch
    position: sitting
    steps: [Sit with one leg straight., Pull the toes toward you.]
    dose: {hold: 10s, rest: 10s, reps: 3}
    per_side: true
    pose:
      head: [6, 11]
      neck: [5.5, 9.6]
      hip: [4, 5]
      arms: {near: [[7, 7.5], [9, 6]]}
      legs:
        near: [[8, 5], [12, 5], [12.3, 4.4], [12.1, 6.8]]
        far: [[7, 5.5], [7, 1], [6.5, 0], [8.5, 0]]
      stretched: near
      feel: calf
      props: [floor, {chair: {x: 2, width: 4, height: 4.6}}]
  neck-roll:
    name: Neck roll
    position: sitting
    steps: [Roll your head slowly.]
    dose: {duration: 20s}
    picture: |
      \\o/
       |
      / \\
  plain-move:
    name: Plain move
    position: standing
    steps: [Stand still.]
    dose: {duration: 10s}
"""


def load(*files: Path):
    return load_library([SHIPPED, list(files)])


def messages(library, path: Path) -> list[str]:
    return [str(problem) for problem in library.problems_in([path])]


def test_own_exercises_carry_a_pose_a_text_picture_or_nothing(write):
    path = write("exercises.yaml", OWN_EXERCISES)
    library = load(path)
    assert messages(library, path) == []
    pose = library.exercises["chair-calf-stretch"].picture
    assert isinstance(pose, Pose) and pose.stretched == "near" and pose.areas == ("calf",)
    assert library.exercises["neck-roll"].picture == TextPicture(("\\o/", " |", "/ \\"))
    assert library.exercises["plain-move"].picture is None


def test_a_mistake_in_an_inline_pose_is_reported_on_its_line(write):
    path = write("exercises.yaml", OWN_EXERCISES.replace("[12.3, 4.4]", "[12.3, low]"))
    library = load(path)
    assert messages(library, path) == [
        f"{path}:14:40: the pose of exercise 'chair-calf-stretch': 'low' is not a number — "
        "write a number such as 4 or 2.5",
    ]
    assert "chair-calf-stretch" not in library.exercises
    assert "neck-roll" in library.exercises  # the rest of the file still loads
    path = write("exercises.yaml", OWN_EXERCISES.replace("stretched: near", "stretched: left"))
    assert messages(load(path), path) == [
        f"{path}:16:18: the pose of exercise 'chair-calf-stretch': 'stretched' should be one of near, far, both — "
        "name the leg that is stretched: near (drawn in front), far, or both",
    ]


def test_a_wrong_key_in_a_prop_points_at_the_key(write):
    path = write("exercises.yaml", OWN_EXERCISES.replace("chair: {x: 2,", "chair: {left: 2,"))
    assert messages(load(path), path) == [
        f"{path}:18:31: the pose of exercise 'chair-calf-stretch': unknown key 'left' in the chair — "
        "allowed keys: x, y, width, height, points, label, label_at",
    ]


def test_a_text_picture_must_be_small_and_plain(write):
    path = write("exercises.yaml", OWN_EXERCISES.replace("       |\n", "       |" + "-" * 50 + "\n"))
    assert messages(load(path), path) == [
        f"{path}:24:14: the picture of exercise 'neck-roll': a picture line is 52 characters wide; "
        "at most 40 fit — make it narrower",
    ]


def test_pose_and_picture_together_is_one_too_many(write):
    path = write("exercises.yaml", OWN_EXERCISES.replace("    pose:\n", "    picture: x\n    pose:\n"))
    assert messages(load(path), path) == [
        f"{path}:8:14: exercise 'chair-calf-stretch' has both 'pose' and 'picture' — keep one of them",
    ]


POSES = """
poses:
  plain-move:
    head: [5, 16]
    neck: [5, 14.5]
    hip: [5, 9]
    legs: {near: [[5, 5], [5, 1], [4.5, 0], [6.5, 0]]}
  wall-calf-stretch:
    head: [5, 16]
    neck: [5, 14.5]
    hip: [5, 9]
    legs: {near: [[5, 5], [5, 1], [4.5, 0], [6.5, 0]]}
    caption: Mine.
  toe-pull:
    head: [5, 16]
    neck: [5, 14.5]
    hip: [5, 9]
    legs: {near: [[5, 5], [5, 1], [4.5, 0], [6.5, 0]]}
"""


def test_a_poses_file_draws_exercises_by_id_and_names_unknown_ids(write):
    exercises = write("exercises.yaml", OWN_EXERCISES)
    poses = write("poses.yaml", POSES)
    library = load(exercises, poses)
    assert messages(library, poses) == [f"{poses}:13:3: there is no exercise 'toe-pull' for this pose — "
                                        "did you mean 'toe-pulls'?"]
    assert isinstance(library.exercises["plain-move"].picture, Pose)
    # A person's pose file redraws a shipped exercise; an exercise's own pose still wins.
    assert library.exercises["wall-calf-stretch"].picture.caption == "Mine."
    assert isinstance(library.exercises["neck-roll"].picture, TextPicture)
    assert "poses" not in library.routines


def test_an_exercise_redefined_by_a_person_does_not_keep_the_shipped_picture(write):
    own = OWN_EXERCISES.replace("  plain-move:", "  wall-calf-stretch:")
    path = write("exercises.yaml", own)
    library = load(path)
    assert library.exercises["wall-calf-stretch"].name == "Plain move"
    assert library.exercises["wall-calf-stretch"].picture is None
    assert isinstance(library.exercises["wall-lean"].picture, Pose)
