"""The "Stop and get help" box in German, Spanish and Russian still fits a 60×20 terminal with
everything else on the run screen: the translated red flags are longer than the English ones."""

from __future__ import annotations

import textwrap

import pytest
from textual.widgets import Static

from coach.i18n import use_language
from coach.model import Side

from tui_helpers import advance, make_app, text


@pytest.mark.parametrize("language", ["de", "es", "ru"])
@pytest.mark.parametrize("name", ["cramp-now", "evening-pregnancy", "cramp-now-pregnancy"])
async def test_stop_and_get_help_fits_at_60_by_20_in_each_language(clock, name: str, language: str) -> None:
    use_language(language)
    app = make_app(clock, start=name, side=Side.LEFT)
    async with app.run_test(size=(60, 20)) as pilot:
        await advance(pilot, clock, 2)
        assert app.screen.query_one("#red-flags", Static).display
        for selector in ("#status", "#countdown", "#instructions", "#red-flags", "#next", "#progress"):
            region = app.screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 19, selector  # above the footer
        box = app.screen.query_one("#red-flags", Static)
        shown = text(app, "#red-flags")
        assert "112" in shown  # the emergency number, in every language
        wrapped = sum(len(textwrap.wrap(line, box.content_region.width)) for line in shown.splitlines())
        assert box.content_region.height >= wrapped >= 6
