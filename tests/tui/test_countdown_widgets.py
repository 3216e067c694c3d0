"""The run screen's own widgets: the countdown and the progress line redraw only what changed."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Digits

from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.progress_line import ProgressLine


class SideBySide(App[None]):
    """Our countdown above Textual's own Digits, centred the way the run screen centres it."""

    CSS = """
    Digits { text-align: center; width: 1fr; }
    .-paused { color: red; }
    .-bold { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Countdown(id="ours")
        yield Digits(id="stock")


def lines(widget: Digits) -> list[str]:
    return [widget.render_line(y).text for y in range(3)]


def record_refreshes(widget, what) -> list:
    """Keep refreshing the widget as before, noting `what(kwargs)` for each refresh."""
    noted, original_refresh = [], widget.refresh

    def refresh(*args, **kwargs):
        noted.append(what(kwargs))
        return original_refresh(*args, **kwargs)

    widget.refresh = refresh
    return noted


@pytest.mark.parametrize("value", ["5", "10", "9:54", "10:00", "0"])
@pytest.mark.parametrize("bold", [False, True])
async def test_the_countdown_draws_what_textuals_digits_draws(value, bold):
    app = SideBySide()
    async with app.run_test(size=(40, 8)) as pilot:
        ours, stock = app.query_one("#ours", Countdown), app.query_one("#stock", Digits)
        for widget in (ours, stock):
            widget.set_class(bold, "-bold")
            widget.update(value)
        await pilot.pause()
        assert ours.value == value
        assert lines(ours) == lines(stock)
        assert lines(ours)[0].strip()  # not blank: the glyphs are there


async def test_a_narrower_number_is_recentred_without_a_layout_pass():
    app = SideBySide()
    async with app.run_test(size=(40, 8)) as pilot:
        ours, stock = app.query_one("#ours", Countdown), app.query_one("#stock", Digits)
        ours.update("10")
        await pilot.pause()
        layouts = record_refreshes(ours, lambda kwargs: kwargs.get("layout", False))
        ours.update("9")
        stock.update("9")
        await pilot.pause()
        assert layouts == [False]
        assert lines(ours) == lines(stock)


async def test_the_countdown_takes_a_new_style_and_a_new_width():
    app = SideBySide()
    async with app.run_test(size=(40, 8)) as pilot:
        ours = app.query_one("#ours", Countdown)
        ours.update("25")
        await pilot.pause()
        before = ours.render_line(0)
        ours.add_class("-paused")
        await pilot.pause()
        after = ours.render_line(0)
        assert before.text == after.text
        assert {s.style.color for s in before if s.text.strip()} != {s.style.color for s in after if s.text.strip()}
        await pilot.resize_terminal(60, 8)
        await pilot.pause()
        assert ours.render_line(0).cell_length == 60
        assert ours.render_line(0).text.index("╶") == (60 - 6) // 2


async def test_the_countdown_takes_text_only():
    app = SideBySide()
    async with app.run_test(size=(40, 8)):
        with pytest.raises(TypeError):
            app.query_one(Countdown).update(5)


class WithProgress(App[None]):
    def compose(self) -> ComposeResult:
        yield ProgressLine(600)


async def test_the_progress_line_repaints_only_when_a_cell_or_the_minute_changes():
    app = WithProgress()
    async with app.run_test(size=(100, 4)) as pilot:
        progress = app.query_one(ProgressLine)
        progress.show(600)
        await pilot.pause()
        repaints = record_refreshes(progress, lambda kwargs: progress.seconds_left)
        looks_changed, last_look = [], progress.render()
        for seconds_left in range(600, 570, -1):
            progress.show(seconds_left)
            if progress.render() != last_look:
                looks_changed.append(seconds_left)
                last_look = progress.render()
        # 81 cells of bar (100 less the time-left words) for 600 s: a new cell every 7.4 s
        assert repaints == looks_changed == [592, 585, 577]
        assert str(progress.render()).endswith("about 10 min left")
        progress.show(539)
        assert repaints[-1] == 539 and str(progress.render()).endswith("about 9 min left")


def test_minutes_left_are_rounded_as_a_person_would():
    from coach.tui.widgets.progress_line import time_left_words

    assert time_left_words(5 * 60 + 10) == "about 5 min left"  # cramp-now's 5:10 is not "about 6"
    assert time_left_words(5 * 60 + 40) == "about 6 min left"
    assert time_left_words(61) == "about 1 min left"
    assert time_left_words(59) == "under a minute left"


async def test_the_part_still_to_come_has_its_own_shape_not_only_a_colour():
    app = WithProgress()
    async with app.run_test(size=(100, 4)) as pilot:
        progress = app.query_one(ProgressLine)
        progress.show(450)  # a quarter done
        await pilot.pause()
        drawn = str(progress.render())
        assert drawn.startswith("━") and "━─" in drawn and drawn.count("─") > drawn.count("━")


class BigCountdown(App[None]):
    CSS = "Countdown { height: 5; }"

    def compose(self) -> ComposeResult:
        yield Countdown()


@pytest.mark.parametrize("width", [99, 100])
async def test_the_block_digits_repaint_exactly_the_columns_the_numbers_cover(width):
    app = BigCountdown()
    async with app.run_test(size=(width, 6)) as pilot:
        countdown = app.query_one(Countdown)
        countdown.update("12")
        await pilot.pause()
        repainted = []
        original = countdown.refresh
        countdown.refresh = lambda *regions, **kwargs: repainted.extend(regions) or original(*regions, **kwargs)
        before = [countdown.render_line(y).text for y in range(5)]
        countdown.update("11")
        after = [countdown.render_line(y).text for y in range(5)]
        changed = {x for y in range(5) for x in range(width) if before[y][x] != after[y][x]}
        [region] = repainted
        assert changed
        # An odd width puts the odd column left of the number: the repaint must cover it too.
        assert all(region.x <= x < region.right for x in changed)
        assert region.width < width // 4  # the number, not the whole row
