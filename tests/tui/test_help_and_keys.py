"""Help on every screen, coach's commands in the palette, and keys that never surprise."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import OptionList

from coach.engine.session import State
from coach.tui.screens import (
    builder,
    checkin,
    cramp_form,
    cramp_list,
    done,
    exercises,
    guide,
    help,
    history,
    home,
    plan,
    pregnancy_question,
    reminders,
    run,
    safety,
    settings,
)
from coach.tui.screens.confirm_stop import ConfirmStop
from coach.tui.screens.help import HelpScreen, missing_help
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.run import RunScreen
from coach.tui.screens.side_picker import SidePicker

from tui_helpers import SIZE, advance, app_with_history, make_app, routine_begun

EVERY_SCREEN = [home.HomeScreen, run.RunScreen, done.DoneScreen, builder.BuilderScreen, builder.ExercisePicker,
                cramp_form.CrampForm, reminders.RemindersScreen, history.HistoryScreen,
                exercises.ExercisesScreen, safety.SafetyScreen, help.HelpScreen, ConfirmStop, SidePicker,
                builder.ConfirmReplace, builder.ConfirmDiscard, builder.KeepDescription, reminders.ConfirmRemove,
                guide.GuideScreen, settings.SettingsScreen, plan.PlanScreen, plan.ConfirmEndPlan,
                cramp_list.CrampListScreen, checkin.CheckinQuestion, pregnancy_question.PregnancyQuestion]


@pytest.mark.parametrize("screen", EVERY_SCREEN, ids=lambda screen: screen.__name__)
def test_every_key_of_every_screen_has_its_words_in_help(screen):
    assert missing_help(screen) == []
    assert screen.HELP_TITLE


def help_shown(app) -> str:
    assert isinstance(app.screen, HelpScreen)
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#help-text").content)
    return console.export_text()


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_question_mark_or_f1_opens_help_for_the_screen_in_front(clock, key):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        shown = help_shown(app)
        assert "start the highlighted routine" in shown and "Ctrl+P" in shown
        await pilot.press("escape")
        await pilot.press("e", key)
        await pilot.pause()
        assert str(app.screen.query_one("#help-title").content) == "Help: the exercises"


async def test_help_during_a_routine_describes_its_keys(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = help_shown(app)
        assert "skip the rest of this exercise" in shown and "Shift+→ or N" in shown
        # m goes round four settings, as the key line and README say; it is not an on/off switch
        assert "on or off" not in shown
        assert all(word in shown for word in ("voice and tones", "tones only", "bell", "silent"))


async def test_f1_works_in_a_text_box_where_question_mark_is_typed(clock):
    app, _ = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#note").focus()
        await pilot.press("question_mark")
        assert form.query_one("#note").value == "?"
        await pilot.press("f1")
        await pilot.pause()
        assert "leave without saving" in help_shown(app)


def palette_titles(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_the_command_palette_offers_coachs_own_commands(clock):
    app, _ = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        titles = palette_titles(app)
        for wanted in ("Cramp now", "Start: Quick trial stretches", "Log a cramp", "History", "Reminders",
                       "Safety", "Exercises", "Settings", "Help", "Quit"):
            assert wanted in titles
        assert "Keys" not in titles and titles.count("Quit") == 1  # coach's words, not Textual's
        quit_command = next(c for c in app.get_system_commands(app.screen) if c.title == "Quit")
        assert quit_command.help == "Close coach (during a routine it asks first)"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"history")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_a_command_does_not_abandon_a_routine_in_progress(clock):
    app, _ = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        start_evening = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Start: Evening"))
        start_evening.callback()
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.routine.name == "quick"


async def test_ctrl_q_during_a_routine_asks_first(clock):
    app, store = app_with_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 20)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmStop) and "close coach" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.session.state is State.RUNNING
        await pilot.press("f1", "ctrl+q")  # under the help too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmStop)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert [session.status for session in store.sessions()] == ["partial"]


async def test_ctrl_q_on_the_start_screen_quits_at_once(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


def key_line(app) -> list[str]:
    return [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show and b.enabled]


async def test_pausing_changes_the_key_line_to_resume(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Pause" in key_line(app) and "Resume" not in key_line(app)
        await pilot.press("space")
        assert app.screen.session.state is State.PAUSED
        assert "Resume" in key_line(app) and "Pause" not in key_line(app)
        await pilot.press("space")
        assert app.screen.session.state is State.RUNNING


async def test_home_keeps_the_highlight_on_the_routine_just_used(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "l")  # cramp now, left leg: started by key, not by the highlight
        await pilot.pause()
        app.screen.session.stop()
        app.screen.tick()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        routines = app.screen.query_one(OptionList)
        assert routines.get_option_at_index(routines.highlighted).id == "cramp-now"


async def test_one_click_chooses_and_a_double_click_starts(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        routines = app.screen.query_one(OptionList)
        quick_line = routines.content_region.y + 3  # evening takes 2 lines, then a blank line
        await pilot.click(offset=(10, quick_line))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert routines.get_option_at_index(routines.highlighted).id == "quick"
        await pilot.double_click(offset=(10, quick_line))
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and app.screen.routine.name == "quick"


async def test_the_chosen_routine_is_marked_by_a_shape_not_only_a_colour(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        routines = app.screen.query_one(OptionList)
        prompts = [str(routines.get_option_at_index(i).prompt) for i in range(routines.option_count)]
        assert prompts[0].startswith("▶ Evening") and prompts[1].startswith("  Quick")
        await pilot.press("down")
        prompts = [str(routines.get_option_at_index(i).prompt) for i in range(routines.option_count)]
        assert prompts[0].startswith("  Evening") and prompts[1].startswith("▶ Quick")


async def test_the_chosen_leg_is_shown_by_a_shape_not_only_a_colour(clock):
    app, _ = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#leg-right").value = True
        await pilot.pause()
        drawn = {leg: str(form.query_one(f"#leg-{leg}").render()) for leg in ("left", "right", "both")}
        assert "●" in drawn["right"] and "○" in drawn["left"] and "○" in drawn["both"]


async def test_the_streak_line_says_what_is_true_with_no_streak(clock):
    app, _ = app_with_history(clock)
    async with app.run_test(size=SIZE):
        assert str(app.screen.query_one("#streak").content) == "A routine tonight starts your first streak."


async def test_the_palette_offers_the_pregnancy_versions_to_someone_pregnant(clock):
    app, _ = app_with_history(clock)
    async with app.run_test(size=SIZE):
        app.pregnant = True
        titles = palette_titles(app)
        assert any(title.startswith("Start: Evening") and "pregnancy" in title for title in titles)
        assert "Start: Evening stretches" not in titles


async def test_first_aid_asked_about_but_cancelled_does_not_steal_the_highlight(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "escape")  # which leg? no: nothing was started
        await pilot.pause()
        await pilot.press("down")  # the person chooses quick
        await pilot.press("e", "escape")  # and looks at the exercises first
        await pilot.pause()
        routines = app.screen.query_one(OptionList)
        assert routines.get_option_at_index(routines.highlighted).id == "quick"


async def test_the_routine_just_used_is_highlighted_once_not_forever(clock):
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "l")
        await pilot.pause()
        app.screen.session.stop()
        app.screen.tick()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("up")  # cramp now is last; the person moves up to quick
        await pilot.press("e", "escape")
        await pilot.pause()
        routines = app.screen.query_one(OptionList)
        assert routines.get_option_at_index(routines.highlighted).id == "quick"


async def test_a_routine_started_from_the_command_line_is_highlighted_afterwards(clock):
    app = make_app(clock, start="quick")  # coach run quick
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        app.screen.session.stop()
        app.screen.tick()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        routines = app.screen.query_one(OptionList)
        assert routines.get_option_at_index(routines.highlighted).id == "quick"


async def test_keys_typed_just_after_quitting_open_nothing(clock):
    """A fast "qe": the e arrives while coach is closing and must not open a screen on the way out
    (it did, and its on_mount found no widgets: Textual's traceback was the last thing shown)."""
    app = make_app(clock)
    async with app.run_test(size=SIZE):
        front = app.screen
        assert isinstance(front, HomeScreen)
        app.exit()
        assert await app.run_action("exercises", front) is False  # what e runs on the start screen
        assert app.screen is front
