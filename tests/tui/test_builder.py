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
from coach.tui.widgets.exercise_heading import ExerciseHeading
from coach.tui.widgets.exercise_picture import ExercisePicture
from coach.tui.widgets.status_line import StatusLine

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

        builder.query_one("#routine-title").value = "Calf and circles"
        await pilot.pause()
        assert builder.query_one("#routine-name").value == "calf-and-circles"  # follows the title
        builder.query_one("#routine-description").value = "A calf stretch on the left, then ankle circles."
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
        assert app.screen.query_one("#heading", ExerciseHeading).exercise_text == "Wall calf stretch · standing"
        assert app.screen.query_one(StatusLine).side_text == "LEFT LEG"


async def test_saving_never_leaves_a_broken_file_and_says_why():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        builder.query_one("#routine-name").value = "Not A Name"
        await pilot.press("ctrl+s")
        assert str(builder.query_one("#builder-message").content).startswith("The file name needs lower-case")
        assert app.focused is builder.query_one("#routine-name")  # where the fix is typed
        builder.query_one("#routine-name").value = "mine"
        builder.query_one("#builder-steps").focus()
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


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_file_name_follows_the_title_until_the_person_types_one():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        assert builder.query_one("#routine-name").value == "quick-trial-stretches-mine"
        builder.query_one("#routine-title").value = "Short one, for tired nights"
        await pilot.pause()
        assert builder.query_one("#routine-name").value == "short-one-for-tired-nights"
        builder.query_one("#routine-name").value = "short"
        await pilot.pause()
        builder.query_one("#routine-title").value = "Short one"
        await pilot.pause()
        assert builder.query_one("#routine-name").value == "short"  # typed by the person: kept


async def test_t_flips_timing_and_back_without_losing_anything():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        builder.query_one("#dose-hold").value = "25s"
        builder.query_one("#dose-rest").value = "5s"
        builder.query_one("#dose-reps").value = "4"
        builder.apply_dose()
        await pilot.press("t")
        assert isinstance(builder.steps[0].dose, Timed)
        await pilot.press("t")
        assert builder.steps[0].dose == Holds(25, 5, 4)
        await pilot.press("shift+down", "t", "t")  # still remembered after a move
        assert builder.steps[1].dose == Holds(25, 5, 4)


async def test_an_exercise_for_both_legs_at_once_cannot_be_made_each_leg():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "evening")
        index = next(i for i, step in enumerate(builder.steps) if not step.exercise.per_side)
        builder.query_one("#builder-steps").highlighted = index
        await pilot.press("s")
        assert builder.steps[index].sides is Sides.BOTH
        assert "works both legs at once" in str(builder.query_one("#builder-message").content)


async def test_after_changing_the_exercises_the_description_is_asked_about():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        await pilot.press("d")
        await save(pilot)
        assert "The description still says" in str(app.screen.query_one("#question").content)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is builder and app.focused is builder.query_one("#routine-description")
        assert not (user_routines_dir() / "quick-trial-stretches-mine.yaml").exists()
        await save(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert (user_routines_dir() / "quick-trial-stretches-mine.yaml").exists()


async def test_replacing_a_routine_of_ones_own_asks_and_keeps_a_copy():
    folder = user_routines_dir()
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot, "quick")
        await save(pilot)
        first = (folder / "quick-trial-stretches-mine.yaml").read_text()
        assert oct((folder / "quick-trial-stretches-mine.yaml").stat().st_mode & 0o777) == "0o600"
        builder = await open_builder(pilot, "evening")
        builder.query_one("#routine-name").value = "quick-trial-stretches-mine"
        await save(pilot)
        assert "already have a routine called 'quick-trial-stretches-mine'" in str(app.screen.query_one("#question").content)
        await pilot.press("n")
        await pilot.pause()
        assert (folder / "quick-trial-stretches-mine.yaml").read_text() == first
        await save(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Evening" in (folder / "quick-trial-stretches-mine.yaml").read_text()
        copies = list((folder / ".replaced").glob("quick-trial-stretches-mine-*.yaml"))
        assert [copy.read_text() for copy in copies] == [first]
        assert load_library().problems == []  # the kept copy is not read as a routine


async def test_never_saved_as_the_exercise_file():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        builder.query_one("#routine-name").value = "exercises"
        await save(pilot)
        assert "name of your exercise file" in str(builder.query_one("#builder-message").content)
        assert not (user_routines_dir() / "exercises.yaml").exists()


async def test_escape_asks_before_throwing_changes_away():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot, "quick")
        await pilot.press("escape")  # nothing changed: straight back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        builder = await open_builder(pilot, "quick")
        await pilot.press("d", "escape")
        await pilot.pause()
        assert "changes are not saved" in str(app.screen.query_one("#question").content)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is builder and len(builder.steps) == 1
        assert str(builder.query_one("#builder-total").content).endswith("(1 step)")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_format_guide_opens_from_the_builder():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot, "quick")
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "GuideScreen"
        assert "A routine is a small YAML text file" in app.screen.query_one("Markdown").source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)


async def test_the_exercise_picker_shows_the_highlighted_exercise_s_picture():
    app = CoachApp(load_library(), clock=ManualClock(), quiet=True, show_safety=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot, "quick")
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ExercisePicker)
        options = picker.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        picture = picker.query_one("#picker-picture", ExercisePicture)
        drawn = {}
        for exercise_id in ("wall-calf-stretch", "ankle-circles"):
            options.highlighted = ids.index(exercise_id)
            await pilot.pause()
            assert picture.exercise is app.library.exercises[exercise_id] and picture.has_picture
            drawn[exercise_id] = [strip.text for strip in picture.strips()]
            assert any(line.strip() for line in drawn[exercise_id])  # something is really drawn
        assert drawn["wall-calf-stretch"] != drawn["ankle-circles"]
