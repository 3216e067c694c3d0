"""Settings as words: what each one means, how it is shown, and reading a value someone typed.

Shared by `coach settings` and the settings screen, so both show and accept the same things.
"""

from __future__ import annotations

from typing import Any

from coach.settings import CHECKS, COUNTDOWN_SIZES, CUE_MODES, Settings

DESCRIPTIONS = {
    "cues": "what you hear at each change: voice (words and tones), tones, bell or silent",
    "voice_rate": "how fast the voice speaks, in words a minute (80 to 400)",
    "volume": "how loud the tones and the voice are, in percent (0 to 100)",
    "ticks": "soft ticks in the last 3 seconds of each hold: yes or no",
    "countdown_size": f"the big countdown: {', '.join(COUNTDOWN_SIZES)} (auto grows with the window)",
    "pregnant": "yes, no or not-said: if yes, coach offers the pregnancy versions of its routines",
    "language": "the voice's language as a code such as en, de or es; not-said: the system's",
}
CUE_MODE_LABELS = {"voice": "voice + tones", "tones": "tones only", "bell": "terminal bell", "silent": "silent"}
YES = ("yes", "y", "true", "on", "1")
NO = ("no", "n", "false", "off", "0")
NOT_SAID = ("not-said", "not said", "unset", "none", "")
MAY_BE_UNSET = ("pregnant", "language")


class SettingError(ValueError):
    """A value that cannot be used, with words saying what would be accepted."""


def show_value(key: str, value: Any) -> str:
    if value is None:
        return "not said"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def parse_value(key: str, text: str) -> Any:
    """The typed text as the setting's value; None clears a setting that may be left unsaid."""
    if key not in CHECKS:
        raise SettingError(f"there is no setting called '{key}' — the settings are {', '.join(CHECKS)}")
    kind, check = CHECKS[key]
    text = text.strip()
    if key in MAY_BE_UNSET and text.lower() in NOT_SAID:
        return None
    value: Any
    if kind is bool:
        if text.lower() not in YES + NO:
            raise SettingError(f"'{key}' must be yes or no" + (" or not-said" if key in MAY_BE_UNSET else ""))
        value = text.lower() in YES
    elif kind is int:
        try:
            value = int(text)
        except ValueError:
            raise SettingError(f"'{key}' must be a whole number, not '{text}'") from None
    else:
        value = text
    problem = check(value)
    if problem:
        raise SettingError(f"'{key}' {problem}")
    return value


def next_cue_mode(mode: str) -> str:
    """The mute key's cycle: voice, tones, bell, silent, and round again."""
    return CUE_MODES[(CUE_MODES.index(mode) + 1) % len(CUE_MODES)] if mode in CUE_MODES else CUE_MODES[0]


def settings_lines(settings: Settings) -> list[tuple[str, str, str]]:
    """(key, shown value, what it means) for every setting, in the file's order."""
    return [(key, show_value(key, getattr(settings, key)), DESCRIPTIONS[key]) for key in CHECKS]
