"""coach's exercises and routines in the person's language: the translation files, how the library
lays them over the English, how they are checked, cached and copied."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from coach import i18n, locations
from coach.cli.main import main
from coach.i18n import use_language
from coach.pictures.pose import Pose
from coach.pictures.svg import to_svg
from coach.routines import cache, library
from coach.routines.library import load_library, read_library, routine_files, shipped_library
from coach.routines.translations import picture_words, read_translation
from coach.routines.writer import scalar
from coach.routines.yamlsource import read_document

SHIPPED = locations.shipped_routines_dir()
# Every language coach speaks has its exercise texts: adding one to coach.i18n.LANGUAGES needs its file.
LANGUAGES = tuple(code for code in i18n.LANGUAGES if code != i18n.ENGLISH)


def english_shipped() -> library.Library:
    return read_library([routine_files(SHIPPED)], "en")


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """coach's own files copied to a folder this test may change, standing in for the real ones."""
    folder = tmp_path / "shipped"
    shutil.copytree(SHIPPED, folder)
    monkeypatch.setattr(locations, "shipped_routines_dir", lambda: folder)
    return folder


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_exercise_routine_and_picture_word_is_translated(language: str) -> None:
    english = english_shipped()
    document = read_document(SHIPPED / "translations" / f"{language}.yaml")
    translation = read_translation(document, english.exercises, english.routines)
    assert document.problems == []
    assert translation is not None and translation.language == language
    assert set(translation.exercises) == set(english.exercises)
    for exercise_id, exercise in english.exercises.items():
        text = translation.exercises[exercise_id]
        assert text.name and text.name != exercise.name, exercise_id
        assert text.steps is not None and len(text.steps) == len(exercise.steps), exercise_id
        assert len(text.cautions or ()) == len(exercise.cautions), exercise_id
        has_caption = isinstance(exercise.picture, Pose) and bool(exercise.picture.caption)
        assert bool(text.caption) == has_caption, exercise_id
    assert set(translation.routines) == set(english.routines)
    for name, routine in english.routines.items():
        text = translation.routines[name]
        assert text.title and text.title != routine.title, name
        assert bool(text.description) == bool(routine.description), name
        assert set(text.notes) == {step.exercise.id for step in routine.steps if step.note}, name
    assert set(translation.labels) == picture_words(english.exercises.values())
    assert set(translation.sources) == {title for exercise in english.exercises.values() for title in exercise.sources}


