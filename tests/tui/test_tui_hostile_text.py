"""Text from a person's files is shown as text: brackets are never read as Rich markup, and
first aid (the c key) works whatever the person's files hold."""

from __future__ import annotations

import os

from coach.locations import user_routines_dir
from coach.tui.screens.done import DoneScreen
from coach.tui.screens.run import RunScreen

from tui_helpers import SIZE, advance, exercise_heading, make_app, text

BRACKETS = """\
exercises:
  odd-circles:
    name: "[link=https://example.com]Circles[/] [/]"
    position: sitting
    steps: ["Draw [b]slow[/b] circles [/]."]
    dose: {duration: 5s}
"""
ROUTINE = """\
name: bracketed
title: "Evening [/] stretch [bold]"
description: "[red]not red[/red]"
get_ready: 0
steps:
  - exercise: odd-circles
    note: "[/] a note"
"""


async def test_square_brackets_from_a_file_are_shown_as_typed_through_to_the_summary(clock):
    folder = user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "exercises.yaml").write_text(BRACKETS, encoding="utf-8")
    (folder / "bracketed.yaml").write_text(ROUTINE, encoding="utf-8")
    app = make_app(clock, start="bracketed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert "[link=https://example.com]Circles[/] [/]" in exercise_heading(app)
        assert "[link=https://example.com]Circles[/] [/]" in str(app.screen.query_one("#heading").render())
        await advance(pilot, clock, 10)
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        assert text(app, "#headline").startswith("Evening [/] stretch [bold]: all done.")
        assert "[link=https://example.com]Circles[/] [/]" in text(app, "#summary")


async def test_the_cramp_key_runs_coachs_own_first_aid_whatever_the_persons_files_hold(clock):
    folder = user_routines_dir()
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "broken.yaml").write_bytes(b"name: [\x1b]0;pwned\x07\n")
    # The person's own cramp-now, and their own version of an exercise coach's uses.
    (folder / "cramp-now.yaml").write_text("name: cramp-now\ntitle: Mine\nsteps: [ankle-circles]\n")
    (folder / "exercises.yaml").write_text(
        "exercises:\n  wall-calf-stretch:\n    name: Something else\n    position: lying\n"
        "    steps: [Lie still.]\n    dose: {duration: 5s}\n", encoding="utf-8")
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.press("l")  # the leg picker
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.routine.title != "Mine"
        assert app.screen.routine == app.library.first_aid["cramp-now"]
        names = {step.exercise.name for step in app.screen.routine.steps}
        assert "Something else" not in names
