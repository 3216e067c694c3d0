"""The terminal UI under Textual's Pilot, on a fake clock: the tests never wait for real seconds."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from textual.widgets import OptionList, Static

from coach.engine.session import State, StepStatus
from coach.first_run import safety_seen
from coach.model import Side
from coach.safety import safety_page
from coach.settings import load_settings, save_settings
from coach.tui.screens.done import DoneScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.pregnancy_question import PregnancyQuestion
from coach.tui.screens.run import RunScreen
from coach.tui.screens.safety import SafetyScreen
from coach.tui.screens.side_picker import SidePicker
from coach.tui.widgets.progress_line import ProgressLine
from coach.tui.widgets.status_line import StatusLine

from tui_helpers import (
    SIZE,
    HeardCues,
    advance,
    countdown,
    exercise_heading,
    make_app,
    phase_text,
    routine_begun,
    side_text,
    sound_label,
    status_line,
    text,
)


async def test_home_lists_the_nightly_routines_first_and_enter_starts_one(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == ["evening", "quick", "cramp-now"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.routine.name == "quick"



async def test_getting_ready_for_a_timed_exercise_gives_its_length_as_what_comes_next(clock):
    app = make_app(clock, start="evening")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        step = app.screen.session.next_phase
        assert (exercise_heading(app), phase_text(app)) == ("Check your legs · sitting", "GET READY")
        assert text(app, "#next") == f"Next: Check your legs · {step.duration}s"

async def test_a_routine_counts_down_from_its_get_ready_through_holds_and_rests(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert exercise_heading(app) == "Wall calf stretch · standing"
        assert (side_text(app), phase_text(app), countdown(app)) == ("LEFT LEG", "GET READY", "5")
        assert "1. Face a wall" in text(app, "#steps")
        assert text(app, "#next") == "Next: hold 1 of 3 · 10s"
        await advance(pilot, clock, 5)
        assert (phase_text(app), countdown(app)) == ("HOLD 1 OF 3", "10")
        await advance(pilot, clock, 3.5)
        assert countdown(app) == "7"  # 6.5 s left shows as 7: the number reaches 0 as time does
        progress = app.screen.query_one(ProgressLine)
        assert progress.fraction_done == pytest.approx(8.5 / 220)
        assert str(progress.render()).endswith("─  about 4 min left")
        await advance(pilot, clock, 6.5)
        assert (phase_text(app), countdown(app)) == ("REST", "10")
        assert app.rings == [1000.0, 1005.0, 1015.0]  # a cue as it begins and at each change


async def test_switching_legs_is_announced_and_shown(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 40)
        assert text(app, "#next") == "Next: switch to the right leg"
        await advance(pilot, clock, 10)
        assert (side_text(app), phase_text(app)) == ("RIGHT LEG", "SWITCH LEGS")
        assert status_line(app).phase_look == "waiting"


async def test_a_change_of_phase_rewrites_only_the_lines_that_changed(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5)
        rewritten = []
        for widget in app.screen.query(Static):
            original_update = widget.update
            widget.update = lambda *args, _id=widget.id, _update=original_update, **kwargs: (
                rewritten.append(_id), _update(*args, **kwargs))
        status = status_line(app)
        status.refresh = lambda *args, _refresh=status.refresh, **kwargs: (
            rewritten.append("status"), _refresh(*args, **kwargs))
        await advance(pilot, clock, 10)  # hold 1 of 3 → rest: same exercise, steps and leg
        assert (side_text(app), phase_text(app), text(app, "#next")) == ("LEFT LEG", "REST", "Next: hold 2 of 3 · 10s")
        assert sorted(rewritten) == ["next", "status"]


async def test_an_error_while_the_countdown_wakes_reaches_textual(clock):
    app = make_app(clock, start="quick")
    with pytest.raises(RuntimeError, match="engine broke"):
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen

            def broken_update():
                raise RuntimeError("engine broke")

            screen.session.update = broken_update
            # As the event loop calls it when the shown second changes: an error raised out of
            # a loop callback would only be logged by asyncio, and the countdown would stop.
            asyncio.get_running_loop().call_soon(screen._woken)
            await pilot.pause()
            await pilot.pause()


async def test_pause_freezes_the_countdown_and_stops_the_timer(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 7)
        await pilot.press("space")
        screen = app.screen
        assert screen.session.state is State.PAUSED and screen._wake is None
        assert phase_text(app) == "PAUSED · space to go on"
        assert status_line(app).phase_look == "paused" and screen.query_one("#countdown").has_class("-paused")
        await advance(pilot, clock, 600)
        assert countdown(app) == "8"
        await pilot.press("space")
        assert phase_text(app) == "HOLD 1 OF 3" and screen._wake is not None
        await advance(pilot, clock, 8)
        assert phase_text(app) == "REST"


async def test_skip_next_exercise_and_back(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        await pilot.press("right")
        assert phase_text(app) == "HOLD 1 OF 3"
        await pilot.press("n")
        assert phase_text(app) == "REST"
        await pilot.press("left")
        assert phase_text(app) == "HOLD 1 OF 3" and countdown(app) == "10"
        await pilot.press("shift+right")
        assert exercise_heading(app) == "Standing hamstring stretch · standing"
        await pilot.press("b")
        assert exercise_heading(app) == "Wall calf stretch · standing"
        assert side_text(app) == "RIGHT LEG"


async def test_quitting_asks_first_and_keeps_what_was_done(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 50 + 5)  # the left calf stretch is done
        run_screen = app.screen
        await pilot.press("q")
        await pilot.pause()
        assert run_screen.session.state is State.PAUSED  # paused while the question is open
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is run_screen and run_screen.session.state is State.RUNNING
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        statuses = {(o.exercise_id, o.side): o.status for o in run_screen.session.outcomes()}
        assert statuses[("wall-calf-stretch", Side.LEFT)] is StepStatus.DONE
        assert statuses[("standing-hamstring-stretch", Side.RIGHT)] is StepStatus.NOT_REACHED
        assert "stopped early" in text(app, "#headline")
        assert "✓ Wall calf stretch (left leg)" in text(app, "#summary")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_finishing_shows_a_calm_summary(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 220)
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        run_screens = [screen for screen in app.screen_stack if isinstance(screen, RunScreen)]
        assert all(screen._wake is None for screen in run_screens)  # nothing ticks once it is over
        assert text(app, "#headline") == "Quick trial stretches: all done. Well done, and sleep well."
        assert "Time spent stretching: 3 minutes 20 seconds" in text(app, "#summary")
        assert "Skipped" not in text(app, "#summary")


async def test_several_changes_at_once_ring_only_once(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first frame: the first cue comes as the routine is on screen
        await advance(pilot, clock, 5 + 10 + 10 + 1)
        assert phase_text(app) == "HOLD 2 OF 3"
        assert app.rings == [1000.0, 1026.0]  # the start, then one for three changes


async def test_quiet_mode_and_the_sound_key(clock, coach_home):
    app = make_app(clock, start="quick", quiet=True)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5)
        assert app.rings == []
        assert sound_label(app) == "sound: silent (m)"
        await pilot.press("m")
        await advance(pilot, clock, 10)
        assert app.rings == [1015.0]
        assert sound_label(app) == "sound: voice + tones (m)"  # always shown, not only a toast
        for shown in ("tones only", "terminal bell", "silent", "voice + tones"):
            await pilot.press("m")
            assert sound_label(app) == f"sound: {shown} (m)"
        await pilot.press("m")
    assert load_settings().settings.cues == "tones"  # the key's choice is kept for next time
    assert (coach_home / "settings.toml").exists()


async def test_the_sound_label_says_what_is_really_heard_when_the_voice_gives_up(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 1)
        assert sound_label(app) == "sound: voice + tones (m)"
        app._announcer.engine = None  # what the announcer does when the last engine fails
        app._cue_problem("Voice: espeak-ng failed (exit status 1); cues are tones only from now on.")
        await pilot.pause()
        assert sound_label(app) == "sound: tones (no voice) (m)"
        app._announcer.player = None
        app._cue_problem("Sound: aplay failed (exit status 1); using the terminal bell instead.")
        await pilot.pause()
        assert sound_label(app) == "sound: bell (no sound player) (m)"


@pytest.mark.parametrize("keys", [["question_mark"], ["q"]])
async def test_a_voice_that_gives_up_under_the_help_or_the_stop_question_is_shown_on_return(clock, keys):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 1)
        run_screen = app.screen
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen is not run_screen
        app._announcer.engine = None
        app._cue_problem("Voice: espeak-ng failed (exit status 1); cues are tones only from now on.")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is run_screen
        assert sound_label(app) == "sound: tones (no voice) (m)"


async def test_the_routine_begins_just_after_its_first_frame_together_with_its_first_cue(clock):
    made_while = []

    def announcer(app):  # made just before the routine begins: its first cue is not kept waiting
        made_while.append((app.screen.session.state, countdown(app), phase_text(app)))
        return HeardCues(app, clock)

    app = make_app(clock, start="quick", announcer=announcer)
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        assert made_while == [(State.READY, "5", "GET READY")]  # on screen whole, not yet counting
        assert app.screen.session.state is State.RUNNING
        ((at, cue),) = app.cues.cues
        assert at == clock() and cue.words.startswith("Next: Wall calf stretch, left leg.")
        await advance(pilot, clock, 1)
        assert countdown(app) == "4"


async def test_the_run_screen_speaks_each_change_and_pause_silences_it(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        heard = app.cues
        await advance(pilot, clock, 5)
        assert [cue.words for _, cue in heard.cues][-1].startswith("Left leg. Wall calf stretch. Hold.")
        await pilot.press("space")
        assert heard.silenced == 1
        await pilot.press("space")
        await pilot.press("right")
        assert [cue.words for _, cue in heard.cues][-2:] == ["Left leg. Hold.", "Rest."]


async def test_a_broken_settings_file_is_named_with_its_line_and_the_app_runs_with_defaults(clock, coach_home):
    (coach_home / "settings.toml").write_text("cues = 'voice'\nticks = maybe\n")
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any(message.startswith(f"{coach_home / 'settings.toml'}:2:") for message in shown)
        assert app.cue_mode == "voice"
    assert (coach_home / "settings.toml").read_text() == "cues = 'voice'\nticks = maybe\n"


async def test_cramp_now_asks_which_leg_then_works_it_and_shows_when_to_get_help(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SidePicker)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert exercise_heading(app) == "Sit up and turn on a light · sitting"
        assert "Stop and get help" in text(app, "#red-flags")
        assert "Call emergency services now: chest pain" in text(app, "#red-flags")
        await advance(pilot, clock, 10)
        assert (exercise_heading(app), side_text(app)) == ("Straight-knee toe pull · sitting", "RIGHT LEG")


async def test_cancelling_the_leg_question_goes_back_home(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def run_screen_look(screen: RunScreen, layout: str = "-wide") -> tuple[int, int, bool]:
    """The countdown's rows, the leg label's block-font scale, and whether the layout class is on."""
    return (screen.query_one("#countdown").outer_size.height, screen.query_one("#status", StatusLine).drawn_scale(),
            screen.has_class(layout))


def first_frames_of_the_run_screen(monkeypatch, layout: str) -> list[tuple[int, int, bool]]:
    """Filled with the run screen's look when Textual hands the terminal its first frame."""
    from textual.app import App

    seen: list[tuple[int, int, bool]] = []
    display = App._display

    def displayed(app, screen, renderable):
        if renderable is not None and isinstance(screen, RunScreen) and not seen:
            seen.append(run_screen_look(screen, layout))
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", displayed)
    return seen


