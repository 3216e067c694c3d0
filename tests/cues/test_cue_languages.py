"""Cues in the person's language: the words of the script, and a voice of that language for each engine."""

from __future__ import annotations

import shutil
import subprocess
from types import SimpleNamespace

import pytest
from test_real_sound import read_wav

from coach.cues import speech
from coach.cues.script import cue_script, sentence
from coach.cues.speech import POWERSHELL_SCRIPT, SpeechEngine, Voice, choose_mac_voice, list_mac_voices
from coach.cues.system import voice_language, voice_of
from coach.engine.timeline import build_timeline
from coach.i18n import use_language
from coach.routines.library import load_library
from coach.settings import Settings

from system_programs import needs


def quick_script() -> tuple[dict[int, str], list[str]]:
    """The cue words of `quick` by second, and the names of its two exercises as loaded."""
    routine = load_library().routines["quick"]
    timeline = build_timeline(routine)
    names = list(dict.fromkeys(phase.exercise.name for phase in timeline.phases))
    return {line.at: line.cue.words for line in cue_script(timeline)}, names


def test_the_quick_script_is_spoken_in_spanish() -> None:
    use_language("es")
    words, (calf, hamstring) = quick_script()
    assert words[0].startswith(f"A continuación: {calf}, pierna izquierda.")
    assert words[5].startswith(f"Pierna izquierda. {sentence(calf)} Mantenga.")
    assert (words[15], words[25], words[45]) == ("Descanse.", "Mantenga.", "La última. Mantenga.")
    assert words[55] == "Cambie de pierna. Pierna derecha."
    assert words[110].startswith(f"A continuación: {hamstring}, pierna izquierda.")
    assert words[220] == "Muy bien. Ha terminado la rutina de esta noche."
    said = " ".join(words.values())
    for english in ("Hold.", "Rest.", "Left leg.", "Switch legs.", "Last one.", "Next:", "Well done"):
        assert english not in said


@pytest.mark.parametrize(("language", "expected"), [
    ("ru", {15: "Отдых.", 45: "Последний раз. Держите.", 55: "Смените ногу. Правая нога.",
            220: "Отлично. Комплекс на сегодня выполнен."}),
    ("de", {15: "Pause.", 45: "Zum letzten Mal. Halten.", 55: "Bein wechseln. Rechtes Bein.",
            220: "Gut gemacht. Das war die Übungsfolge für heute Abend."}),
])
def test_the_quick_script_in_russian_and_german(language: str, expected: dict[int, str]) -> None:
    use_language(language)
    words, (calf, _hamstring) = quick_script()
    assert {at: words[at] for at in expected} == expected
    first = {"ru": f"Далее: {calf}, левая нога.", "de": f"Als Nächstes: {calf}, linkes Bein."}[language]
    assert words[0].startswith(first)


def test_english_cues_are_unchanged() -> None:
    words, (calf, _hamstring) = quick_script()
    assert words[0].startswith(f"Next: {calf}, left leg.")
    assert (words[45], words[55], words[220]) == ("Last one. Hold.", "Switch legs. Right leg.",
                                                  "Well done. That's tonight's routine.")


def test_a_resumed_and_a_stopped_cue_in_russian() -> None:
    from coach.cues.script import CueScript

    use_language("ru")
    timeline = build_timeline(load_library().routines["quick"])
    script = CueScript(timeline)
    assert script.resumed(timeline.phases[2]).words == "Левая нога. Отдых."
    assert script.ended(finished=False).words == "Остановлено. Сделанное всё равно засчитано."


# --- which language the voice speaks ---------------------------------------------------------------

def test_the_voice_speaks_the_language_coach_speaks() -> None:
    use_language("ru")
    assert voice_of(Settings()).language == "ru"
    use_language("en")
    assert voice_of(Settings()).language == "en"


def test_the_settings_country_is_kept_and_lang_wins_over_the_settings_language() -> None:
    use_language("es")
    assert voice_language(Settings(language="es_MX")) == "es_MX"
    assert voice_language(Settings(language="de")) == "es"  # `coach --lang es` with German settings


