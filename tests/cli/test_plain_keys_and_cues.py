"""Plain mode with keys and cues, and the sound-related commands, from the command line."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

from coach.cli.main import main
from coach.cli.plain import run_plain
from coach.clock import ManualClock
from coach.cues.driver import CueDriver
from coach.engine.session import State
from coach.engine.timeline import build_timeline
from coach.routines.library import load_library
from coach.settings import load_settings


def test_keys_pause_skip_go_back_and_stop_and_each_change_is_cued():
    clock = ManualClock()
    out = io.StringIO()
    said: list[str] = []
    # (seconds that pass before the key, key): None means the wait ran out.
    script = iter([(2, "n"), (1, " "), (60, " "), (1, "b"), (1, "q")])

    def keys(timeout: float | None) -> str | None:
        waited, key = next(script, (timeout, None))
        if timeout is not None and waited >= timeout:
            clock.advance(timeout)
            return None
        clock.advance(waited)
        return key

    cues = lambda session: CueDriver(session, lambda cue: said.append(cue.words), lambda: said.append("(silence)"))  # noqa: E731
    session = run_plain(build_timeline(load_library().routines["quick"]), out, clock, keys=keys, cues=cues)
    assert session.state is State.STOPPED
    assert said[:2] == ["Next: Wall calf stretch, left leg. A strong stretch, never pain.",
                        "Left leg. Wall calf stretch. Hold. Face a wall with your arms straight and your palms "
                        "on it at chest height."]  # n skipped the get-ready after 2 s
    # b within 3 s of the hold goes back to the get-ready, whose caution is on screen again.
    assert said[2:] == ["(silence)", "Left leg. Hold.",
                        "Next: Wall calf stretch, left leg. A strong stretch, never pain.", "(silence)"]
    lines = out.getvalue().splitlines()
    assert "Paused. Press space to go on." in lines and "Going on." in lines


def test_show_cues_prints_time_sound_and_words_for_the_whole_routine(capsys):
    assert main(["show", "quick", "--cues"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["AT", "SOUND", "WORDS"]
    assert lines[3] == " 0:15  rest     Rest."
    assert lines[-1] == " 3:40  end      Well done. That's tonight's routine."
    assert len(lines) == 1 + 24 + 1


def test_settings_are_shown_changed_and_checked(capsys, coach_home):
    assert main(["settings", "set", "cues", "tones"]) == 0
    assert main(["settings", "set", "pregnant", "yes"]) == 0
    # The language now chooses the whole app's words: English keeps this test's expectations readable.
    assert main(["settings", "set", "language", "en"]) == 0
    assert load_settings().settings.cues == "tones"
    assert load_settings().settings.pregnant is True
    capsys.readouterr()
    assert main(["settings", "set", "volume", "loud"]) == 2
    assert capsys.readouterr().err == "coach: 'volume' must be a whole number, not 'loud'\n"
    assert main(["settings", "set", "pregnant", "not-said"]) == 0
    assert load_settings().settings.pregnant is None
    assert main(["settings"]) == 0
    shown = capsys.readouterr().out
    assert "cues            tones" in shown and "pregnant        not said" in shown and "language        en" in shown


def test_a_broken_settings_file_names_its_line_and_coach_uses_the_defaults(capsys, coach_home):
    (coach_home / "settings.toml").write_text('cues = "tones"\nvolume = 300\n')
    assert main(["settings"]) == 0
    captured = capsys.readouterr()
    assert f"{coach_home / 'settings.toml'}:2: 'volume' must be between 0 and 100" in captured.err
    assert "volume          70" in captured.out and "cues            tones" in captured.out
    assert (coach_home / "settings.toml").read_text() == 'cues = "tones"\nvolume = 300\n'  # never rewritten


def test_voice_test_finishes_within_five_seconds_and_says_what_it_used_or_what_to_install(coach_home):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "coach", "voice", "test"], capture_output=True, text=True,
                            env={**os.environ, "COACH_HOME": str(coach_home)}, timeout=30)
    assert time.monotonic() - started < 5.0 + 1.5  # Python's own start-up on a busy machine
    if result.returncode == 0:
        assert "ok: speech engine" in result.stdout
    else:
        assert result.returncode == 1
        assert "install" in result.stdout


def test_ctrl_c_in_plain_mode_stops_keeps_what_was_done_and_exits_130(coach_home):
    # Ctrl+C as a person's terminal delivers it: a shell that runs the tests in the background
    # starts them (and so coach) with SIGINT ignored.
    process = subprocess.Popen([sys.executable, "-m", "coach", "run", "quick", "--plain", "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "COACH_HOME": str(coach_home)},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stdout is not None
    first = process.stdout.readline()
    while first and not first.startswith("[0:00]"):  # the safety page comes first, on a first run
        first = process.stdout.readline()
    assert first.startswith("[0:00] Get ready")
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=20)
    assert process.returncode == 130
    # Stopped while getting ready: nothing was done yet, and the summary says so rather than
    # "what you did still counts".
    assert "stopped before any exercise was done" in out
