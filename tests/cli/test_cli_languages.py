"""The command line in the person's language: its own lines, argparse's words, the routine-file
checks and the settings, chosen by LANG, --lang or the settings file."""

from __future__ import annotations

import functools
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main as cli_main
from coach.cli import plain
from coach.cli.argparse_words import expected_arguments
from coach.clock import ManualClock
from coach.first_run import mark_safety_seen
from coach.i18n import use_language
from coach.locations import user_routines_dir
from coach.model import Side
from coach.settings import load_settings
from coach.settings_text import SettingError, describe_setting, parse_value, show_value, value_words
from coach.words import count_words

BROKEN_ROUTINE = "name: mine\ntitle: Mine\nstepz:\n  - ankle-circles\n"


def coach(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    environ = {key: value for key, value in os.environ.items()
               if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, env={**environ, "LANG": lang})


def test_russian_locale_show_quick_says_the_command_lines_own_words_in_russian():
    user_routines_dir().mkdir(parents=True)
    (user_routines_dir() / "mine.yaml").write_text("name: mine\ntitle: [broken\n")
    shown = coach("show", "quick", lang="ru_RU.UTF-8")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == "coach: 1 файл комплекса с ошибками пропущен; 'coach validate' покажет их\n"
    assert "quick" in shown.stdout.splitlines()[0]
    cues = coach("show", "quick", "--cues", lang="ru_RU.UTF-8")
    assert cues.stdout.splitlines()[0].split() == ["ВРЕМЯ", "ЗВУК", "СЛОВА"]
    assert cues.stdout.splitlines()[1].split()[:2] == ["0:00", "готовность"]
    mistyped = coach("show", "quikc", lang="ru_RU.UTF-8")
    assert mistyped.returncode == 2
    assert mistyped.stderr.endswith("coach: нет комплекса 'quikc' — может быть, 'quick'?\n")


def test_spanish_plain_run_prints_its_own_lines_in_spanish(monkeypatch):
    mark_safety_seen()
    clock = ManualClock()
    # The real plain runner on a fake clock: its sleeps move the clock on instead of waiting.
    monkeypatch.setattr(plain, "run_plain", functools.partial(plain.run_plain, clock=clock, sleep=clock.advance))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli_main.main(["--lang", "es", "run", "quick", "--plain", "--quiet"]) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[0:00] Prepárese: ") and ", pierna izquierda, 5 segundos. De pie. 1) " in lines[0]
    assert any(line.startswith("  Cuidado: ") for line in lines)
    assert any(line.startswith("[0:05] Mantenga 1 de 3: ") and line.endswith(", 10 segundos.") for line in lines)
    assert any(line.startswith("[0:15] Descanso: ") for line in lines)
    assert any(line.startswith("[0:55] Cambie de pierna: ") and "pierna derecha" in line for line in lines)
    assert lines[-1].endswith(" 3 minutos 20 segundos de estiramiento.")


def test_german_help_is_german_including_argparses_own_words():
    shown = coach("--lang", "de", "--help")
    assert shown.returncode == 0
    assert shown.stdout.startswith("Aufruf: coach [-h] [--version] [--lang LANGUAGE] COMMAND ...")
    for words in ("Positionsargumente:", "Optionen:", "diese Hilfe zeigen und beenden",
                  "die Versionsnummer zeigen und beenden", "Ein ruhiger Dehnungs-Coach",
                  "einen nächtlichen Krampf ins Tagebuch eintragen", "Erinnerungen vor dem Schlafengehen"):
        assert words in shown.stdout, words
    assert "usage:" not in shown.stdout and "show this help" not in shown.stdout


