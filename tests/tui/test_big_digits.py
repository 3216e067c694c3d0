"""The countdown and the leg label grow with the window, to be read from across the room."""

from __future__ import annotations

import pytest

from coach.tui.widgets.block_font import GLYPHS, draw, rows_at, width_at
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.status_line import StatusLine

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
        label = app.screen.query_one(StatusLine)
        assert label.side_text == "LEFT LEG"
        assert label.size.height == rows


async def test_a_window_grown_from_60_by_20_to_200_by_50_draws_the_whole_leg_label(clock):
    """Measured in the new width, not the old one: the block letters are not cut to a few columns."""
    app = make_app(clock, start="quick")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        label = app.screen.query_one(StatusLine)
        scale = label.drawn_scale()
        assert scale > 0
        rows = drawn_rows(label)
        assert len(rows) == rows_at(scale)
        for drawn, letters in zip(rows, draw("LEFT LEG", scale), strict=True):
            assert drawn.strip().startswith(letters.strip())


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
        app.screen.query_one(StatusLine).show_sound("bell (no sound player)")
        await advance(pilot, clock, 5 + 1)
        status = [strip.text for strip in app.screen._compositor.render_strips()][3]
        assert "LEFT LEG" in status and "HOLD 1 OF 3" in status and "sound: bell" in status


async def test_at_60_by_20_a_phase_too_long_for_the_line_ends_in_an_ellipsis_on_its_one_row(clock):
    """Beside the leg and the sound label, a long phase is cut with '…' rather than wrapped
    onto a row the red flags below need."""
    app = make_app(clock, start="quick")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        status.show_phase("A PHASE FAR TOO LONG FOR WHAT IS LEFT OF THE LINE", "active")
        await pilot.pause()
        assert status.size.height == 1
        row = [strip.text for strip in app.screen._compositor.render_strips()][3]
        assert "LEFT LEG    A PHASE FAR" in row and "…" in row and "sound: " in row


async def test_the_phase_and_the_sound_sit_on_the_top_row_of_the_big_leg_label(clock):
    app = make_app(clock, start="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, clock, 5 + 1)
        status = app.screen.query_one(StatusLine)
        letters = draw("LEFT LEG", status.drawn_scale())
        rows = [strip.text for strip in app.screen._compositor.render_strips()][3:3 + len(letters)]
        assert "HOLD 1 OF 3" in rows[0] and "sound: voice + tones (m)" in rows[0]
        for row, drawn in zip(rows, letters, strict=True):
            assert row.startswith(f"    {drawn}    ")
        assert all(row[4 + len(letters[0]) + 4:].strip() == "" for row in rows[1:])


async def test_a_sound_label_that_leaves_the_leg_more_or_less_room_lays_the_line_out_again(clock):
    """A longer label may mean plain text where block letters were, and back: the line's height
    follows, so no rows are left blank under the leg and none of its letters are cut off."""
    app = make_app(clock, start="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        heights = []
        for mode in ("silent", "a label long enough to leave the leg no room for block letters", "silent"):
            status.show_sound(mode)
            await pilot.pause()
            heights.append((status.size.height, len(drawn_rows(status)), status.drawn_scale()))
        assert heights == [(3, 3, 1), (1, 1, 0), (3, 3, 1)]