def keys_named(text: str | None) -> list[str]:
    """The keys a text tells people to press: q (on its own) and ⇧→."""
    return re.findall(r"(?<!\w)q(?!\w)|⇧→", text or "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translations_keep_the_keys_people_press(language: str) -> None:
    english = english_shipped()
    translated = read_library([routine_files(SHIPPED)], language)
    for name, routine in english.routines.items():
        for step, ours in zip(routine.steps, translated.routines[name].steps, strict=True):
            assert keys_named(ours.note) == keys_named(step.note), (name, step.exercise.id)
    for exercise_id, exercise in english.exercises.items():
        for line, ours in zip(exercise.steps, translated.exercises[exercise_id].steps, strict=True):
            assert keys_named(ours) == keys_named(line), exercise_id


def test_coach_show_quick_in_russian_shows_the_routine_and_its_exercises_in_russian(capsys) -> None:
    assert main(["--lang", "ru", "show", "quick"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("quick: Быстрая растяжка из исследования")
    assert "Только две растяжки, проверенные в исследовании" in shown
    assert "Растяжка икры у стены" in shown and "Растяжка задней поверхности бедра стоя" in shown
    assert "1. Встаньте лицом к стене, руки прямые, ладони на стене на уровне груди." in shown
    assert "Сильная растяжка, но не боль. Если больно, ослабьте." in shown
    assert "Wall calf stretch" not in shown and "Face a wall" not in shown


def test_the_library_is_in_the_language_chosen_first_aid_and_pictures_too() -> None:
    use_language("ru")
    ours = load_library()
    evening = ours.routines["evening"]
    assert evening.title == "Вечерняя растяжка"
    assert evening.steps[2].exercise is ours.exercises["wall-calf-stretch"]
    assert evening.steps[2].note == "Сильная растяжка, но не боль. Дышите спокойно."
    assert ours.first_aid["cramp-now"].title == "Судорога сейчас"
    assert ours.first_aid["cramp-now"].steps[1].exercise.name == "Потяните пальцы на себя, колено прямое"
    stretch = ours.exercises["standing-hamstring-stretch"].picture
    assert isinstance(stretch, Pose) and stretch.caption.startswith("Пятка на низкой ступеньке")
    assert [prop.caption for prop in stretch.props if prop.kind == "step"] == ["низкая ступенька"]
    assert "низкая ступенька" in to_svg(stretch, "Растяжка")
    # ids, doses and positions are the English files'; the sources' titles are translated
    english = english_shipped()
    assert [step.dose for step in evening.steps] == [step.dose for step in english.routines["evening"].steps]
    assert ours.exercises["sit-up-safely"].sources == ("Сводит икроножную мышцу ночью: причины, что делать",)
    assert english.exercises["sit-up-safely"].sources == ("Reduces the calf muscle at night. Reasons for what to do",)
    use_language("de")
    assert load_library().routines["evening"].title == "Abendliche Dehnungen"
    use_language("en")
    assert load_library().routines["evening"].title == "Evening stretches"


def test_a_persons_own_files_keep_their_words_in_any_language(coach_home: Path) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "evening.yaml").write_text(
        "name: evening\ntitle: My evening\nsteps:\n  - exercise: wall-calf-stretch\n    note: My note.\n",
        encoding="utf-8")
    (folder / "exercises.yaml").write_text(
        "exercises:\n  toe-pulls:\n    name: My toe pulls\n    position: sitting\n"
        "    steps: [Pull.]\n    dose: {duration: 20s}\n", encoding="utf-8")
    use_language("ru")
    ours = load_library()
    assert ours.routines["evening"].title == "My evening"
    assert ours.routines["evening"].steps[0].note == "My note."
    # ...while coach's own exercise in the person's routine is in their language
    assert ours.routines["evening"].steps[0].exercise.name == "Растяжка икры у стены"
    assert ours.exercises["toe-pulls"].name == "My toe pulls"
    assert ours.routines["quick"].title == "Быстрая растяжка из исследования"


def test_a_persons_own_picture_of_coachs_exercise_keeps_its_words(coach_home: Path) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "poses.yaml").write_text(
        "poses:\n  wall-calf-stretch:\n    caption: My way of doing it.\n    head: [11.6, 15]\n"
        "    neck: [10.5, 13.7]\n    hip: [7.4, 9]\n    legs:\n"
        "      near: [[5.5, 4.9], [3.6, 0.9], [3.1, 0], [5.4, 0]]\n    props:\n      - wall: {x: 14}\n",
        encoding="utf-8")
    use_language("ru")
    exercise = load_library().exercises["wall-calf-stretch"]
    assert exercise.name == "Растяжка икры у стены"
    assert isinstance(exercise.picture, Pose) and exercise.picture.caption == "My way of doing it."
    assert [prop.caption for prop in exercise.picture.props] == ["wall"]
    shipped_picture = load_library().exercises["soleus-stretch"].picture
    assert isinstance(shipped_picture, Pose) and "стена" in [prop.caption for prop in shipped_picture.props]


def broken_translation(folder: Path) -> Path:
    """A Russian file with four mistakes a translator makes; returns its path."""
    path = folder / "translations" / "ru.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  wall-lean:\n", "  wall-leen:\n", 1)  # a misspelt id
    text = text.replace("      - Опустите обе пятки к полу и почувствуйте, как растягиваются обе икры.\n", "", 1)
    text = text.replace("    name: Круги стопами\n", "    name: ''\n", 1)  # an empty name
    text = text.replace("      pedalling: Теперь лягте на спину.\n", "      ankle-circles: Теперь лягте.\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


EMPTY_NAME = "name: ''"


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_validate_names_each_mistake_in_a_translation_file_by_line(shipped_copy: Path, capsys) -> None:
    path = broken_translation(shipped_copy)
    assert main(["validate", str(path)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"{path}:{line_of(path, 'wall-leen:')}:3: there is no exercise 'wall-leen' to translate — "
        "did you mean 'wall-lean'?",
        f"{path}:{line_of(path, 'Положите толстую книгу')}:7: 'steps' has 3 lines here and 4 in English — "
        "translate each English line as one line, in the same order",
        f"{path}:{line_of(path, EMPTY_NAME)}:11: the name of exercise 'ankle-circles' is empty — "
        "write some text, or remove the line",
        f"{path}:{line_of(path, 'ankle-circles: Теперь')}:7: no step of 'evening' with exercise "
        "'ankle-circles' has a note — use the id of a step that has a note",
    ]
    assert "Traceback" not in "\n".join(printed)


def test_a_broken_entry_stays_english_and_the_rest_is_translated(shipped_copy: Path) -> None:
    broken_translation(shipped_copy)
    ours = read_library([routine_files(shipped_copy)], "ru")
    assert ours.exercises["book-calf-stretch"].name == "Calf stretch on a book"  # a step was lost
    assert ours.exercises["ankle-circles"].name == "Ankle circles"
    assert ours.exercises["wall-lean"].name == "Wall lean, both calves"
    assert ours.routines["evening"].title == "Evening stretches"
    assert ours.exercises["wall-calf-stretch"].name == "Растяжка икры у стены"
    assert ours.routines["quick"].title == "Быстрая растяжка из исследования"
    assert {problem.path.name for problem in ours.problems} == {"ru.yaml"}


def test_the_cache_never_serves_another_language(shipped_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_language("ru")
    assert load_library().routines["quick"].title == "Быстрая растяжка из исследования"
    use_language("en")
    assert load_library().routines["quick"].title == "Quick trial stretches"
    assert cache.cache_path("ru").is_file() and cache.cache_path("en").is_file()
    # a cache file holding another language's texts (copied, or left by an older coach) is not used
    shutil.copyfile(cache.cache_path("ru"), cache.cache_path("en"))
    assert load_library().routines["quick"].title == "Quick trial stretches"
    use_language("ru")
    monkeypatch.setattr(library, "read_library", lambda *given: pytest.fail("the files were read again"))
    assert load_library().routines["quick"].title == "Быстрая растяжка из исследования"


def test_a_changed_translation_file_is_read_again(shipped_copy: Path) -> None:
    use_language("ru")
    assert load_library().routines["quick"].title == "Быстрая растяжка из исследования"
    path = shipped_copy / "translations" / "ru.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Быстрая растяжка из исследования", "title: Короткая растяжка"),
                    encoding="utf-8")
    assert load_library().routines["quick"].title == "Короткая растяжка"
    path.unlink()
    assert load_library().routines["quick"].title == "Quick trial stretches"


def test_a_start_in_russian_needs_no_yaml(coach_home: Path) -> None:
    """The first from coach's prebuilt library, the next from the person's cache."""
    program = "import sys; from coach.i18n import use_language; use_language('ru'); " \
              "from coach.routines.library import load_library; " \
              "print(load_library().routines['quick'].title, 'yaml' in sys.modules)"
    environment = {**os.environ, "COACH_HOME": str(coach_home)}
    outputs = [subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True,
                              text=True, check=True).stdout.split("\n")[0] for _ in range(2)]
    assert outputs == ["Быстрая растяжка из исследования False"] * 2
    assert (coach_home / "cache" / "routines.ru.json").is_file()


