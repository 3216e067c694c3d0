"""The run screen does only the work a change needs: on a fake clock, what is redrawn and when."""

from __future__ import annotations

import asyncio

import pytest

from coach.model import Side
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.status_line import StatusLine

from tui_helpers import app_at


async def test_the_countdown_redraws_once_per_shown_second_and_wakes_when_it_changes():
    app, clock = app_at("quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        clock.advance(5.0)  # the first hold begins: 10 s
        screen.tick()
        shown = []
        countdown = screen.query_one(Countdown)
        original = countdown.update
        countdown.update = lambda value: shown.append(value) or original(value)
        for _ in range(12):  # three seconds, in quarters: the screen woken more often than it asks
            clock.advance(0.25)
            screen.tick()
            await pilot.pause()
        assert shown == ["9", "8", "7"]
        # It asks to be woken when the shown second next changes, worked out from the deadline.
        clock.advance(0.4)
        screen.tick()
        assert screen._wake is not None
        assert abs(screen._wake.when() - asyncio.get_running_loop().time() - 0.6) < 0.05


async def test_hold_to_rest_repaints_its_lines_without_a_layout_pass():
    app, clock = app_at("quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        clock.advance(5.0)  # the first hold
        screen.tick()
        await pilot.pause()
        layouts = []
        for selector in ("#heading", "#status", "#next", "#steps"):
            widget = screen.query_one(selector)
            original = widget.refresh

            def refresh(*args, original=original, selector=selector, **kwargs):
                if kwargs.get("layout"):
                    layouts.append(selector)
                return original(*args, **kwargs)

            widget.refresh = refresh
        clock.advance(10.0)  # hold -> rest, the same exercise and leg
        screen.tick()
        await pilot.pause()
        assert screen.query_one(StatusLine).phase_text == "REST"
        assert str(screen.query_one("#next").content) == "Next: hold 2 of 3 · 10s"
        assert layouts == []


@pytest.mark.parametrize(("start", "side", "has_notes", "has_box"), [
    ("quick", None, False, False), ("evening", None, True, True), ("cramp-now", Side.LEFT, True, True)])
async def test_a_routine_gets_the_note_and_the_get_help_box_only_if_it_ever_shows_them(start, side, has_notes,
                                                                                      has_box):
    app, _clock = app_at(start, side=side)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert bool(screen.query("#note")) == has_notes
        assert bool(screen.query("#red-flags")) == has_box
        for _ in range(len(screen.session.timeline.phases)):  # every phase draws without them
            await pilot.press("right")
        await pilot.pause()


async def test_at_60_columns_the_picture_gives_way_only_while_safety_words_are_shown():
    app, clock = app_at("evening")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        picture = screen.query_one("#picture")
        assert screen.query_one("#red-flags").display  # the leg check's "Stop and get help"
        assert not picture.display
        clock.advance(35.0)  # the warm-up march gets ready: its cautions
        screen.tick()
        await pilot.pause()
        assert screen.query_one("#cautions").display and not screen.query_one("#red-flags").display
        assert not picture.display
        clock.advance(5.0)  # marching: nothing to warn about
        screen.tick()
        await pilot.pause()
        assert not screen.query_one("#red-flags").display and not screen.query_one("#cautions").display
        assert picture.display
    app, clock = app_at("evening")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#red-flags").display
        assert app.screen.query_one("#picture").display  # room for both
