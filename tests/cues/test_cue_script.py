"""Which cue at which moment, for whole routines driven by the fake clock: nothing waits."""

from __future__ import annotations

from coach.clock import ManualClock
from coach.cues.driver import CueDriver
from coach.cues.script import FINISHED_WORDS, Cue, Sound, cue_script
from coach.engine.session import Session
from coach.engine.timeline import build_timeline
from coach.routines.library import load_library


class Heard:
    """Stands in for the announcer: what was announced, and when sound was cut off."""

    def __init__(self, clock: ManualClock):
        self.clock = clock
        self.log: list[tuple[float, str, str]] = []

    def announce(self, cue: Cue) -> None:
        self.log.append((self.clock.now - 1000, cue.sound.value if cue.sound else "-", cue.words))

    def silence(self) -> None:
        self.log.append((self.clock.now - 1000, "silence", ""))


def follow(name: str, ticks: bool = False):
    clock = ManualClock(1000)
    session = Session(build_timeline(load_library().routines[name]), clock)
    heard = Heard(clock)
    driver = CueDriver(session, heard.announce, heard.silence, ticks=lambda: ticks)

    def run_for(seconds: float, step: float = 0.25) -> None:
        end = clock.now + seconds
        driver.flush()  # what a key press made due
        while clock.now < end - 1e-9 and not session.is_over:
            clock.advance(step)
            session.update()
            driver.flush()

    session.start()
    driver.flush()
    return session, heard, run_for


def test_quick_routine_uninterrupted_says_each_change_once_in_calm_short_words():
    session, heard, run_for = follow("quick")
    run_for(400)
    assert session.is_over
    words = [(at, sound, said) for at, sound, said in heard.log]
    assert words[0] == (0, "ready", "Next: Wall calf stretch, left leg. A strong stretch, never pain.")
    assert words[1] == (5, "hold", "Left leg. Wall calf stretch. Hold. Face a wall with your arms straight "
                                   "and your palms on it at chest height.")
    assert words[2:7] == [(15, "rest", "Rest."), (25, "hold", "Hold."), (35, "rest", "Rest."),
                          (45, "hold", "Last one. Hold."), (55, "switch", "Switch legs. Right leg.")]
    assert words[7] == (60, "hold", "Hold.")
    assert words[-1] == (220, "end", FINISHED_WORDS)
    # One cue per phase plus the end: nothing repeated, nothing missed.
    assert len(words) == len(session.timeline.phases) + 1
    # The second exercise is introduced too, with its own caution.
    assert (110, "ready", "Next: Standing hamstring stretch, left leg. "
                          "Use a low step rather than a table if your balance is not good.") in words


def test_the_script_printed_by_show_is_what_a_run_says():
    session, heard, run_for = follow("evening")
    run_for(700)
    script = cue_script(session.timeline)
    assert [(line.at, line.cue.sound.value if line.cue.sound else "-", line.cue.words) for line in script] == heard.log


def test_pause_silences_and_resume_says_where_we_are_without_moving_the_script():
    session, heard, run_for = follow("quick")
    run_for(17)  # into the first rest
    session.pause()
    assert heard.log[-1] == (17, "silence", "")
    run_for(30)  # paused: the clock moves, the routine does not, nothing is said
    assert heard.log[-1] == (17, "silence", "")
    session.resume()
    run_for(0.25)
    assert heard.log[-1][1:] == ("rest", "Left leg. Rest.")
    run_for(8)  # the rest ends 10 s after it began, whatever the pause
    assert heard.log[-1] == (55.0, "hold", "Hold.")


def test_skip_cues_the_phase_skipped_to_and_an_exercise_skip_introduces_the_next():
    session, heard, run_for = follow("quick")
    run_for(6)
    session.skip()  # hold 1 -> rest
    run_for(0.25)
    assert heard.log[-1][1:] == ("rest", "Rest.")
    session.skip_exercise()  # past the right leg too
    run_for(0.25)
    assert heard.log[-1][1:] == ("ready", "Next: Standing hamstring stretch, left leg. "
                                          "Use a low step rather than a table if your balance is not good.")
    session.back()  # within 3 s: the phase before, said briefly now that it has been introduced
    run_for(0.25)
    assert heard.log[-1][1:] == ("hold", "Right leg. Wall calf stretch. Last one. Hold.")


def test_stopping_silences_and_says_nothing_more():
    session, heard, run_for = follow("quick")
    run_for(12)
    session.stop()
    run_for(1)
    assert heard.log[-1] == (12, "silence", "")


def test_ticks_only_when_wanted_in_the_last_three_seconds_of_effort():
    _session, heard, run_for = follow("quick", ticks=True)
    run_for(26)
    ticks = [at for at, sound, _ in heard.log if sound == "tick"]
    assert ticks == [12, 13, 14]  # as 3, 2 and 1 appear in the first hold; none in the rest
    _quiet_session, quiet, run_quiet = follow("quick", ticks=False)
    run_quiet(26)
    assert not [entry for entry in quiet.log if entry[1] == "tick"]


def test_sounds_for_hold_rest_and_switch_are_different_kinds():
    kinds = {line.cue.sound for line in cue_script(build_timeline(load_library().routines["quick"]))}
    assert {Sound.READY, Sound.HOLD, Sound.REST, Sound.SWITCH, Sound.END} <= kinds


def test_a_driver_made_before_the_start_gives_the_first_cue_as_the_session_starts():
    """The full screen makes its driver just after the first frame, then starts the routine."""
    clock = ManualClock(1000)
    session = Session(build_timeline(load_library().routines["quick"]), clock)
    heard = Heard(clock)
    driver = CueDriver(session, heard.announce, heard.silence)
    assert driver.flush() is None and heard.log == []  # nothing is said before the start
    session.start()
    driver.flush()
    assert heard.log == [(0, "ready", "Next: Wall calf stretch, left leg. A strong stretch, never pain.")]
    clock.advance(5)
    session.update()
    driver.flush()
    assert heard.log[1][:2] == (5, "hold")
