"""Offline speech engines the system already has, and the command that makes each one speak.

Looked up once, in order of preference: speech-dispatcher (`spd-say`, the layer screen readers
use), `espeak-ng`, macOS `say`, and Windows PowerShell 5.1 with System.Speech. Every engine runs
as a child process, so a slow or hung one never holds up coach itself.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass

Which = Callable[[str], str | None]

# Words reach PowerShell through the environment, never spliced into its script.
POWERSHELL_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "$s.Rate = [int]$env:COACH_RATE; $s.Volume = [int]$env:COACH_VOLUME; $s.Speak($env:COACH_SAY)"
)
INSTALL_HINT = {
    "linux": "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; Fedora: sudo dnf install espeak-ng)",
    "darwin": "the 'say' command should come with macOS; check /usr/bin/say",
    "win32": "Windows PowerShell 5.1 (powershell.exe) with System.Speech should come with Windows",
}


@dataclass(frozen=True)
class Voice:
    rate: int = 150  # words per minute
    volume: int = 70  # percent
    language: str | None = None  # e.g. "en" or "de"; None: the engine's own default


@dataclass(frozen=True)
class Utterance:
    argv: list[str]
    env: dict[str, str]


@dataclass(frozen=True)
class SpeechEngine:
    name: str
    path: str

    def utterance(self, words: str, voice: Voice) -> Utterance:
        """The command that says `words` and exits when it has finished saying them."""
        if self.name == "spd-say":
            rate = max(-100, min(100, round((voice.rate - 170) * 100 / 170)))
            argv = [self.path, "--wait", "-r", str(rate), "-i", str(voice.volume * 2 - 100)]
            if voice.language:
                argv += ["-l", voice.language]
            return Utterance([*argv, "--", words], {})
        if self.name in ("espeak-ng", "espeak"):
            argv = [self.path, "-s", str(voice.rate), "-a", str(round(voice.volume * 1.4))]
            if voice.language:
                argv += ["-v", voice.language]
            return Utterance([*argv, "--", words], {})
        if self.name == "say":
            return Utterance([self.path, "-r", str(voice.rate), "--", words], {})
        if self.name == "powershell":
            rate = max(-10, min(10, round((voice.rate - 170) / 17)))
            return Utterance([self.path, "-NoProfile", "-NonInteractive", "-Command", POWERSHELL_SCRIPT],
                             {"COACH_SAY": words, "COACH_RATE": str(rate), "COACH_VOLUME": str(voice.volume)})
        raise ValueError(f"unknown speech engine {self.name}")


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
    return INSTALL_HINT.get(platform, INSTALL_HINT["linux"])
