"""Real speech and real tones, checked as audio: length and loudness read with the `wave` module."""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from coach.cues.script import Sound
from coach.cues.speech import SpeechEngine, Voice
from coach.cues.tone_recipe import NOTES, RATE, samples
from coach.cues.tones import read_samples, shipped_tone, tone_file, tone_files


def read_wav(path: Path) -> tuple[float, float, float]:
    """(seconds, RMS, peak) with RMS and peak as a fraction of full scale."""
    with wave.open(str(path), "rb") as audio:
        assert audio.getsampwidth() == 2
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / audio.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / max(1, len(samples))) / 32768
    return seconds, rms, max(abs(s) for s in samples) / 32768


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng (apt-get install espeak-ng)")
def test_espeak_ng_says_a_cue_aloud_with_our_own_command(tmp_path):
    engine = SpeechEngine("espeak-ng", shutil.which("espeak-ng") or "")
    argv = engine.utterance("Left leg. Wall calf stretch. Hold.", Voice(rate=150, volume=70)).argv
    out = tmp_path / "cue.wav"
    split = argv.index("--")
    subprocess.run([*argv[:split], "-w", str(out), *argv[split:]], check=True, timeout=30)
    seconds, rms, peak = read_wav(out)
    assert 1.5 < seconds < 5.0  # six words, calmly
    assert rms > 0.02 and peak > 0.1  # clearly audible, not silence

    slower = tmp_path / "slow.wav"
    argv = engine.utterance("Left leg. Wall calf stretch. Hold.", Voice(rate=100, volume=70)).argv
    subprocess.run([*argv[:split], "-w", str(slower), *argv[split:]], check=True, timeout=30)
    assert read_wav(slower)[0] > seconds * 1.2  # the rate setting reaches the engine


def test_tones_are_soft_short_low_and_distinct(tmp_path):
    files = tone_files(tmp_path, volume=70)
    measured = {sound: read_wav(path) for sound, path in files.items()}
    for sound, (seconds, rms, peak) in measured.items():
        assert 0.05 < seconds < 2.0, sound
        assert rms > 0.005 and peak < 0.5, sound  # audible, never near full scale
        assert all(frequency <= 523 for frequency, _, _ in NOTES[sound])  # low: no shrill beep
    assert measured[Sound.TICK][2] < measured[Sound.HOLD][2]  # ticks sit under the other tones
    # Hold rises, rest falls, switch repeats one note: told apart by ear alone.
    pitches = {sound: [frequency for frequency, _, _ in NOTES[sound]] for sound in NOTES}
    assert pitches[Sound.HOLD][0] < pitches[Sound.HOLD][-1]
    assert pitches[Sound.REST][0] > pitches[Sound.REST][-1]
    assert len(pitches[Sound.SWITCH]) == 2 and len(set(pitches[Sound.SWITCH])) == 1
    assert len({tuple(p) for p in pitches.values()}) == len(pitches)


def test_the_shipped_tones_are_what_the_recipe_makes():
    for sound in Sound:
        assert read_samples(shipped_tone(sound)) == array.array("h", samples(sound)), (
            f"{shipped_tone(sound).name} differs from coach/cues/tone_recipe.py: run scripts/make_tones.py")


def test_a_volume_scales_the_shipped_tone_and_full_volume_is_the_shipped_file_itself(tmp_path):
    assert tone_file(tmp_path, Sound.HOLD, 100) == shipped_tone(Sound.HOLD)
    shipped = read_samples(shipped_tone(Sound.HOLD))
    scaled = read_samples(tone_file(tmp_path, Sound.HOLD, 70))
    assert len(scaled) == len(shipped)
    assert all(abs(low - high * 0.7) <= 1 for low, high in zip(scaled, shipped, strict=True))
    assert oct(tone_file(tmp_path, Sound.HOLD, 70).stat().st_mode & 0o777) == "0o600"


def test_volume_scales_the_tones_and_files_are_made_once(tmp_path):
    quiet = read_wav(tone_files(tmp_path, volume=20)[Sound.HOLD])[1]
    loud = read_wav(tone_files(tmp_path, volume=100)[Sound.HOLD])[1]
    assert loud > quiet * 4
    path = tone_files(tmp_path, volume=20)[Sound.HOLD]
    before = path.stat().st_mtime_ns
    assert tone_files(tmp_path, volume=20)[Sound.HOLD].stat().st_mtime_ns == before
    with wave.open(str(path), "rb") as audio:
        assert audio.getframerate() == RATE and audio.getnchannels() == 1


@pytest.mark.skipif(shutil.which("sox") is None, reason="needs sox (apt-get install sox)")
def test_sox_reads_our_tones_as_valid_audio(tmp_path):
    path = tone_files(tmp_path, volume=70)[Sound.END]
    stat = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True, timeout=30)
    assert stat.returncode == 0
    assert "Maximum amplitude" in stat.stderr