def test_argparse_errors_come_in_the_persons_language(capsys):
    with pytest.raises(SystemExit) as stop:
        cli_main.main(["--lang", "de", "shw"])
    assert stop.value.code == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("coach: Fehler: Argument COMMAND: ungültige Wahl: 'shw' (möglich sind 'list', ")
    with pytest.raises(SystemExit):
        cli_main.main(["--lang", "ru", "show"])
    assert capsys.readouterr().err.splitlines()[-1] == "coach show: ошибка: не хватает аргументов: name"
    with pytest.raises(SystemExit):
        cli_main.main(["--lang", "es", "history", "--days", "many"])
    assert capsys.readouterr().err.splitlines()[-1] == \
        "coach history: error: argumento --days: valor int no válido: 'many'"


def test_english_stays_argparses_own_words(capsys):
    with pytest.raises(SystemExit):
        cli_main.main(["show"])
    assert capsys.readouterr().err.splitlines()[-1] == "coach show: error: the following arguments are required: name"


@pytest.mark.parametrize(("count", "words"), [(1, "ожидается 1 значение"), (2, "ожидается 2 значения"),
                                              (5, "ожидается 5 значений"), (21, "ожидается 21 значение")])
def test_argparses_count_of_values_has_russians_three_forms(count, words):
    use_language("ru")
    assert expected_arguments(count) == words


def test_a_broken_routine_files_line_is_translated_and_keeps_file_line_and_column(capsys):
    path = user_routines_dir() / "mine.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(BROKEN_ROUTINE)
    assert cli_main.main(["--lang", "ru", "validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{path}:3:1: неизвестный ключ 'stepz': комплекс — может быть, 'steps'?\n"
    assert captured.err == "1 ошибка в 1 файле\n"
    path.write_text("name: mine\ntitle: Mine\nsteps:\n\t- ankle-circles\n")
    assert cli_main.main(["--lang", "de", "validate", str(path)]) == 1
    assert capsys.readouterr().out == (f"{path}:4:1: zum Einrücken wird ein Tabulator verwendet — YAML rückt mit "
                                       "Leerzeichen ein: ersetzen Sie den Tabulator durch Leerzeichen\n")
    path.write_text(BROKEN_ROUTINE)
    assert cli_main.main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}:3:1: unknown key 'stepz' in the routine — did you mean 'steps'?\n"


def test_a_good_file_is_counted_in_the_persons_language(capsys):
    path = user_routines_dir() / "mine.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("name: mine\ntitle: Mine\nsteps:\n  - ankle-circles\n")
    assert cli_main.main(["--lang", "es", "validate", str(path)]) == 0
    assert capsys.readouterr().out == "ok: 1 archivo comprobado, sin errores\n"


@pytest.mark.parametrize(("count", "words"), [(1, "1 файл комплекса с ошибками пропущен"),
                                              (2, "2 файла комплексов с ошибками пропущены"),
                                              (5, "5 файлов комплексов с ошибками пропущены"),
                                              (21, "21 файл комплекса с ошибками пропущен")])
def test_left_out_files_are_counted_with_russian_plurals(count, words):
    use_language("ru")
    said = count_words(count, "{count} routine file has mistakes and was left out; run 'coach validate' to see them",
                       "{count} routine files have mistakes and were left out; run 'coach validate' to see them")
    assert said == f"{words}; 'coach validate' покажет их"


def test_language_setting_chooses_the_whole_apps_language(capsys):
    assert cli_main.main(["settings", "set", "language", "ru"]) == 0
    assert load_settings().settings.language == "ru"
    capsys.readouterr()
    assert cli_main.main(["settings"]) == 0
    shown = capsys.readouterr().out
    assert "pregnant        не указано" in shown
    assert "язык coach (экраны, сообщения и голос)" in shown
    assert "Файл: " in shown
    # --lang still wins over the settings file for one run.
    assert cli_main.main(["--lang", "en", "settings"]) == 0
    assert "pregnant        not said" in capsys.readouterr().out


def test_language_setting_takes_only_the_languages_coach_speaks(capsys):
    assert parse_value("language", "ru_RU") == "ru_RU"
    with pytest.raises(SettingError) as refused:
        parse_value("language", "fr")
    assert str(refused.value) == "'language' must be one of the languages coach speaks: de, en, es, ru"
    assert describe_setting("language") == ("the language coach speaks (screens, messages and voice): en, de, es "
                                            "or ru; not-said: the system's")
    assert cli_main.main(["--lang", "de", "settings", "set", "volume", "laut"]) == 2
    assert capsys.readouterr().err == "coach: 'volume' muss eine ganze Zahl sein, nicht 'laut'\n"


def test_the_leg_question_takes_answers_in_the_persons_language(monkeypatch):
    use_language("ru")

    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Keyboard())
    answers = iter(["п"])
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or next(answers))
    assert cli_main.ask_side() is Side.RIGHT
    assert asked == ["Какую ногу свело? (л)евую, (п)равую или (о)бе: "]


