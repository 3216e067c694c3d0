"""Write coach/cues/sounds/*.wav, the tones coach ships, from coach/cues/tone_recipe.py.

Run it after changing the recipe:

    .venv/bin/python scripts/make_tones.py

tests/cues/test_real_sound.py fails while the committed files differ from what this writes.
"""

from __future__ import annotations

import array

from coach.cues.script import Sound
from coach.cues.tone_recipe import samples
from coach.cues.tones import shipped_tone, wav_bytes


def main() -> None:
    for sound in Sound:
        path = shipped_tone(sound)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(wav_bytes(array.array("h", samples(sound))))
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