def test_coach_new_from_a_shipped_routine_in_russian_writes_russian(coach_home: Path, capsys) -> None:
    assert main(["--lang", "ru", "new", "my-quick", "--from", "cramp-now"]) == 0
    text = (coach_home / "routines" / "my-quick.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Судорога сейчас (мой): ваш собственный комплекс для coach.\n")
    assert "title: Судорога сейчас (мой)\n" in text
    assert "description: Первая помощь, когда судорога уже началась." in text
    steps = yaml.safe_load(text)["steps"]
    assert steps[2] == {"exercise": "bed-edge-foot-press", "sides": "chosen", "get_ready": "5s",
                        "note": "Всё ещё тянет? Спустите ногу с края кровати."}
    assert "  - exercise: cramp-toe-pull\n" in text  # ids stay as coach reads them
    # The file is the person's now: it reads the same in any language, and is valid.
    use_language("en")
    assert load_library().routines["my-quick"].title == "Судорога сейчас (мой)"
    capsys.readouterr()
    assert main(["validate"]) == 0


def test_coach_edit_of_a_shipped_routine_in_german_copies_it_in_german(coach_home: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "true")
    assert main(["--lang", "de", "edit", "evening"]) == 0
    copied = (coach_home / "routines" / "evening.yaml").read_text(encoding="utf-8")
    assert "title: Abendliche Dehnungen\n" in copied
    assert "    note: Setzen Sie sich dafür aufs Bett.\n" in copied
    assert load_library().routines["evening"].steps == shipped_library().routines["evening"].steps


