"""How the tones sound: soft, low notes for a dark bedroom, written out sample by sample.

Each kind differs by ear alone: a hold rises (two notes up), a rest falls (two notes down),
switching legs is two knocks on the same note, the end is a slow three-note rise, a tick is one
short quiet note. Notes sit between 262 and 523 Hz with a soft attack and a long decay, never a
shrill beep at 23:00.

Making them takes a few tenths of a second of pure Python, too slow for the moment a cue is due,
so coach ships them ready-made (coach/cues/sounds/, at full volume) and only scales them to the
person's volume. After changing anything here, run `python scripts/make_tones.py`; a test fails
while the shipped files differ from what this recipe makes.
"""

from __future__ import annotations

import math

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
PEAK = 11000  # at full volume: about a third of the 16-bit scale
QUIET_TICK = 0.5  # ticks sit under the other tones
ATTACK = 0.015  # seconds: soft enough not to click, short enough to feel on time


def samples(sound: Sound) -> list[int]:
    """16-bit samples of one tone at full volume."""
    notes = NOTES[sound]
    length = max(start + duration for _, start, duration in notes)
    peak = PEAK * (QUIET_TICK if sound is Sound.TICK else 1.0)
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
