"""What the README and the format guide promise must be true."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from coach.locations import shipped_routines_dir
from coach.routines.library import load_library, routine_files

ROOT = Path(__file__).resolve().parents[1]


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


def test_the_format_guides_examples_are_valid(tmp_path):
    routine, library, translation = yaml_blocks(ROOT / "docs" / "routine-format.md")
    (tmp_path / "exercises.yaml").write_text(library)
    (tmp_path / "my-evening.yaml").write_text(routine)
    loaded = load_library([routine_files(shipped_routines_dir()), routine_files(tmp_path)])
    assert loaded.problems == []
    assert "my-evening" in loaded.routines and "towel-calf-stretch" in loaded.exercises
    (tmp_path / "de.yaml").write_text(translation, encoding="utf-8")
    checked = load_library([routine_files(shipped_routines_dir()), [tmp_path / "de.yaml"]], "en")
    assert checked.problems == []


def test_the_readme_has_exactly_two_setup_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, re.DOTALL)
    assert len(commands) == 2 and all("\n" not in command for command in commands)
    install_and_start, install_and_test = commands
    assert install_and_start.endswith("coach") and "pytest" in install_and_test
    extract = re.search(r"^command=\$\((.*)\)$", (ROOT / ".ci" / "run").read_text(), re.MULTILINE)
    found = subprocess.run(["bash", "-c", extract.group(1)], cwd=ROOT, capture_output=True, text=True)
    assert found.stdout.strip() == install_and_test


def test_the_exercise_sources_page_covers_every_exercise_and_why_it_is_in_each_routine():
    page = (ROOT / "docs" / "exercise-sources.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `([a-z-]+)`: .*?\n(.*?)(?=^### |\Z)", page, re.MULTILINE | re.DOTALL))
    library = load_library([routine_files(shipped_routines_dir())])
    assert set(sections) == set(library.exercises)
    for exercise in library.exercises.values():
        section = sections[exercise.id]
        assert f"Sources: {'; '.join(exercise.sources)}." in section, exercise.id
        in_routines = {name for name, routine in library.routines.items()
                       if any(step.exercise.id == exercise.id for step in routine.steps)}
        explained = set(re.findall(r"^- `([a-z-]+)`: \S", section, re.MULTILINE))
        assert explained == in_routines, exercise.id


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"^```.*?^```", text, re.DOTALL | re.MULTILINE)


def outline(text: str) -> list[str]:
    """What a translation keeps from the English: each heading's level, each table's rows."""
    without_code = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    return [line.split(" ", 1)[0] if line.startswith("#") else "|" * line.count("|")
            for line in without_code.splitlines() if line.startswith(("#", "|"))]


@pytest.mark.parametrize("language", ["de", "es", "ru"])
def test_the_format_guide_in_each_language_keeps_the_english_examples_and_outline(language):
    english = (ROOT / "docs" / "routine-format.md").read_text(encoding="utf-8")
    translated = (ROOT / "docs" / f"routine-format.{language}.md").read_text(encoding="utf-8")
    assert fenced_blocks(translated) == fenced_blocks(english)  # the examples people copy, unchanged
    assert outline(translated) == outline(english)
    assert re.findall(r"`[^`\n]+`", translated) and set(re.findall(r"\]\(([^)]+)\)", translated)) == \
        set(re.findall(r"\]\(([^)]+)\)", english))  # the same links


@pytest.mark.parametrize(("language", "english_heading"), [("ru", "# Routine files"), ("es", "# Routine files")])
def test_the_guide_is_shown_in_the_language_coach_speaks(language, english_heading):
    from coach.i18n import use_language
    from coach.locations import guide_path

    use_language(language)
    guide = guide_path("routine-format.md")
    assert guide.name == f"routine-format.{language}.md"
    assert not guide.read_text(encoding="utf-8").startswith(english_heading)
    use_language("en")
    assert guide_path("routine-format.md").name == "routine-format.md"
