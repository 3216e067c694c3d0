"""What `coach show`, `coach list` and the end of a session say, in German, Spanish and Russian."""

from __future__ import annotations

import re

import pytest

from coach.engine.summary import Summary, spoken_duration
from coach.engine.text_views import exercise_text, phase_label, routine_table, timeline_text
from coach.engine.timeline import PhaseKind, build_timeline
from coach.i18n import use_language
from coach.model import Position, Side
from coach.routines.library import load_library


@pytest.mark.parametrize(("seconds", "said"), [
    (1, "1 секунда"), (2, "2 секунды"), (5, "5 секунд"), (21, "21 секунда"),
    (60, "1 минута"), (120, "2 минуты"), (300, "5 минут"), (21 * 60 + 2, "21 минута 2 секунды"),
    (11 * 60 + 11, "11 минут 11 секунд")])
def test_durations_said_in_russian_take_the_form_for_the_number(seconds: int, said: str) -> None:
    use_language("ru")
    assert spoken_duration(seconds) == said


@pytest.mark.parametrize(("language", "one", "many"), [("de", "1 Sekunde", "1 Minute 5 Sekunden"),
                                                       ("es", "1 segundo", "1 minuto 5 segundos"),
                                                       ("en", "1 second", "1 minute 5 seconds")])
def test_durations_said_in_german_spanish_and_english(language: str, one: str, many: str) -> None:
    use_language(language)
    assert (spoken_duration(1), spoken_duration(65)) == (one, many)


def test_the_timeline_of_quick_in_russian() -> None:
    use_language("ru")
    routine = load_library().routines["quick"]
    text = timeline_text(routine, build_timeline(routine))
    lines = text.splitlines()
    header = next(line for line in lines if "УПРАЖНЕНИЕ" in line)
    assert header.split() == ["НАЧАЛО", "ДЛИТ.", "ЭТАП", "НОГА", "УПРАЖНЕНИЕ"]
    first_hold = next(line for line in lines if "держите 1 из 3" in line)
    assert "левая нога" in first_hold and first_hold.startswith("  0:05")
    assert any("смените ногу" in line and "правая нога" in line for line in lines)
    # The columns line up under their headings, however long the words.
    rows = [line for line in lines if re.match(r"\s*\d+:\d\d +\d+m?\d*s? ", line)]
    assert len(rows) == len(build_timeline(routine).phases) == 24
    assert {line.index(("левая", "правая")["правая" in line]) for line in rows} == {header.index("НОГА")}
    calf = routine.steps[0].exercise.name
    assert {line.index(calf) for line in rows if line.endswith(calf)} == {header.index("УПРАЖНЕНИЕ")}
    assert "КАК ВЫПОЛНЯТЬ УПРАЖНЕНИЯ" in lines and "  3:40  готово" in lines
    table = "\n".join([header, *rows])  # the exercises' own texts come from the routine files
    for english in ("hold", "rest", "left leg", "right leg", "get ready", "switch", "AT", "PHASE"):
        assert english not in table
    assert "HOW TO DO EACH EXERCISE" not in text


def test_the_timeline_of_quick_in_english_is_unchanged() -> None:
    routine = load_library().routines["quick"]
    lines = timeline_text(routine, build_timeline(routine)).splitlines()
    assert lines[3] == "   AT    FOR  PHASE            LEG              EXERCISE"
    assert lines[5].startswith(" 0:05    10s  hold 1 of 3      left leg         ")
    assert " 3:40  done" in lines and "HOW TO DO EACH EXERCISE" in lines


def test_labels_of_legs_phases_and_positions_in_each_language() -> None:
    expected = {
        "de": ("LINKES BEIN", "beide Beine", "Pause", "im Stehen"),
        "es": ("PIERNA IZQUIERDA", "ambas piernas", "descanso", "de pie"),
        "ru": ("ЛЕВАЯ НОГА", "обе ноги", "отдых", "стоя"),
        "en": ("LEFT LEG", "both legs", "rest", "standing"),
    }
    for language, words in expected.items():
        use_language(language)
        assert (Side.LEFT.label, Side.BOTH.words, PhaseKind.REST.label, Position.STANDING.label) == words
    assert Position.LYING_ON_BACK.value == "lying-on-back"  # the file's word never changes


def test_a_hold_of_several_in_spanish_and_german() -> None:
    routine = load_library().routines["quick"]
    hold = build_timeline(routine).phases[1]
    use_language("es")
    assert phase_label(hold) == "mantener 1 de 3"
    use_language("de")
    assert phase_label(hold) == "Halten 1/3"


def test_an_exercise_described_in_spanish() -> None:
    use_language("es")
    exercise = load_library().exercises["wall-calf-stretch"]
    first = exercise_text(exercise).splitlines()[0]
    assert first == f"{exercise.name} (de pie, una pierna cada vez)"
    assert any(line.startswith("  Precaución: ") for line in exercise_text(exercise).splitlines()) == \
        bool(exercise.cautions)


def test_the_routine_list_in_german_keeps_its_columns() -> None:
    use_language("de")
    library = load_library()
    totals = {name: 220 for name in library.routines}
    lines = routine_table(library.routines.values(), totals, {"quick"}).splitlines()
    assert lines[0].split() == ["NAME", "ZEIT", "TITEL"]
    quick = next(line for line in lines if line.startswith("quick "))
    assert quick.endswith("  (Ihre Fassung)")
    assert quick.index("3:40") + len("3:40") == lines[0].index("ZEIT") + len("ZEIT")  # right-aligned times


@pytest.mark.parametrize(("language", "done", "stopped"), [
    ("de", "Abend: alles geschafft. Gut gemacht – schlafen Sie gut.",
     "Abend: vorzeitig beendet. Was Sie gemacht haben, steht in Ihrem Tagebuch."),
    ("es", "Abend: todo hecho. Muy bien, y que descanse.",
     "Abend: detenido antes de tiempo. Lo que ha hecho queda guardado en su diario."),
    ("ru", "Abend: всё выполнено. Отлично, спокойной ночи.",
     "Abend: остановлено раньше времени. Сделанное сохранено в дневнике."),
])
def test_the_end_of_a_session_in_each_language(language: str, done: str, stopped: str) -> None:
    use_language(language)
    finished = Summary("Abend", True, 200.0, ("a",), (), (), ())
    early = Summary("Abend", False, 20.0, ("a",), (), (), ("b",))
    assert (finished.headline, early.headline) == (done, stopped)