def test_a_persons_cyrillic_routine_and_exercise_work_end_to_end(coach_home: Path, capsys) -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "exercises.yaml").write_text(
        "exercises:\n"
        "  moya-rastyazhka:\n"
        "    name: Моя растяжка икры\n"
        "    position: sitting\n"
        "    per_side: true\n"
        "    steps:\n"
        "      - Сядьте и вытяните ногу.\n"
        "      - Потяните носок на себя.\n"
        "    cautions: [Без боли.]\n"
        "    dose: {hold: 15s, rest: 10s, reps: 2}\n"
        "    pose:\n"
        "      head: [6.6, 6.6]\n"
        "      neck: [5.7, 5.3]\n"
        "      hip: [2.6, 1.0]\n"
        "      legs:\n"
        "        near: [[6.8, 1.0], [11.0, 1.0], [11.3, 0.4], [11.0, 2.8]]\n"
        "      stretched: near\n"
        "      caption: Колено прямое, носок на себя.\n"
        "      props:\n"
        "        - floor\n"
        "        - towel: {points: [[9.8, 3.2], [11.6, 3.1], [11.6, 2.2]], label: полотенце}\n",
        encoding="utf-8")
    (folder / "moy.yaml").write_text(
        "name: moy\ntitle: Мой вечер\ndescription: Только сидя.\nsteps:\n"
        "  - exercise: moya-rastyazhka\n    note: Медленно, дышите.\n", encoding="utf-8")
    assert main(["validate"]) == 0
    assert main(["show", "moy"]) == 0
    shown = capsys.readouterr().out
    assert "moy: Мой вечер" in shown and "Моя растяжка икры" in shown and "1. Сядьте и вытяните ногу." in shown
    assert main(["exercises", "moya-rastyazhka"]) == 0
    shown = capsys.readouterr().out
    assert "Колено прямое, носок на себя." in shown and "Без боли." in shown
    picture = load_library().exercises["moya-rastyazhka"].picture
    assert isinstance(picture, Pose)
    assert ">полотенце</text>" in to_svg(picture, "Моя растяжка икры")
    # a Cyrillic mistake is located like any other
    (folder / "moy.yaml").write_text("name: moy\ntitle: Мой вечер\nstep:\n  - exercise: moya\n",
                                     encoding="utf-8")
    assert main(["validate"]) == 1
    assert f"{folder / 'moy.yaml'}:3:1: unknown key 'step' in the routine" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["Вечерняя растяжка", "Abendliche Dehnungen (Schwangerschaft)",
                                  "Estiramientos rápidos (embarazo)", "¿Sigue tenso?", "Übung: jetzt",
                                  "Нет", "да", "no", "Ёлка 2", "x"])
def test_the_writer_writes_text_in_any_script_that_reads_back_the_same(text: str) -> None:
    assert yaml.safe_load(f"title: {scalar(text)}\n") == {"title": text}
    if text in ("Вечерняя растяжка", "Abendliche Dehnungen (Schwangerschaft)", "Estiramientos rápidos (embarazo)"):
        assert scalar(text) == text  # plain, as a person would type it
