"""Settings as words: what each one means, how it is shown, and reading a value someone typed.

Shared by `coach settings` and the settings screen, so both show and accept the same things.
"""

from __future__ import annotations

from typing import Any

from coach.i18n import N_, _
from coach.settings import CHECKS, CUE_MODES, Settings

# Shown with _() (see describe_setting and cue_mode_label): the language is chosen after import.
DESCRIPTIONS = {
    "cues": N_("what you hear at each change: voice (words and tones), tones, bell or silent"),
    "voice_rate": N_("how fast the voice speaks, in words a minute (80 to 400)"),
    "volume": N_("how loud the tones and the voice are, in percent (0 to 100)"),
    "ticks": N_("soft ticks in the last 3 seconds of each hold: yes or no"),
    "countdown_size": N_("the big countdown: auto, small, large (auto grows with the window)"),
    "pregnant": N_("yes, no or not-said: if yes, coach offers the pregnancy versions of its routines"),
    "language": N_("the language coach speaks (screens, messages and voice): en, de, es or ru; "
                   "not-said: the system's"),
}
CUE_MODE_LABELS = {"voice": N_("voice + tones"), "tones": N_("tones only"), "bell": N_("terminal bell"),
                   "silent": N_("silent")}
YES = ("yes", "y", "true", "on", "1")
NO = ("no", "n", "false", "off", "0")
NOT_SAID = ("not-said", "not said", "unset", "none", "")
MAY_BE_UNSET = ("pregnant", "language")


class SettingError(ValueError):
    """A value that cannot be used, with words saying what would be accepted."""


def describe_setting(key: str) -> str:
    """What the setting means, in the person's language."""
    return _(DESCRIPTIONS[key])


def cue_mode_label(mode: str) -> str:
    """'voice + tones', 'tones only'...: a cue mode as a person reads it."""
    return _(CUE_MODE_LABELS[mode]) if mode in CUE_MODE_LABELS else mode


def show_value(key: str, value: Any) -> str:
    """The value as typed back: 'yes', 'no', 'not said' (the settings screen's choices are these)."""
    if value is None:
        return "not said"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def value_words(key: str, value: Any) -> str:
    """The value as a person reads it, in their language: 'да', 'nein', 'sin indicar'."""
    if value is None:
        return _("not said")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _answers(english: tuple[str, ...], word: str) -> tuple[str, ...]:
    """The English answers, and the person's own word for them ('да'): both are understood."""
    return (*english, _(word).lower())


def parse_value(key: str, text: str) -> Any:
    """The typed text as the setting's value; None clears a setting that may be left unsaid."""
    if key not in CHECKS:
        raise SettingError(_("there is no setting called '{key}' — the settings are {keys}").format(
            key=key, keys=", ".join(CHECKS)))
    kind, check = CHECKS[key]
    text = text.strip()
    yes, no, not_said = _answers(YES, N_("yes")), _answers(NO, N_("no")), _answers(NOT_SAID, N_("not said"))
    if key in MAY_BE_UNSET and text.lower() in not_said:
        return None
    value: Any
    if kind is bool:
        if text.lower() not in yes + no:
            raise SettingError((_("'{key}' must be yes, no or not-said") if key in MAY_BE_UNSET else
                                _("'{key}' must be yes or no")).format(key=key))
        value = text.lower() in yes
    elif kind is int:
        try:
            value = int(text)
        except ValueError:
            raise SettingError(_("'{key}' must be a whole number, not '{value}'").format(key=key, value=text)) from None
    else:
        value = text
    problem = check(value)
    if problem:
        raise SettingError(_("'{key}' {problem}").format(key=key, problem=problem))
    return value


def next_cue_mode(mode: str) -> str:
    """The mute key's cycle: voice, tones, bell, silent, and round again."""
    return CUE_MODES[(CUE_MODES.index(mode) + 1) % len(CUE_MODES)] if mode in CUE_MODES else CUE_MODES[0]


def settings_lines(settings: Settings) -> list[tuple[str, str, str]]:
    """(key, shown value, what it means) for every setting, in the file's order."""
    return [(key, value_words(key, getattr(settings, key)), describe_setting(key)) for key in CHECKS]
