"""The countdown and the leg label grow with the window, to be read from across the room."""

from __future__ import annotations

import pytest

from coach.tui.widgets.block_font import GLYPHS, draw, rows_at, width_at
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.cue_mode import CueModeLabel
from coach.tui.widgets.side_label import SideLabel

from tui_helpers import advance, make_app


def drawn_rows(widget) -> list[str]:
    lines = [widget.render_line(y).text for y in range(widget.size.height)]
    return [line for line in lines if line.strip()]


@pytest.mark.parametrize(("size", "least", "most"), [((60, 20), 3, 3), ((100, 30), 5, 5), ((200, 50), 9, 10)])
async def test_the_countdown_grows_with_the_window(clock, size, least, most):
    app = make_app(clock, start="quick")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        countdown = app.screen.query_one(Countdown)
        rows = drawn_rows(countdown)
        assert least <= len(rows) <= most, rows
        assert countdown.value == "5"


@pytest.mark.parametrize(("size", "rows"), [((60, 20), 1), ((100, 30), 3), ((200, 50), 5)])
async def test_the_leg_label_grows_too_and_keeps_its_words(clock, size, rows):
    app = make_app(clock, start="quick")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        label = app.screen.query_one(SideLabel)
        assert str(label.content) == "LEFT LEG"
        assert label.size.height == rows


async def test_a_window_grown_from_60_by_20_to_200_by_50_draws_the_whole_leg_label(clock):
    """Measured in the new width, not the old one: the block letters are not cut to a few columns."""
    app = make_app(clock, start="quick")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        label = app.screen.query_one(SideLabel)
        assert label.drawn_scale() > 0
        assert label.size.width >= width_at("LEFT LEG", label.drawn_scale())
        assert drawn_rows(label)[0].strip() == draw("LEFT LEG", label.drawn_scale())[0].strip()


async def test_countdown_size_small_keeps_three_rows_in_a_big_window(clock, coach_home):
    (coach_home / "settings.toml").write_text('countdown_size = "small"\n')
    app = make_app(clock, start="quick")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert len(drawn_rows(app.screen.query_one(Countdown))) == 3


def test_every_glyph_is_five_pixels_tall_and_draws_at_its_size():
    for char, glyph in GLYPHS.items():
        assert len(glyph) == 5 and len({len(row) for row in glyph}) == 1, char
    rows = draw("9:50", 3)
    assert len(rows) == rows_at(3) == 8
    assert {len(row) for row in rows} == {width_at("9:50", 3)}
    # 8 and 0 differ (a 3×3 grid of box characters cannot tell them apart when scaled)
    assert draw("8", 2) != draw("0", 2)


async def test_at_60_by_20_a_long_sound_label_gives_way_to_the_phase(clock):
    """'sound: bell (no sound player) (m)' is cut before 'HOLD 1 OF 3' is."""
    app = make_app(clock, start="quick")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.screen.query_one(CueModeLabel).show("bell (no sound player)")
        await advance(pilot, clock, 5 + 1)
        status = [strip.text for strip in app.screen._compositor.render_strips()][3]
        assert "LEFT LEG" in status and "HOLD 1 OF 3" in status and "sound: bell" in status
