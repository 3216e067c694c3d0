"""Offline speech engines the system already has, and the command that makes each one speak.

Looked up once, in order of preference: speech-dispatcher (`spd-say`, the layer screen readers
use), `espeak-ng`, macOS `say`, and Windows PowerShell 5.1 with System.Speech. Every engine runs
as a child process, so a slow or hung one never holds up coach itself.

Each engine is asked for a voice of the language coach speaks (`-v ru`, `-l ru`, a Russian `say`
voice, a ru-RU voice on Windows); an engine without one uses its own default voice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import field
from typing import Any

from coach.frozen import frozen
from coach.i18n import N_, _, language_code

Which = Callable[[str], str | None]
Run = Callable[..., Any]  # subprocess.run, or a fake in tests

# Words reach PowerShell through the environment, never spliced into its script. A voice for the
# language's culture is asked for by hints: with none installed, Windows keeps its default voice.
POWERSHELL_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "if ($env:COACH_CULTURE) { try { $s.SelectVoiceByHints([System.Speech.Synthesis.VoiceGender]::NotSet, "
    "[System.Speech.Synthesis.VoiceAge]::NotSet, 0, "
    "[System.Globalization.CultureInfo]::GetCultureInfo($env:COACH_CULTURE)) } catch {} }; "
    "$s.Rate = [int]$env:COACH_RATE; $s.Volume = [int]$env:COACH_VOLUME; $s.Speak($env:COACH_SAY)"
)
# The country a language's voice is looked for in when the settings name none.
USUAL_REGION = {"en": "US", "de": "DE", "es": "ES", "ru": "RU"}
# macOS voices that sound natural, best first; the novelty ones (Bells, Zarvox…) are never chosen.
MAC_VOICES = {"en": ("Samantha", "Alex", "Daniel", "Karen", "Moira"), "de": ("Anna", "Markus", "Petra", "Yannick"),
              "es": ("Mónica", "Monica", "Jorge", "Paulina", "Juan"), "ru": ("Milena", "Yuri")}
MAC_NOVELTY_VOICES = frozenset({
    "Albert", "Bad News", "Bahh", "Bells", "Boing", "Bubbles", "Cellos", "Deranged", "Good News", "Hysterical",
    "Jester", "Organ", "Pipe Organ", "Superstar", "Trinoids", "Whisper", "Wobble", "Zarvox"})
_MAC_VOICE_LINE = re.compile(r"^(?P<name>\S.*?)\s+(?P<locale>[a-z]{2,3}(?:[_-][A-Za-z0-9]+)*)\s+#")
INSTALL_HINT = {
    "linux": N_("install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; Fedora: sudo dnf install espeak-ng)"),
    "darwin": N_("the 'say' command should come with macOS; check /usr/bin/say"),
    "win32": N_("Windows PowerShell 5.1 (powershell.exe) with System.Speech should come with Windows"),
}


@frozen
class Voice:
    rate: int = 150  # words per minute
    volume: int = 70  # percent
    language: str | None = None  # e.g. "ru", "de" or "es_MX"; None: the engine's own default voice

    @property
    def code(self) -> str | None:
        """The language alone, 'es' for 'es_MX': what espeak-ng and speech-dispatcher are given."""
        return language_code(self.language)

    @property
    def culture(self) -> str | None:
        """The language and country, 'ru-RU' or 'es-MX': how Windows names a voice's language."""
        code = self.code
        if code is None or self.language is None:
            return None
        region = re.split(r"[_-]", self.language.split(".")[0])[1:2]
        return f"{code}-{(region[0] if region else USUAL_REGION.get(code, '')).upper()}".rstrip("-")


@frozen
class Utterance:
    argv: list[str]
    env: dict[str, str]


