"""The tone files a player is given: the shipped ones, scaled to the person's volume once.

The tones come ready-made with coach (coach/cues/sounds/, written by scripts/make_tones.py from
`tone_recipe`) at full volume. A volume's copy is made the first time a cue needs it and kept
in coach's cache folder: scaling one tone takes a few milliseconds, where making it from the
recipe took a few tenths of a second, long enough to make the first cue of a first run late.
"""

from __future__ import annotations

import array
import io
import sys
from pathlib import Path

from coach.cues.script import Sound
from coach.cues.tone_recipe import RATE
from coach.files import write_private

SHIPPED = Path(__file__).with_name("sounds")
FULL_VOLUME = 100


def shipped_tone(sound: Sound) -> Path:
    return SHIPPED / f"{sound.value}.wav"


def wav_bytes(samples: array.array[int]) -> bytes:
    """A mono 16-bit WAV file of `samples` at the recipe's rate."""
    import wave  # here: most starts find the copies made, and need no WAV code (about 0.1 MiB)

    if sys.byteorder == "big":  # WAV samples are little-endian
        samples = array.array("h", samples)
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def read_samples(path: Path) -> array.array[int]:
    import wave  # see wav_bytes

    with wave.open(str(path), "rb") as audio:
        samples = array.array("h", audio.readframes(audio.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def tone_file(folder: Path, sound: Sound, volume: int) -> Path:
    """The WAV for one tone at this volume: the shipped file itself at full volume, otherwise a
    scaled copy made the first time and kept in `folder`."""
    if volume == FULL_VOLUME:
        return shipped_tone(sound)
    path = folder / f"{sound.value}-{volume}.wav"
    if path.exists():
        return path
    scaled = array.array("h", [sample * volume // FULL_VOLUME for sample in read_samples(shipped_tone(sound))])
    # A cache: coach makes it again if it is ever lost, so no waiting for the disk.
    write_private(path, wav_bytes(scaled), durable=False)
    return path


def tone_files(folder: Path, volume: int) -> dict[Sound, Path]:
    """Every tone at this volume."""
    return {sound: tone_file(folder, sound, volume) for sound in Sound}
