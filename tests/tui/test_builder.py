"""The routine builder, driven through Pilot: add, reorder, sides, dose, save, reload, run."""

from __future__ import annotations

from textual.widgets import OptionList

from coach.clock import ManualClock
from coach.locations import user_routines_dir
from coach.model import Holds, Sides, Timed
from coach.routines.library import load_library
from coach.tui.app import CoachApp
from coach.tui.screens.builder import BuilderScreen, ExercisePicker
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.run import RunScreen

SIZE = (100, 30)


def steps_shown(app) -> list[str]:
    options = app.screen.query_one("#builder-steps", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_builder(pilot, routine: str) -> BuilderScreen:
    home = pilot.app.screen
    ids = [home.query_one(OptionList).get_option_at_index(i).id for i in range(3)]
    home.query_one(OptionList).highlighted = ids.index(routine)
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BuilderScreen)
    return pilot.app.screen


async def test_build_save_reload_and_run_a_routine():
    clock = ManualClock()
    app = CoachApp(load_library(), clock=clock, quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        assert steps_shown(app) == [
            " 1. Wall calf stretch · hold 10s, rest 10s ×3 · each leg",
            " 2. Standing hamstring stretch · hold 10s, rest 10s ×3 · each leg",
        ]
        assert str(builder.query_one("#builder-total").content) == "Total time: 3:40 (2 steps)"

        await pilot.press("a")  # add an exercise after the first step
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ExercisePicker)
        options = picker.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("ankle-circles")
        await pilot.pause()
        assert str(picker.query_one("#picker-detail").content).startswith("Ankle circles (sitting, both legs)")
        await pilot.press("enter")
        await pilot.pause()
        assert steps_shown(app)[1] == " 2. Ankle circles · 30s · both legs"

        await pilot.press("shift+down")  # reorder: ankle circles to the end
        assert steps_shown(app)[2] == " 3. Ankle circles · 30s · both legs"
        await pilot.press("up", "up", "s", "s")  # sides cycle: each leg, both legs, left leg
        assert steps_shown(app)[0].endswith("· left leg")

        builder.query_one("#dose-hold").value = "20s"
        builder.query_one("#dose-reps").value = "2"
        builder.apply_dose()
        assert steps_shown(app)[0] == " 1. Wall calf stretch · hold 20s, rest 10s ×2 · left leg"

        await pilot.press("down", "d")  # remove the hamstring stretch
        assert [line.split(" · ")[0] for line in steps_shown(app)] == [" 1. Wall calf stretch", " 2. Ankle circles"]

        builder.query_one("#routine-name").value = "calf-and-circles"
        builder.query_one("#routine-title").value = "Calf and circles"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        home_ids = [app.screen.query_one(OptionList).get_option_at_index(i).id
                    for i in range(app.screen.query_one(OptionList).option_count)]
        assert "calf-and-circles" in home_ids

        saved = (user_routines_dir() / "calf-and-circles.yaml").read_text()
        assert "name: calf-and-circles" in saved and "    sides: left" in saved
        reloaded = load_library()
        assert reloaded.problems == []
        routine = reloaded.routines["calf-and-circles"]
        assert [(s.exercise.id, s.dose, s.sides) for s in routine.steps] == [
            ("wall-calf-stretch", Holds(20, 10, 2), Sides.LEFT), ("ankle-circles", Timed(30), Sides.BOTH)]

        app.begin(app.library.routines["calf-and-circles"])
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert str(app.screen.query_one("#exercise").content) == "Wall calf stretch · standing"
        assert str(app.screen.query_one("#side").content) == "LEFT LEG"


async def test_saving_never_leaves_a_broken_file_and_says_why():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        builder.query_one("#routine-name").value = "Not A Name"
        await pilot.press("ctrl+s")
        assert str(builder.query_one("#builder-message").content).startswith("The name needs lower-case")
        builder.query_one("#routine-name").value = "mine"
        await pilot.press("d", "d")
        await pilot.press("ctrl+s")
        assert str(builder.query_one("#builder-message").content) == "Add at least one exercise before saving."
        assert not (user_routines_dir() / "mine.yaml").exists()


async def test_a_bad_time_in_the_dose_is_explained_not_applied():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        builder.query_one("#dose-hold").value = "-5"
        builder.apply_dose()
        assert str(builder.query_one("#builder-message").content) == (
            "That time is negative: write it like 45s, 1m30s or 2m.")
        assert steps_shown(app)[0].startswith(" 1. Wall calf stretch · hold 10s")


def test_the_builder_screen(snap_compare):
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    assert snap_compare(app, terminal_size=SIZE, press=["down", "b"])
