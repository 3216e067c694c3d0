"""The core must work, and be testable, without Textual: only coach.tui may import it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coach

PACKAGE = Path(coach.__file__).parent
UI_PACKAGE = PACKAGE / "tui"


def core_modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if UI_PACKAGE not in path.parents]


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_textual():
    offenders = [str(path.relative_to(PACKAGE)) for path in core_modules()
                 if "textual" in imported_names(path)]
    assert offenders == []
    assert len(core_modules()) >= 10  # the check really saw the core


def test_loading_the_whole_core_does_not_pull_in_textual():
    modules = [".".join(("coach", *p.relative_to(PACKAGE).with_suffix("").parts)) for p in core_modules()
               if p.stem != "__main__"]
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_check_recognises_a_textual_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from textual.app import App\n")
    assert "textual" in imported_names(sample)
