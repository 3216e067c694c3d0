"""Pictures of the screens that show an exercise's picture, and the picture widget itself."""

from __future__ import annotations

from coach.clock import ManualClock
from coach.model import Side
from coach.routines.library import load_library
from coach.tui.app import CoachApp
from coach.tui.widgets.exercise_picture import ExercisePicture

from tui_helpers import after, app_at


def test_run_right_leg_hold_shows_the_mirrored_picture(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=(100, 30), run_before=after(clock, 5 + 50 + 5 + 3))


def test_run_at_the_smallest_size(snap_compare):
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=(60, 20), run_before=after(clock, 5 + 3))


def test_run_on_a_wide_screen(snap_compare):
    app, clock = app_at("evening")
    assert snap_compare(app, terminal_size=(200, 50), run_before=after(clock, 10 + 50 + 30 + 110 + 110 + 65 + 20))


def test_exercise_library_with_pictures(snap_compare):
    app, _ = app_at()
    assert snap_compare(app, terminal_size=(100, 30), press=["e"])


async def test_the_picture_is_still_while_a_hold_counts_down():
    app, clock = app_at("quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.advance(5.5)  # into the first hold
        app.screen.tick()
        await pilot.pause()
        picture = app.screen.query_one(ExercisePicture)
        drawn = picture.strips()
        assert len(drawn) > 10
        painted = []
        original = picture.render_line
        picture.render_line = lambda y: painted.append(y) or original(y)
        for _ in range(8):  # eight seconds of the ten-second hold
            clock.advance(1)
            app.screen.tick()
            await pilot.pause()
        assert painted == []
        assert picture.strips() is drawn  # and it is the very same drawing, from the cache
        assert picture.exercise.id == "wall-calf-stretch" and picture.side is Side.LEFT


async def test_an_exercise_without_a_picture_draws_nothing(tmp_path):
    (tmp_path / "exercises.yaml").write_text(
        "exercises:\n  plain-move:\n    name: Plain move\n    position: standing\n"
        "    steps: [Stand still.]\n    dose: {duration: 30s}\n")
    (tmp_path / "plain.yaml").write_text("name: plain\ntitle: Plain\nsteps: [plain-move]\n")
    from coach.locations import shipped_routines_dir
    from coach.routines.library import routine_files

    library = load_library([routine_files(shipped_routines_dir()), routine_files(tmp_path)])
    clock = ManualClock()
    app = CoachApp(library, clock=clock, start="plain", quiet=True, show_safety=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.advance(8)
        app.screen.tick()
        await pilot.pause()
        picture = app.screen.query_one(ExercisePicture)
        assert not picture.has_picture and picture.strips() == []
        assert "Stand still." in str(app.screen.query_one("#steps").render())
