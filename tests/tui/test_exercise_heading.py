"""The run screen's top line: exercise on the left, its place in the routine on the right."""

from __future__ import annotations

from textual.app import App, ComposeResult

from coach.tui.widgets.exercise_heading import ExerciseHeading


class HeadingApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ExerciseHeading()


def lines(app: HeadingApp) -> list[str]:
    return str(app.query_one(ExerciseHeading).render()).split("\n")


async def test_the_exercise_is_on_the_left_and_the_count_at_the_right_edge():
    app = HeadingApp()
    async with app.run_test(size=(50, 6)) as pilot:
        app.query_one(ExerciseHeading).show("Wall calf stretch · standing", "exercise 1 of 2")
        await pilot.pause()
        (line,) = lines(app)
        assert line.startswith("Wall calf stretch · standing")
        assert line.endswith("exercise 1 of 2") and len(line) == 50
        assert app.query_one(ExerciseHeading).outer_size.height == 2  # the line and the gap above it


async def test_a_long_exercise_wraps_beside_the_count_which_stays_on_the_first_line():
    app = HeadingApp()
    async with app.run_test(size=(30, 8)) as pilot:
        app.query_one(ExerciseHeading).show("Straight-knee toe pull with a towel · sitting", "exercise 3 of 12")
        await pilot.pause()
        shown = lines(app)
        assert len(shown) > 1 and shown[0].endswith("exercise 3 of 12")
        assert all(len(line) <= 30 - len("exercise 3 of 12") for line in shown[1:])
        assert " ".join(line.split("exercise 3 of 12")[0].strip() for line in shown) == \
            "Straight-knee toe pull with a towel · sitting"
        assert app.query_one(ExerciseHeading).outer_size.height == len(shown) + 1


async def test_a_new_exercise_that_keeps_one_line_is_repainted_without_a_layout_pass():
    app = HeadingApp()
    async with app.run_test(size=(50, 6)) as pilot:
        heading = app.query_one(ExerciseHeading)
        heading.show("Wall calf stretch · standing", "exercise 1 of 2")
        await pilot.pause()
        asked: list[bool] = []
        original = heading.refresh

        def refresh(*args, **kwargs):
            asked.append(bool(kwargs.get("layout")))
            return original(*args, **kwargs)

        heading.refresh = refresh  # type: ignore[method-assign]
        heading.show("Soleus stretch · standing", "exercise 2 of 2")
        heading.show("Straight-knee toe pull with a towel · sitting", "exercise 2 of 2")  # two lines now
        heading.show("Straight-knee toe pull with a towel · sitting", "exercise 2 of 2")  # no change
        assert asked == [False, True]