def test_a_settings_file_problem_is_said_in_the_persons_language(coach_home: Path, capsys):
    (coach_home / "settings.toml").write_text('cues = "tones"\nvolume = 300\n')
    assert cli_main.main(["--lang", "es", "settings"]) == 0
    assert f"{coach_home / 'settings.toml'}:2: 'volume' debe estar entre 0 y 100 — coach usa el valor por defecto " \
           "(70) hasta que lo corrija" in capsys.readouterr().err


def test_a_routine_copied_with_new_has_its_comments_in_the_persons_language(capsys):
    assert cli_main.main(["--lang", "ru", "new", "my-evening", "--from", "quick"]) == 0
    path = user_routines_dir() / "my-evening.yaml"
    assert capsys.readouterr().out == f"Записан {path}\nИзменить: coach edit my-evening\n"
    lines = path.read_text().splitlines()
    assert lines[0].endswith(" (мой): ваш собственный комплекс для coach.")
    assert lines[1].startswith("# Меняйте его в любом текстовом редакторе")
    assert lines[3] == "# Скопирован из 'quick'."
    assert any(line.startswith("get_ready: ") and line.endswith("   # перед первым шагом") for line in lines)
    # The keys stay the loader's own: the copy is a routine coach reads back without a problem.
    assert cli_main.main(["validate", str(path)]) == 0


def test_yes_no_and_not_said_are_understood_in_the_persons_language_and_in_english():
    use_language("ru")
    assert (parse_value("pregnant", "да"), parse_value("pregnant", "Нет"), parse_value("pregnant", "не указано")) == \
        (True, False, None)
    assert (parse_value("ticks", "yes"), parse_value("pregnant", "not-said")) == (True, None)
    # The settings screen types back what show_value gives: it stays the words parse_value reads.
    assert parse_value("pregnant", show_value("pregnant", None)) is None
    assert value_words("pregnant", True) == "да"


def test_a_cramp_is_logged_and_the_night_answered_in_the_persons_language(capsys):
    assert cli_main.main(["--lang", "de", "cramp", "--leg", "left", "--severity", "5", "--when", "2026-11-21T03:00",
                          "--minutes", "2", "--no-woke", "--note", "after a long walk"]) == 0
    assert capsys.readouterr().out == \
        "Eingetragen #1: linke Wade, Stärke 5/10, Sa., 21. Nov. 03:00 (die Nacht vom Fr., 20. Nov.).\n"
    assert cli_main.main(["--lang", "ru", "checkin", "--night", "2026-11-20"]) == 0
    assert capsys.readouterr().out == "Ночь с пт, 20 нояб.: есть ответ (записана 1 судорога).\n"
    with pytest.raises(SystemExit):
        cli_main.main(["--lang", "es", "cramp", "--delete", "uno"])
    assert capsys.readouterr().err.splitlines()[-1] == "coach cramp: error: argumento --delete: valor int no válido: 'uno'"


@pytest.mark.parametrize(("count", "words"), [(1, "есть ответ (записана 1 судорога)"),
                                              (2, "есть ответ (записаны 2 судороги)"),
                                              (5, "есть ответ (записано 5 судорог)"),
                                              (21, "есть ответ (записана 21 судорога)")])