@frozen
class SpeechEngine:
    name: str
    path: str
    run: Run = field(default=subprocess.run, compare=False, repr=False)  # for `say -v '?'`, once

    def utterance(self, words: str, voice: Voice) -> Utterance:
        """The command that says `words` and exits when it has finished saying them."""
        if self.name == "spd-say":
            rate = max(-100, min(100, round((voice.rate - 170) * 100 / 170)))
            argv = [self.path, "--wait", "-r", str(rate), "-i", str(voice.volume * 2 - 100)]
            if voice.code:
                argv += ["-l", voice.code]
            return Utterance([*argv, "--", words], {})
        if self.name in ("espeak-ng", "espeak"):
            argv = [self.path, "-s", str(voice.rate), "-a", str(round(voice.volume * 1.4))]
            if voice.code:
                argv += ["-v", voice.code]
            return Utterance([*argv, "--", words], {})
        if self.name == "say":
            argv = [self.path, "-r", str(voice.rate)]
            mac_voice = self.mac_voice(voice)
            if mac_voice:
                argv += ["-v", mac_voice]
            return Utterance([*argv, "--", words], {})
        if self.name == "powershell":
            rate = max(-10, min(10, round((voice.rate - 170) / 17)))
            env = {"COACH_SAY": words, "COACH_RATE": str(rate), "COACH_VOLUME": str(voice.volume)}
            if voice.culture:
                env["COACH_CULTURE"] = voice.culture
            return Utterance([self.path, "-NoProfile", "-NonInteractive", "-Command", POWERSHELL_SCRIPT], env)
        raise ValueError(f"unknown speech engine {self.name}")

    def mac_voice(self, voice: Voice) -> str | None:
        """A macOS voice speaking `voice`'s language: None (the default voice) when there is none."""
        code = voice.code
        if code is None:
            return None
        if self.path not in _mac_voices:
            _mac_voices[self.path] = list_mac_voices(self.path, self.run)
        return choose_mac_voice(_mac_voices[self.path], code, voice.culture)


# `say -v '?'` once per `say`: the list does not change while coach runs.
_mac_voices: dict[str, list[tuple[str, str]]] = {}


def list_mac_voices(path: str, run: Run = subprocess.run) -> list[tuple[str, str]]:
    """(name, locale) of each voice `say` has: 'Milena  ru_RU  # Здравствуйте…' -> ('Milena', 'ru_RU')."""
    try:
        listing = run([path, "-v", "?"], capture_output=True, text=True, timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [(found["name"], found["locale"]) for line in (listing or "").splitlines()
            if (found := _MAC_VOICE_LINE.match(line))]


def choose_mac_voice(voices: list[tuple[str, str]], code: str, culture: str | None) -> str | None:
    """The best voice for the language: one of its country, then a well-known one, never a novelty."""
    speaking = [(name, locale.replace("_", "-")) for name, locale in voices
                if language_code(locale) == code and name not in MAC_NOVELTY_VOICES]
    if not speaking:
        return None
    preferred = MAC_VOICES.get(code, ())

    def rank(voice: tuple[str, str]) -> tuple[bool, int]:
        name, locale = voice
        return (locale.lower() != (culture or "").lower(),
                preferred.index(name) if name in preferred else len(preferred))

    return min(speaking, key=rank)[0]


def engine_names(platform: str = sys.platform) -> tuple[str, ...]:
    if platform == "darwin":
        return ("say", "espeak-ng")
    if platform == "win32":
        # PowerShell 7 (pwsh) cannot load System.Speech; 5.1 is powershell.exe.
        return ("powershell",)
    return ("spd-say", "espeak-ng", "espeak")


def find_engines(which: Which = shutil.which, platform: str = sys.platform) -> list[SpeechEngine]:
    """The engines present here, best first."""
    found = []
    for name in engine_names(platform):
        path = which(name)
        if path:
            found.append(SpeechEngine(name, path))
    return found


def install_hint(platform: str = sys.platform) -> str:
    return _(INSTALL_HINT.get(platform, INSTALL_HINT["linux"]))
