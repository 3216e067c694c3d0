"""The announcer against stand-in players and engines: ones that work, hang, crash or are missing.

The stand-ins are small shell scripts that write down how they were called, so each test sees
exactly which process started, in which order, and which were stopped.
"""

from __future__ import annotations

import shutil
import stat
import time
from pathlib import Path

import pytest

from coach.cues import announcer as announcer_module
from coach.cues.announcer import Announcer
from coach.cues.players import Player
from coach.cues.script import Cue, Sound
from coach.cues.speech import SpeechEngine, Voice

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell (apt-get install dash)")


def program(folder: Path, name: str, body: str) -> str:
    path = folder / name
    path.write_text(f"#!/bin/sh\necho \"$$ $*\" >> {folder / 'calls.log'}\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def calls(folder: Path) -> list[str]:
    log = folder / "calls.log"
    return [line.split(" ", 1)[1] for line in log.read_text().splitlines()] if log.exists() else []


class Setup:
    def __init__(self, folder: Path, players: list[Player], engines: list[SpeechEngine], mode: str = "voice"):
        self.folder = folder
        self.bells = 0
        self.reports: list[str] = []
        tones = {sound: folder / f"{sound.value}.wav" for sound in Sound}
        self.announcer = Announcer(mode=mode, voice=Voice(150, 70, None), tones=tones.__getitem__,
                                   engines=engines, players=players, bell=self.ring, report=self.reports.append)

    def ring(self) -> None:
        self.bells += 1

    def __enter__(self) -> Setup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.announcer.close()


def test_a_cue_plays_its_tone_then_says_its_words(tmp_path):
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    engine = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exit 0"))
    with Setup(tmp_path, [player], [engine]) as setup:
        setup.announcer.announce(Cue(Sound.REST, "Rest."))
        assert setup.announcer.idle()
    assert calls(tmp_path) == [f"-q {tmp_path / 'rest.wav'}", "-s 150 -a 98 -- Rest."]
    assert setup.reports == [] and setup.bells == 0


def test_a_new_cue_stops_the_words_still_being_said(tmp_path):
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    engine = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exec sleep 30"))
    with Setup(tmp_path, [player], [engine]) as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Left leg. Hold. A long how-to that takes a while."))
        wait_for(lambda: len(calls(tmp_path)) == 2 and setup.announcer._speech is not None)
        first_speech = setup.announcer._speech
        setup.announcer.announce(Cue(Sound.REST, "Rest."))
        wait_for(lambda: len(calls(tmp_path)) == 4)
        assert first_speech is not None and first_speech.process.poll() is not None  # stopped
        setup.announcer.silence()  # a pause
        wait_for(lambda: setup.announcer._speech is None)
    assert [line.split(" -- ")[-1] for line in calls(tmp_path)[1::2]] == [
        "Left leg. Hold. A long how-to that takes a while.", "Rest."]
    assert setup.reports == []  # stopping on purpose is not a failure


def test_a_hung_engine_is_stopped_reported_once_and_cues_go_on_as_tones(tmp_path, monkeypatch):
    monkeypatch.setattr(announcer_module, "speech_timeout", lambda words, rate: 0.3)
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    engine = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exec sleep 30"))
    with Setup(tmp_path, [player], [engine]) as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Hold."))
        wait_for(lambda: setup.reports)
        setup.announcer.announce(Cue(Sound.REST, "Rest."))
        assert setup.announcer.idle()
    assert setup.reports == ["Voice: espeak-ng stopped answering and was stopped; cues are tones only from now on."]
    assert calls(tmp_path)[-1] == f"-q {tmp_path / 'rest.wav'}"  # the tone, and no more words
    assert setup.announcer.engine is None


def test_a_crashing_engine_hands_over_to_the_next_one(tmp_path):
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    broken = SpeechEngine("spd-say", program(tmp_path, "spd-say", "exit 3"))
    working = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exit 0"))
    with Setup(tmp_path, [player], [broken, working]) as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Hold."))
        assert setup.announcer.idle()
        setup.announcer.announce(Cue(Sound.REST, "Rest."))
        assert setup.announcer.idle()
    assert setup.reports == ["Voice: spd-say failed (exit status 3); using espeak-ng instead."]
    assert calls(tmp_path)[-1] == "-s 150 -a 98 -- Rest."


def test_missing_programs_fall_back_to_the_next_player_then_to_the_bell(tmp_path):
    missing = Player("pw-play", str(tmp_path / "not-installed"))
    crashing = Player("aplay", program(tmp_path, "aplay", "exit 1"))
    with Setup(tmp_path, [missing, crashing], [], mode="tones") as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Hold."))
        assert setup.announcer.idle()
        assert setup.bells == 0  # aplay started; its failure shows only when it exits
        setup.announcer.announce(Cue(Sound.SWITCH, "Switch legs."))
        assert setup.announcer.idle()
        setup.announcer.announce(Cue(Sound.TICK, ""))  # a tick never rings the bell
        assert setup.announcer.idle()
    assert setup.reports[0].startswith("Sound: pw-play could not start")
    assert setup.reports[1] == "Sound: aplay failed (exit status 1); using the terminal bell instead."
    assert setup.bells == 1


def test_bell_and_silent_modes_start_no_process(tmp_path):
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    engine = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exit 0"))
    with Setup(tmp_path, [player], [engine], mode="bell") as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Hold."))
        assert setup.announcer.idle()
        setup.announcer.mode = "silent"
        setup.announcer.announce(Cue(Sound.REST, "Rest."))
        assert setup.announcer.idle()
    assert calls(tmp_path) == [] and setup.bells == 1


def test_announcing_returns_at_once_even_when_every_program_hangs(tmp_path):
    player = Player("aplay", program(tmp_path, "aplay", "exec sleep 30"))
    engine = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exec sleep 30"))
    with Setup(tmp_path, [player], [engine]) as setup:
        started = time.perf_counter()
        for _ in range(20):
            setup.announcer.announce(Cue(Sound.HOLD, "Hold."))
        assert time.perf_counter() - started < 0.05


def wait_for(condition, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out waiting"
        time.sleep(0.01)


def test_an_engine_that_ends_at_once_without_speaking_is_reported_and_one_that_speaks_is_not(tmp_path):
    # espeak-ng with no sound device prints an ALSA error and exits 0 straight away.
    player = Player("aplay", program(tmp_path, "aplay", "exit 0"))
    silent = SpeechEngine("espeak-ng", program(tmp_path, "espeak-ng", "exit 0"))
    with Setup(tmp_path, [player], [silent]) as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Left leg. Wall calf stretch. Hold."))
        assert setup.announcer.idle()
    assert setup.reports == ["Voice: espeak-ng ended at once without speaking (is a sound device there?); "
                             "cues are tones only from now on."]
    speaking = SpeechEngine("espeak-ng", program(tmp_path, "speaking", "sleep 0.8"))
    with Setup(tmp_path, [player], [speaking]) as setup:
        setup.announcer.announce(Cue(Sound.HOLD, "Left leg. Wall calf stretch. Hold."))
        assert setup.announcer.idle()
    assert setup.reports == []


def test_the_first_cue_of_a_first_run_plays_a_whole_tone_file_from_coachs_own_tones(tmp_path):
    # No cache folder yet, as on a first run: the player must still be handed a complete WAV.
    from coach.cues.tones import read_samples, shipped_tone, tone_file

    cache = tmp_path / "cache" / "tones"
    checked = tmp_path / "checked.wav"
    player = Player("aplay", program(tmp_path, "aplay", f'cp "$2" {checked}'))
    announcer = Announcer(mode="tones", voice=Voice(150, 70, None),
                          tones=lambda sound: tone_file(cache, sound, 70), engines=[], players=[player],
                          bell=lambda: None, report=lambda problem: None)
    try:
        announcer.announce(Cue(Sound.READY, "Get ready."))
        assert announcer.idle()
    finally:
        announcer.close()
    assert calls(tmp_path) == [f"-q {cache / 'ready-70.wav'}"]
    assert len(read_samples(checked)) == len(read_samples(shipped_tone(Sound.READY)))