@pytest.mark.parametrize(("language", "code", "culture"), [
    ("ru", "ru", "ru-RU"), ("de", "de", "de-DE"), ("es", "es", "es-ES"), ("es_MX", "es", "es-MX"),
    ("en", "en", "en-US"), (None, None, None)])
def test_a_voice_names_its_language_and_country(language: str | None, code: str | None, culture: str | None) -> None:
    assert (Voice(language=language).code, Voice(language=language).culture) == (code, culture)


@pytest.mark.parametrize("language", ["ru", "de", "es"])
def test_espeak_and_speech_dispatcher_are_given_the_language(language: str) -> None:
    voice = Voice(150, 70, language)
    espeak = SpeechEngine("espeak-ng", "/usr/bin/espeak-ng").utterance("Hola.", voice).argv
    spd = SpeechEngine("spd-say", "/usr/bin/spd-say").utterance("Hola.", voice).argv
    assert espeak == ["/usr/bin/espeak-ng", "-s", "150", "-a", "98", "-v", language, "--", "Hola."]
    assert spd[spd.index("-l") + 1] == language and spd[-2:] == ["--", "Hola."]


MAC_VOICES = """\
Albert              en_US    # Hello! My name is Albert.
Alex                en_US    # Most people recognize me by my voice.
Anna                de_DE    # Hallo, ich heiße Anna und ich bin eine deutsche Stimme.
Bad News            en_US    # The light you see at the end of the tunnel is the headlamp of a fast approaching train.
Eddy (German (Germany)) de_DE    # Hallo! Ich heiße Eddy.
Jorge               es_ES    # Hola, me llamo Jorge y soy una voz española.
Paulina             es_MX    # Hola, me llamo Paulina y soy una voz mexicana.
Milena              ru_RU    # Здравствуйте, меня зовут Милена. Я – русский голос системы.
Zarvox              en_US    # That looks like a peaceful planet.
"""


class FakeRun:
    """Stands in for subprocess.run: answers `say -v ?` with a voice list and counts the calls."""

    def __init__(self, listing: str):
        self.listing = listing
        self.calls: list[list[str]] = []

    def __call__(self, argv: list[str], **_options: object) -> SimpleNamespace:
        self.calls.append(argv)
        return SimpleNamespace(stdout=self.listing, returncode=0)


@pytest.fixture
def no_voice_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech, "_mac_voices", {})


def test_the_mac_voice_list_is_read_from_say(no_voice_cache: None) -> None:
    voices = list_mac_voices("/usr/bin/say", FakeRun(MAC_VOICES))
    assert ("Eddy (German (Germany))", "de_DE") in voices and ("Milena", "ru_RU") in voices
    assert len(voices) == 9


@pytest.mark.parametrize(("language", "chosen"), [("ru", "Milena"), ("de", "Anna"), ("es", "Jorge"),
                                                  ("es_MX", "Paulina"), ("en", "Alex")])
def test_say_is_given_a_voice_of_the_language_looked_up_once(no_voice_cache: None, language: str, chosen: str) -> None:
    run = FakeRun(MAC_VOICES)
    engine = SpeechEngine("say", "/usr/bin/say", run)
    for words in ("Uno.", "Dos."):
        argv = engine.utterance(words, Voice(150, 70, language)).argv
        assert argv == ["/usr/bin/say", "-r", "150", "-v", chosen, "--", words]
    assert run.calls == [["/usr/bin/say", "-v", "?"]]


def test_say_keeps_its_default_voice_without_one_of_the_language(no_voice_cache: None) -> None:
    engine = SpeechEngine("say", "/usr/bin/say", FakeRun("Zarvox   en_US    # Beep.\n"))
    assert engine.utterance("Hallo.", Voice(150, 70, "de")).argv == ["/usr/bin/say", "-r", "150", "--", "Hallo."]
    # A novelty voice is never the one a tired person hears, even when it is the only one.
    assert choose_mac_voice([("Zarvox", "en_US")], "en", "en-US") is None


