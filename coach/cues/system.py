"""An announcer for this machine: its speech engines and players, the person's settings."""

from __future__ import annotations

from collections.abc import Callable

from coach import locations
from coach.cues.announcer import Announcer
from coach.cues.players import find_players
from coach.cues.speech import Voice, find_engines
from coach.cues.tones import tone_file
from coach.i18n import current_language, language_code
from coach.settings import Settings


def voice_language(settings: Settings) -> str:
    """The language the voice speaks: the one coach speaks, with the settings' country if they
    name one for it ('es_MX'); `--lang` may have chosen another language than the settings."""
    language = current_language()
    saved = settings.language
    return saved if saved and language_code(saved) == language else language


def voice_of(settings: Settings) -> Voice:
    return Voice(settings.voice_rate, settings.volume, voice_language(settings))


def system_announcer(settings: Settings, *, bell: Callable[[], None], report: Callable[[str], None],
                     mode: str | None = None, started: Callable[[str, float], None] | None = None) -> Announcer:
    folder = locations.cache_dir() / "tones"
    volume = settings.volume
    return Announcer(mode=mode or settings.cues, voice=voice_of(settings),
                     tones=lambda sound: tone_file(folder, sound, volume), engines=find_engines(),
                     players=find_players(), bell=bell, report=report, started=started)