@pytest.mark.parametrize(("size", "digit_rows", "label_scale", "layout"),
                         [((100, 30), 5, 1, "-wide"), ((200, 50), 10, 2, "-wide"), ((60, 20), 3, 0, "-narrow")])
async def test_the_first_frame_is_already_sized_for_the_window(clock, monkeypatch, size, digit_rows, label_scale, layout):
    """Sized on the first resize instead, the screen was drawn four times in its first tenth of a
    second: the leg label grew from a line of text through cut block letters."""
    first_frame = first_frames_of_the_run_screen(monkeypatch, layout)
    app = make_app(clock, start="quick")
    async with app.run_test(size=size) as pilot:
        await routine_begun(pilot)
        settled = run_screen_look(app.screen, layout)
    assert first_frame == [(digit_rows, label_scale, True)] == [settled]


@pytest.mark.parametrize("language", ["de", "es", "ru"])
async def test_the_first_frame_draws_the_leg_label_as_it_stays_in_each_language(clock, monkeypatch, language):
    """Longer words (PIERNA IZQUIERDA) may not fit in block letters beside the phase: the first
    frame already knows, before any layout has measured the line."""
    from coach.i18n import use_language

    use_language(language)
    first_frame = first_frames_of_the_run_screen(monkeypatch, "-wide")
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        assert first_frame == [run_screen_look(app.screen)]


