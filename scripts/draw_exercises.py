"""Write docs/exercises.md and an SVG picture per shipped exercise into docs/pictures/.

Run it after changing routines/poses.yaml or an exercise's name:

    .venv/bin/python scripts/draw_exercises.py

tests/test_exercise_pictures_docs.py fails while the committed files differ from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coach.locations import shipped_routines_dir
from coach.pictures.pose import Pose
from coach.pictures.svg import to_svg
from coach.routines.library import load_library, routine_files

ROOT = Path(__file__).resolve().parent.parent
PICTURES = Path("docs/pictures")
PAGE = Path("docs/exercises.md")

INTRO = """# The exercises, in pictures

<!-- Written by scripts/draw_exercises.py from routines/poses.yaml: edit those, not this page. -->

Each picture shows the key position from the side. The figure faces right and works its
**left** leg, drawn in front in dark orange; for the right leg, picture it the other way round.
The shaded band is where the stretch is usually felt, grey limbs are on the far side, and blue
dashed arrows show which way to move. `coach exercises ID` prints the steps, cautions and sources,
with the same picture in your terminal.

coach coaches gentle movements; it is not medical advice. Stretching may help night cramps; it is
not a cure. See a doctor instead of stretching if a calf is swollen, red, warm or tender.
"""


def build() -> dict[Path, str]:
    """Every file this script writes, by path from the repository root, with its contents."""
    library = load_library([routine_files(shipped_routines_dir())])
    files: dict[Path, str] = {}
    sections = [INTRO]
    for exercise in library.exercises.values():
        if not isinstance(exercise.picture, Pose):
            continue
        pose = exercise.picture
        picture = PICTURES / f"{exercise.id}.svg"
        files[picture] = to_svg(pose, exercise.name)
        legs = "one leg at a time" if exercise.per_side else "both legs"
        sections.append(
            f"## {exercise.name}\n\n"
            f"`{exercise.id}` · {exercise.position.value}, {legs}\n\n"
            f"![{exercise.name}: {pose.caption}](pictures/{exercise.id}.svg)\n\n"
            f"{pose.caption}\n"
        )
    files[PAGE] = "\n".join(sections)
    return files


def main() -> int:
    for path, text in build().items():
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
