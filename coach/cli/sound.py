"""coach settings, coach voice test, and the cue script for coach show --cues."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from coach.cli.errors import UserError
from coach.cues.players import install_hint as player_hint
from coach.cues.script import Cue, Sound, cue_script
from coach.cues.speech import install_hint as speech_hint
from coach.cues.system import system_announcer
from coach.durations import format_clock
from coach.engine.timeline import Timeline
from coach.i18n import N_, _, pgettext
from coach.settings import load_settings, save_settings, settings_path
from coach.settings_text import SettingError, parse_value, settings_lines

VOICE_TEST_SENTENCE = N_("This is coach. Left leg. Wall calf stretch. Hold.")
VOICE_TEST_SECONDS = 4.5  # everything, tones and the sentence, within 5 s


class SoundUserError(UserError):
    """A setting that cannot be used, named with what would be accepted."""


def add_commands(commands: Any) -> None:
    settings = commands.add_parser("settings", help=_("show or change your settings (cues, voice, volume...)"),
                                   description=_("Show your settings, or change one: coach settings set cues tones"))
    actions = settings.add_subparsers(dest="settings_command", metavar="ACTION")
    change = actions.add_parser("set", help=_("change one setting, e.g. coach settings set volume 50"))
    change.add_argument("key", help=_("the setting's name, as listed by 'coach settings'"))
    change.add_argument("value", help=_("the new value; not-said clears pregnant or language"))
    voice = commands.add_parser("voice", help=_("check the voice and the tones"),
                                description=_("Play each tone and say one sentence, then say which speech "
                                              "engine and sound player coach uses, or what to install."))
    voice_actions = voice.add_subparsers(dest="voice_command", metavar="ACTION", required=True)
    voice_actions.add_parser("test", help=_("play each tone, speak one sentence, name the engine and player"))


def sound_word(sound: Sound) -> str:
    """A tone's name as a person reads it: 'ready', 'hold', 'switch'."""
    return {
        Sound.READY: pgettext("tone", "ready"), Sound.HOLD: pgettext("tone", "hold"),
        Sound.REST: pgettext("tone", "rest"), Sound.SWITCH: pgettext("tone", "switch"),
        Sound.TICK: pgettext("tone", "tick"), Sound.END: pgettext("tone", "end"),
    }[sound]


def cue_script_text(timeline: Timeline, ticks: bool) -> str:
    at, sound, words = pgettext("cue script", "AT"), pgettext("cue script", "SOUND"), pgettext("cue script", "WORDS")
    # The sound column is as wide as its longest word in this language, as it is in English (7).
    width = max(7, len(sound), *(len(sound_word(tone)) for tone in Sound))
    lines = [f"{at:>5}  {sound:<{width}}  {words}"]
    for line in cue_script(timeline, ticks):
        tone = sound_word(line.cue.sound) if line.cue.sound else "-"
        lines.append(f"{format_clock(line.at):>5}  {tone:<{width}}  {line.cue.words}".rstrip())
    return "\n".join(lines)


def command_settings(arguments: argparse.Namespace) -> int:
    if arguments.settings_command == "set":
        try:
            value = parse_value(arguments.key, arguments.value)
        except SettingError as error:
            raise SoundUserError(str(error)) from None
        note = save_settings({arguments.key: value})
        if note:
            print(f"coach: {note}", file=sys.stderr)
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"coach: {problem}", file=sys.stderr)
    width = max(len(key) for key, _, _ in settings_lines(loaded.settings))
    for key, shown, meaning in settings_lines(loaded.settings):
        print(f"{key:<{width}}  {shown:<10}  {meaning}")
    print("\n" + _("File: {path}  (change one with: coach settings set KEY VALUE)").format(path=settings_path()))
    return 0


def command_voice(arguments: argparse.Namespace) -> int:
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"coach: {problem}", file=sys.stderr)
    reports: list[str] = []
    announcer = system_announcer(loaded.settings, mode="voice", report=reports.append,
                                 bell=lambda: print("\a", end="", flush=True))
    engine, player = announcer.engine, announcer.player
    deadline = time.monotonic() + VOICE_TEST_SECONDS
    try:
        if player is not None:
            print(_("Tones: playing each one with {player} ({path})").format(
                player=player.name, path=player.path or _("built in")))
            for sound in (Sound.READY, Sound.HOLD, Sound.REST, Sound.SWITCH, Sound.TICK, Sound.END):
                announcer.announce(Cue(sound, ""))
                announcer.idle(timeout=max(0.1, min(1.6, deadline - time.monotonic() - 2.5)))
                print(f"  {sound_word(sound)}")
        if engine is not None:
            print(_("Voice: saying one sentence with {engine} ({path})").format(engine=engine.name, path=engine.path))
            announcer.announce(Cue(None, _(VOICE_TEST_SENTENCE)))
            if not announcer.idle(timeout=max(0.1, deadline - time.monotonic())):
                reports.append(_("Voice: {engine} did not finish one sentence within 5 seconds.").format(
                    engine=engine.name))
                engine = None
    finally:
        announcer.close()
    for report in reports:
        print(report)
    working_player = announcer.player if player is not None else None
    working_engine = announcer.engine if engine is not None else None
    if working_player is None:
        print(_("No sound player works here: {hint}. Until then coach uses the terminal bell.").format(
            hint=player_hint()) if player is None else
            _("The sound player did not work (see above): coach uses the terminal bell."))
    if working_engine is None:
        print(_("No speech engine works here: {hint}. Until then the cues are tones only.").format(
            hint=speech_hint()) if engine is None and not reports else
            _("The speech engine did not work (see above): the cues are tones only."))
    if working_player is None or working_engine is None:
        return 1
    print(_("ok: speech engine {engine}, sound player {player}").format(
        engine=working_engine.name, player=working_player.name))
    return 0


HANDLERS = {"settings": command_settings, "voice": command_voice}