def test_a_nights_cramps_are_counted_with_russian_plurals(count, words):
    use_language("ru")
    assert count_words(count, "answered ({count} cramp logged)", "answered ({count} cramps logged)") == words


def test_reminders_speak_the_persons_language(capsys):
    assert cli_main.main(["--lang", "es", "remind", "list"]) == 0
    assert capsys.readouterr().out == "No hay recordatorios. Añada uno con: coach remind add 21:30\n"
    assert cli_main.main(["--lang", "ru", "remind", "add", "21:30"]) == 0
    added = capsys.readouterr().out.splitlines()
    assert added[0].startswith("Напоминание 1: 21:30 ") and ", для 'evening'. Следующее: " in added[0]
    assert cli_main.main(["--lang", "de", "remind", "remove", "7"]) == 2
    assert capsys.readouterr().err == "coach: es gibt keine Erinnerung 7 — 'coach remind list' zeigt sie\n"


ENGLISH_WORDS = {"the", "and", "leg", "left", "right", "hold", "rest", "switch", "legs", "well", "done", "stretch",
                 "wall", "calf", "next", "get", "ready", "last", "one", "your", "with", "back"}


def test_russian_locale_show_quick_is_all_russian():
    """Every word of `coach show quick` under LANG=ru_RU.UTF-8 is Russian, but for the routine's id
    (a command's argument) and the trial's citation (an author and a journal)."""
    shown = coach("show", "quick", lang="ru_RU.UTF-8")
    assert shown.returncode == 0, shown.stderr
    latin = set(re.findall(r"[A-Za-z]{2,}", shown.stdout))
    assert latin == {"quick", "Hallegraeff", "Physiotherapy"}
    assert "Быстрая растяжка из исследования" in shown.stdout and "Растяжка икры у стены" in shown.stdout
    assert "держите 1 из 3" in shown.stdout and "10 с" in shown.stdout


def test_spanish_plain_run_speaks_spanish(monkeypatch):
    """`coach --lang es run quick --plain`: every cue handed to the voice is Spanish, in a Spanish voice."""
    from coach.cues import announcer as announcer_module
    from coach.cues import system

    mark_safety_seen()
    clock = ManualClock()
    monkeypatch.setattr(plain, "run_plain", functools.partial(plain.run_plain, clock=clock, sleep=clock.advance))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    said: list[str] = []
    voices: list[str | None] = []
    real_announce = announcer_module.Announcer.announce

    def recording(self, cue):
        said.append(cue.words)
        voices.append(self.voice.language)
        real_announce(self, cue)

    monkeypatch.setattr(announcer_module.Announcer, "announce", recording)
    monkeypatch.setattr(system, "find_engines", lambda: [])  # nothing really speaks during the test
    monkeypatch.setattr(system, "find_players", lambda: [])
    assert cli_main.main(["--lang", "es", "run", "quick", "--plain"]) == 0
    spoken = [words for words in said if words]
    assert len(spoken) >= 12 and set(voices) == {"es"}
    assert any("Pierna izquierda" in words or "pierna izquierda" in words for words in spoken)
    assert any(words.startswith("Cambie de pierna") for words in spoken)
    assert "Descanse." in spoken and "Mantenga." in spoken
    english = [words for words in spoken if ENGLISH_WORDS & {w.lower() for w in re.findall(r"[A-Za-z]+", words)}]
    assert english == []


@pytest.mark.parametrize("language", ["de", "es", "ru"])
def test_coach_help_routines_prints_the_guide_in_the_persons_language(capsys, language):
    assert cli_main.main(["--lang", language, "help", "routines"]) == 0
    printed = capsys.readouterr().out
    guide = Path(__file__).resolve().parents[2] / "docs" / f"routine-format.{language}.md"
    assert printed == guide.read_text(encoding="utf-8")