async def test_resizing_to_60_by_20_mid_routine_loses_nothing(clock):
    app = make_app(clock, start="evening")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 5 + 10 + 5 + 12.5)
        before = (exercise_heading(app), phase_text(app), countdown(app), app.screen.session.phase.index)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        after = (exercise_heading(app), phase_text(app), countdown(app), app.screen.session.phase.index)
        assert before == after
        assert exercise_heading(app) == "Check your legs · sitting"
        for selector in ("#status", "#countdown", "#red-flags", "#next", "#progress"):
            region = app.screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 19, selector  # above the footer
        await pilot.resize_terminal(100, 30)
        await advance(pilot, clock, 32.5)
        assert exercise_heading(app) == "Easy warm-up march · standing"


async def test_safety_is_shown_once_on_first_run_and_always_reachable(clock):
    assert not safety_seen()
    app = make_app(clock, show_safety=None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SafetyScreen)
        assert "swollen, red, warm or tender" in text(app, "#safety-text")
        await pilot.press("enter")
        # Then, once, whether the person is pregnant; the answer is kept in the settings.
        assert isinstance(app.screen, PregnancyQuestion)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_settings().settings.pregnant is False
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
    assert safety_seen()
    again = make_app(clock, show_safety=None)
    async with again.run_test(size=SIZE):
        assert isinstance(again.screen, HomeScreen)


