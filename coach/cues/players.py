"""The system's own sound players, found once; each plays one WAV file and exits.

PipeWire (`pw-play`), PulseAudio (`paplay`), ALSA (`aplay`), macOS `afplay`, and on Windows the
standard library's `winsound`. The terminal bell is the fallback where none of them works.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from coach.cues.speech import Which
from coach.frozen import frozen
from coach.i18n import N_, _

PLAYER_NAMES = {"linux": ("pw-play", "paplay", "aplay"), "darwin": ("afplay",), "win32": ("winsound",)}
INSTALL_HINT = {
    "linux": N_("install a sound player "
                "(Debian/Ubuntu: sudo apt install pipewire-bin, pulseaudio-utils or alsa-utils)"),
    "darwin": N_("the 'afplay' command should come with macOS; check /usr/bin/afplay"),
    "win32": N_("Python's winsound module should come with Python on Windows"),
}


@frozen
class Player:
    name: str
    path: str  # "" for winsound, which plays inside coach's own process

    def command(self, sound: Path) -> list[str]:
        if self.name == "aplay":
            return [self.path, "-q", str(sound)]
        return [self.path, str(sound)]


def find_players(which: Which = shutil.which, platform: str = sys.platform) -> list[Player]:
    names = PLAYER_NAMES.get(platform, PLAYER_NAMES["linux"])
    if names == ("winsound",):
        return [Player("winsound", "")]
    return [Player(name, path) for name in names if (path := which(name))]


def install_hint(platform: str = sys.platform) -> str:
    return _(INSTALL_HINT.get(platform, INSTALL_HINT["linux"]))