def test_say_that_cannot_list_its_voices_uses_the_default(no_voice_cache: None) -> None:
    def broken(*_args: object, **_options: object) -> None:
        raise OSError("no such file")

    engine = SpeechEngine("say", "/usr/bin/say", broken)
    assert engine.utterance("Hola.", Voice(150, 70, "es")).argv == ["/usr/bin/say", "-r", "150", "--", "Hola."]


@pytest.mark.parametrize(("language", "culture"), [("ru", "ru-RU"), ("de", "de-DE"), ("es_MX", "es-MX")])
def test_windows_is_asked_for_a_voice_of_the_culture(language: str, culture: str) -> None:
    utterance = SpeechEngine("powershell", "powershell.exe").utterance("Отдых.", Voice(150, 70, language))
    assert utterance.env["COACH_CULTURE"] == culture and utterance.env["COACH_SAY"] == "Отдых."
    assert "SelectVoiceByHints" in POWERSHELL_SCRIPT and "$env:COACH_CULTURE" in POWERSHELL_SCRIPT
    assert "Отдых" not in " ".join(utterance.argv)  # words go through the environment only
    assert "COACH_CULTURE" not in SpeechEngine("powershell", "powershell.exe").utterance("Rest.", Voice()).env


# --- real speech in each language -----------------------------------------------------------------

@needs("espeak-ng", "espeak-ng")
@pytest.mark.parametrize(("language", "words", "sounds", "not_sounds"), [
    # Russian read as Russian, not spelt out letter by letter by the English voice ("ɛl … ɛn oː").
    ("ru", "Левая нога. Держите.", "nʌɡ", "ˈɛn ˈoː"),
    # Spanish taps its r (pjˈeɾna); English would say "pˈiənəɹ".
    ("es", "Pierna izquierda. Mantenga.", "ɾ", "ɹ"),
    # German Bein rhymes with "wine" (bˈaɪn), not English "bane" (bˈeɪn).
    ("de", "Linkes Bein. Halten.", "aɪn", "eɪn"),
])
def test_espeak_ng_speaks_each_language_with_its_own_voice(tmp_path, language, words, sounds, not_sounds) -> None:
    engine = SpeechEngine("espeak-ng", shutil.which("espeak-ng") or "")
    argv = engine.utterance(words, Voice(150, 70, language)).argv
    split = argv.index("--")
    out = tmp_path / f"{language}.wav"
    subprocess.run([*argv[:split], "-w", str(out), *argv[split:]], check=True, timeout=30)
    seconds, rms, peak = read_wav(out)
    assert 0.8 < seconds < 5.0  # four words, calmly
    assert rms > 0.02 and peak > 0.1  # clearly audible, not silence
    phonemes = subprocess.run([*argv[:split], "-q", "--ipa", *argv[split:]], check=True, timeout=30,
                              capture_output=True, text=True).stdout
    assert sounds in phonemes and not_sounds not in phonemes, phonemes


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell (apt-get install dash)")
def test_the_announcer_speaks_and_reports_in_the_language(tmp_path) -> None:
    from test_announcer import calls, program

    from coach.cues.announcer import Announcer
    from coach.cues.script import Cue

    use_language("ru")
    failing = SpeechEngine("spd-say", program(tmp_path, "spd-say", "exit 3"))
    espeak = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exit 0"))
    reports: list[str] = []
    announcer = Announcer(mode="voice", voice=voice_of(Settings()), tones=lambda sound: tmp_path / "none.wav",
                          engines=[failing, espeak], players=[], bell=lambda: None, report=reports.append)
    try:
        announcer.announce(Cue(None, "Отдых."))
        assert announcer.idle()
        announcer.announce(Cue(None, "Держите."))
        assert announcer.idle()
    finally:
        announcer.close()
    assert calls(tmp_path)[0].startswith("--wait -r ") and calls(tmp_path)[0].endswith(" -l ru -- Отдых.")
    assert calls(tmp_path)[1:] == ["-s 150 -a 98 -v ru -- Держите."]
    assert reports == ["Голос: spd-say завершился с ошибкой (код 3); вместо него используется espeak-ng."]