async def test_the_exercise_library_lists_every_exercise_with_its_source(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        entries = [str(s.content) for s in app.screen.query(".exercise")]
        assert len(entries) == len(app.library.exercises)
        assert any(e.startswith("Heel walking") and "Source: Night cramps of the calf muscles – what is the cause"
                   in e for e in entries)
        assert not any(".txt" in e for e in entries)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_every_footer_key_on_the_run_screen_does_something(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE):
        screen = app.screen
        shown = [b for (_, b, enabled, _) in screen.active_bindings.values() if b.show and enabled]
        actions = {b.action for b in shown}
        assert actions == {"session('pause')", "session('skip')", "session('skip_exercise')",
                           "session('back')", "toggle_sound", "request_stop"}


async def test_a_broken_routine_file_is_named_on_the_home_screen(clock, coach_home):
    folder = coach_home / "routines"
    folder.mkdir()
    (folder / "mine.yaml").write_text("name: mine\ntitle: Mine\nsteps: [ankle-circles]\n")
    (folder / "broken.yaml").write_text("name: broken\ntitle: [\n")
    app = make_app(clock)
    async with app.run_test(size=SIZE):
        options = app.screen.query_one(OptionList)
        ids = {options.get_option_at_index(i).id for i in range(options.option_count)}
        assert {"mine", "evening"} <= ids and "broken" not in ids
        assert text(app, "#problems") == ("Left out because of mistakes: broken.yaml. "
                                          "Run 'coach validate' to see what to fix.")


async def test_a_clean_library_shows_no_warning(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE):
        assert not app.screen.query("#problems")


async def test_the_start_screen_lists_its_keys_and_each_one_works(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        hints = str(app.screen.query_one("KeyHints").content)
        assert hints.split() == ["⏎", "Start", "c", "Cramp", "now!", "l", "Log", "a", "cramp", "h", "History",
                                 "r", "Reminders", "b", "Make", "my", "own", "e", "Exercises", "s", "Safety",
                                 "o", "Settings", "q", "Quit", "?", "Help"]
        for key, screen_name in (("e", "ExercisesScreen"), ("s", "SafetyScreen"), ("c", "SidePicker"),
                                 ("h", "HistoryScreen"), ("o", "SettingsScreen")):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == screen_name
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_textual_theme_switching_still_works_mid_routine(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "coach-night" and app.has_class("-theme-coach-night")
        night_background = app.screen.styles.background
        app.theme = "textual-light"
        await pilot.pause()
        assert app.has_class("-theme-textual-light") and app.screen.styles.background != night_background
        await advance(pilot, clock, 5)
        assert phase_text(app) == "HOLD 1 OF 3"


def test_the_key_line_wraps_between_keys_never_inside_one():
    from coach.tui.widgets.key_hints import hints_text

    lines = hints_text(HomeScreen.BINDINGS, 60).plain.splitlines()
    assert len(lines) > 1 and all(len(line) <= 60 for line in lines)
    words = " ".join(lines).split()
    assert words[words.index("s") + 1] == "Safety"
    for line in lines:
        assert not line.rstrip().endswith((" s", " q", " b", " e"))  # no key left without its label


@pytest.fixture
def homes_built(monkeypatch):
    built: list[HomeScreen] = []
    original = HomeScreen.__init__

    def record(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(HomeScreen, "__init__", record)
    return built


async def test_coach_run_shows_the_run_screen_first_without_building_home(clock, homes_built):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        assert [type(screen) for screen in app.screen_stack] == [RunScreen]
        assert exercise_heading(app) == "Wall calf stretch · standing"
        await advance(pilot, clock, 220)
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        assert homes_built == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(homes_built) == 1


async def test_a_first_run_builds_the_safety_page_first_and_home_after_it(clock, homes_built):
    app = make_app(clock, show_safety=True)
    async with app.run_test(size=SIZE) as pilot:
        assert [type(screen) for screen in app.screen_stack] == [SafetyScreen]
        assert homes_built == []
        await pilot.press("enter")
        await pilot.pause()
        # Then the one question about pregnancy, over the home screen built just now.
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen, PregnancyQuestion]
        assert len(homes_built) == 1


async def test_home_routine_home_routine_home(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("enter")  # the first routine in the list
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [RunScreen]  # home is not beneath
            await pilot.press("q")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, DoneScreen)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_key_line_follows_the_keys_its_screen_allows_now():
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen

    from coach.tui.widgets.key_hints import KeyHints

    class Choosy(Screen[None]):
        BINDINGS = [Binding("a", "one", "One"), Binding("b", "two", "Two"), Binding("c", "three", "Hidden", show=False)]
        allow_two = True

        def compose(self) -> ComposeResult:
            yield KeyHints()

        def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
            return self.allow_two or action != "two"

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Choosy())

    async with Host().run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, Choosy)
        assert str(screen.query_one(KeyHints).content) == " a One   b Two"
        screen.allow_two = False
        screen.refresh_bindings()
        await pilot.pause()
        assert str(screen.query_one(KeyHints).content) == " a One"


async def test_the_run_screen_lists_its_keys(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE):
        keys = str(app.screen.query_one("KeyHints").content)
        assert keys == " space Pause   → Skip   ⇧→ Next   ← Back   m Sound   q Stop"
async def test_cautions_show_while_getting_ready_and_go_once_the_stretch_starts(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        cautions = app.screen.query_one("#cautions", Static)
        assert cautions.display and text(app, "#cautions").splitlines() == [
            "Take care:", "• A strong stretch, never pain. Ease off if it hurts.",
            "• Keep your hands on the wall, and stand on a floor that does not slip."]
        assert not app.screen.query("#red-flags")  # not first aid, no leg check: not even built
        await advance(pilot, clock, 5.5)
        assert phase_text(app) == "HOLD 1 OF 3" and not cautions.display
        await advance(pilot, clock, 105)  # the hamstring stretch's get-ready
        assert "If standing is hard, do the seated hamstring stretch instead." in text(app, "#cautions")
        assert cautions.display


async def test_the_safety_page_on_screen_is_the_shared_text(clock):
    save_settings({"pregnant": True})
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert text(app, "#safety-text") == safety_page(True)
        assert "The evidence does not cover pregnancy" in text(app, "#safety-text")


async def test_when_pregnant_the_start_screen_and_cramp_now_use_the_pregnancy_versions(clock):
    save_settings({"pregnant": True})
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        ids = [option.id for option in app.screen.query_one(OptionList)._options if option.id]
        assert ids == ["evening-pregnancy", "quick-pregnancy", "cramp-now-pregnancy"]
        await pilot.press("c", "l")
        await pilot.pause()
        assert app.screen.routine.name == "cramp-now-pregnancy"


async def test_not_pregnant_or_not_asked_offers_the_usual_routines(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        ids = [option.id for option in app.screen.query_one(OptionList)._options if option.id]
        assert ids == ["evening", "quick", "cramp-now"]
        await pilot.press("c", "l")
        await pilot.pause()
        assert app.screen.routine.name == "cramp-now"


@pytest.mark.parametrize("name", ["cramp-now", "evening-pregnancy", "cramp-now-pregnancy"])
async def test_stop_and_get_help_fits_at_60_by_20_with_everything_else(clock, name):
    app = make_app(clock, start=name, side=Side.LEFT)
    async with app.run_test(size=(60, 20)) as pilot:
        await advance(pilot, clock, 2)
        assert app.screen.query_one("#red-flags", Static).display
        for selector in ("#status", "#countdown", "#instructions", "#red-flags", "#next", "#progress"):
            region = app.screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 19, selector  # above the footer
        # Nothing of the box is cut off: it is as tall as its wrapped lines.
        box = app.screen.query_one("#red-flags", Static)
        width = box.content_region.width
        wrapped = sum(len(textwrap.wrap(line, width)) for line in text(app, "#red-flags").splitlines())
        assert box.content_region.height >= wrapped >= 6


async def test_the_instructions_can_be_scrolled_with_the_keys_once_the_routine_begins(clock):
    app = make_app(clock, start="evening")
    async with app.run_test(size=(60, 20)) as pilot:
        await routine_begun(pilot)
        instructions = app.screen.query_one("#instructions")
        assert app.screen.focused is instructions
        assert instructions.max_scroll_y > 0  # at 60x20 the leg check's steps run past the box
        await pilot.press("down")
        await pilot.pause()
        assert instructions.scroll_y > 0
