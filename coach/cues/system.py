"""An announcer for this machine: its speech engines and players, the person's settings."""

from __future__ import annotations

from collections.abc import Callable

from coach import locations
from coach.cues.announcer import Announcer
from coach.cues.players import find_players
from coach.cues.speech import Voice, find_engines
from coach.cues.tones import tone_file
from coach.settings import Settings


def voice_of(settings: Settings) -> Voice:
    return Voice(settings.voice_rate, settings.volume, settings.language)


def system_announcer(settings: Settings, *, bell: Callable[[], None], report: Callable[[str], None],
                     mode: str | None = None, started: Callable[[str, float], None] | None = None) -> Announcer:
    folder = locations.cache_dir() / "tones"
    volume = settings.volume
    return Announcer(mode=mode or settings.cues, voice=voice_of(settings),
                     tones=lambda sound: tone_file(folder, sound, volume), engines=find_engines(),
                     players=find_players(), bell=bell, report=report, started=started)
