"""docs/exercises.md and its pictures are exactly what scripts/draw_exercises.py writes."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

from system_programs import needs

ROOT = Path(__file__).resolve().parent.parent


def draw_exercises():
    spec = importlib.util.spec_from_file_location("draw_exercises", ROOT / "scripts" / "draw_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_pictures_match_the_generator():
    expected = draw_exercises().build()
    stale = [str(path) for path, text in expected.items()
             if not (ROOT / path).exists() or (ROOT / path).read_text(encoding="utf-8") != text]
    assert stale == [], f"run '.venv/bin/python scripts/draw_exercises.py' to redraw: {stale}"
    committed = {Path("docs/pictures") / path.name for path in (ROOT / "docs" / "pictures").glob("*.svg")}
    assert committed == {path for path in expected if path.suffix == ".svg"}, "a picture with no exercise"


def test_the_page_shows_every_picture_it_has():
    page = (ROOT / "docs" / "exercises.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\((pictures/[a-z-]+\.svg)\)", page))
    assert shown == {f"pictures/{path.name}" for path in (ROOT / "docs" / "pictures").glob("*.svg")}
    assert len(shown) >= 21


@needs("rsvg-convert", "librsvg2-bin")
def test_every_picture_renders_as_an_image(tmp_path):
    for svg in sorted((ROOT / "docs" / "pictures").glob("*.svg")):
        png = tmp_path / f"{svg.stem}.png"
        subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True, timeout=30)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 3000
