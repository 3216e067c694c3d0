"""What the first frame does not need (the history, on a first run the routines) comes just after
it, and nothing is lost by the wait: a routine already going is recorded, home catches up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import OptionList

from coach.history.store import HistoryStore
from coach.routines.library import load_library
from coach.tui.app import CoachApp
from coach.tui.screens.checkin import CheckinQuestion
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.run import RunScreen
from coach.tui.screens.safety import SafetyScreen

from history_seed import NOW, seed
from tui_helpers import SIZE, advance, make_app, text


class Opener:
    """Opens the history as the CLI does, noting what was on screen at that moment."""

    def __init__(self, app_holder: list, notices: list[str] | None = None):
        self.app_holder = app_holder
        self.notices = notices or []
        self.screens_on_show: list[object] = []
        self.store = HistoryStore()

    def __call__(self):
        app = self.app_holder[0]
        self.screens_on_show.append(app.screen)
        return self.store, list(self.notices)


def app_opening_history(clock, notices: list[str] | None = None, **options):
    holder: list = []
    opener = Opener(holder, notices)
    app = make_app(clock, open_history=opener, now=lambda: NOW, **options)
    holder.append(app)
    return app, opener


async def test_a_routine_started_from_the_command_line_is_recorded_from_its_start(clock):
    app, opener = app_opening_history(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (on_show,) = opener.screens_on_show  # opened once, with the routine already on screen
        assert isinstance(on_show, RunScreen)
        assert [s.status for s in opener.store.sessions()] == ["running"]
        await advance(pilot, clock, 230)
    (session,) = opener.store.sessions()
    assert session.status == "completed" and len(opener.store.steps(session.id)) == 4


async def test_home_shows_the_streak_once_the_history_is_open(clock):
    app, opener = app_opening_history(clock)
    seed(opener.store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(opener.screens_on_show[0], HomeScreen)
        assert text(app, "#streak").startswith("Streak: ")
        evening = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "last done yesterday" in evening or "last done Sat" in evening


async def test_the_morning_question_still_comes_once_the_history_is_open(clock):
    app, opener = app_opening_history(clock)
    opener.store.start_session("evening", "Evening stretches", 590, NOW - timedelta(days=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinQuestion)


async def test_what_the_history_had_to_say_is_shown(clock):
    app, _ = app_opening_history(clock, notices=["Your history file could not be read."])
    shown = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **options: shown.append(message)  # type: ignore[method-assign]
        await pilot.pause()
    assert shown == ["Your history file could not be read."]


async def test_a_first_run_reads_the_routines_only_after_the_safety_page_is_drawn(clock):
    reads: list[object] = []
    holder: list = []

    def read_routines():
        reads.append(holder[0].screen)
        return load_library()

    app = CoachApp(read_routines, clock=clock, quiet=True, show_safety=True)  # as the CLI does on a first run
    holder.append(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (on_show,) = reads
        assert isinstance(on_show, SafetyScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        assert len(reads) == 1


async def test_what_waits_for_the_first_frame_is_called_once_the_screen_is_drawn(clock):
    calls: list[object] = []
    app = make_app(clock, start="quick", after_first_frame=lambda: calls.append(app.screen))
    assert calls == []  # not while the app is being built
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (on_show,) = calls
        assert isinstance(on_show, RunScreen)
        await advance(pilot, clock, 5)
        assert len(calls) == 1  # once, not at every frame


@pytest.mark.parametrize("start", ["quick", None])
async def test_a_screen_shown_for_the_first_time_is_styled_once_not_twice(clock, start):
    """Each widget is styled as it mounts. Textual styled them all again when the screen was first
    shown (about 20 ms before the run screen's first frame), and once more when the screen's
    breakpoint class (-wide) came with its first resize."""
    from collections import Counter

    app = make_app(clock, start=start)
    styled: Counter[int] = Counter()
    apply = app.stylesheet.apply

    def counting(node, *args, **kwargs):
        styled[id(node)] += 1
        return apply(node, *args, **kwargs)

    app.stylesheet.apply = counting  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        # The focused widget (and what is in it) is styled again for :focus, as Textual does.
        unfocused = [w for w in screen.walk_children(with_self=True)
                     if w is not screen.focused and screen.focused not in w.ancestors]
        assert {f"{type(w).__name__}#{w.id}": styled[id(w)] for w in unfocused if styled[id(w)] != 1} == {}
        assert screen.has_class("-wide") if isinstance(screen, RunScreen) else True


def test_the_breakpoint_class_is_the_one_textual_would_give():
    from coach.tui.coach_screen import breakpoint_class

    breakpoints = [(0, "-narrow"), (80, "-wide")]
    assert [breakpoint_class(width, breakpoints) for width in (0, 79, 80, 200)] == ["-narrow", "-narrow", "-wide", "-wide"]
    assert breakpoint_class(10, [(26, "-tall")]) is None


def test_only_the_night_themes_colours_are_worked_out(clock, monkeypatch):
    """Textual works out its default theme's colours as the app is made; coach never shows that
    theme, so only its own are worked out, once."""
    from textual.theme import Theme

    from coach.tui.theme import NIGHT

    worked_out: list[str] = []
    to_color_system = Theme.to_color_system

    def noting(theme, *args, **kwargs):
        worked_out.append(theme.name)
        return to_color_system(theme, *args, **kwargs)

    monkeypatch.setattr(Theme, "to_color_system", noting)
    app = make_app(clock)
    assert worked_out == [NIGHT.name]
    assert app.stylesheet._variables["primary"] == app.theme_variables["primary"]
    assert app.theme == NIGHT.name
