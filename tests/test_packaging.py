"""The shipped routines travel inside the wheel, so an installed coach finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_an_installed_wheel_carries_and_finds_the_routines(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("coach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(Path(ROOT, "routines").glob("*.yaml"))
    for path in shipped:
        assert f"coach/shipped_routines/{path.name}" in names
    assert "coach/shipped_docs/routine-format.md" in names  # what 'coach help routines' shows
    for language in ("de", "es", "ru"):  # and in each language
        assert f"coach/shipped_docs/routine-format.{language}.md" in names
    for language in ("de", "es", "ru"):  # the compiled catalogues coach reads
        assert f"coach/locale/{language}/LC_MESSAGES/coach.mo" in names
    for language in ("en", "de", "es", "ru"):  # the library read ahead, for a first start
        assert f"coach/routines/prebuilt/{language}.json" in names

    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    away_from_checkout = tmp_path / "elsewhere"
    away_from_checkout.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = ("import coach.locations as l, coach.routines.library as lib; "
             "print(l.shipped_routines_dir()); print(sorted(lib.load_library().routines)); "
             "import sys; print('yaml' in sys.modules); "
             "print(l.guide_path('routine-format.md')); "
             "import coach.i18n as i, coach.words as w; i.use_language('ru'); print(w.leg_words('left'))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=away_from_checkout, env=env,
                            capture_output=True, text=True, check=True, timeout=60)
    folder, routines, yaml_read, guide, russian = result.stdout.splitlines()
    assert yaml_read == "False"  # a first start: the installed files match the prebuilt library
    assert russian == "левая нога"
    assert Path(folder) == target / "coach" / "shipped_routines"
    assert Path(guide) == target / "coach" / "shipped_docs" / "routine-format.md"
    assert routines == ("['cramp-now', 'cramp-now-pregnancy', 'evening', 'evening-pregnancy', 'quick', "
                        "'quick-pregnancy']")
