"""Soft, low tones for a dark bedroom, made as small WAV files with the standard library.

Each kind differs by ear alone: a hold rises (two notes up), a rest falls (two notes down),
switching legs is two knocks on the same note, the end is a slow three-note rise, a tick is one
short quiet note. Notes sit between 262 and 523 Hz with a soft attack and a long decay, never a
shrill beep at 23:00.
"""

from __future__ import annotations

import math
import os
import struct
import threading
import wave
from pathlib import Path

from coach.cues.script import Sound

RATE = 22050
# (frequency in Hz, start in seconds, length in seconds) for each note of each tone.
NOTES: dict[Sound, tuple[tuple[float, float, float], ...]] = {
    Sound.READY: ((392.0, 0.0, 0.5),),
    Sound.HOLD: ((330.0, 0.0, 0.35), (494.0, 0.18, 0.5)),
    Sound.REST: ((440.0, 0.0, 0.35), (294.0, 0.18, 0.6)),
    Sound.SWITCH: ((392.0, 0.0, 0.22), (392.0, 0.28, 0.35)),
    Sound.TICK: ((523.0, 0.0, 0.08),),
    Sound.END: ((262.0, 0.0, 0.6), (330.0, 0.3, 0.6), (392.0, 0.6, 0.9)),
}
QUIET_TICK = 0.5  # ticks sit under the other tones
ATTACK = 0.015  # seconds: soft enough not to click, short enough to feel on time


def samples(sound: Sound, volume: int) -> list[int]:
    """16-bit samples of one tone at `volume` percent (100 is about a third of full scale)."""
    notes = NOTES[sound]
    length = max(start + duration for _, start, duration in notes)
    peak = 11000 * volume / 100 * (QUIET_TICK if sound is Sound.TICK else 1.0)
    values = [0.0] * (int(length * RATE) + 1)
    for frequency, start, duration in notes:
        first = int(start * RATE)
        for n in range(int(duration * RATE)):
            t = n / RATE
            envelope = min(1.0, t / ATTACK) * math.exp(-5.0 * t / duration)
            # A little of the octave makes it a soft bell rather than a pure test tone.
            wave_value = math.sin(2 * math.pi * frequency * t) + 0.2 * math.sin(4 * math.pi * frequency * t)
            values[first + n] += peak * envelope * wave_value / 1.2
    return [max(-32767, min(32767, round(value))) for value in values]


def write_tone(path: Path, sound: Sound, volume: int) -> Path:
    data = samples(sound, volume)
    # Two threads may make the same tone at once: each writes its own file, the rename is atomic.
    temporary = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    with wave.open(str(temporary), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(data)}h", *data))
    temporary.replace(path)
    return path


def tone_file(folder: Path, sound: Sound, volume: int) -> Path:
    """The WAV for one tone at this volume, made the first time and kept in `folder`."""
    path = folder / f"{sound.value}-{volume}.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return write_tone(path, sound, volume)


def tone_files(folder: Path, volume: int) -> dict[Sound, Path]:
    """Every tone at this volume, in the order a routine first needs them."""
    return {sound: tone_file(folder, sound, volume) for sound in Sound}
