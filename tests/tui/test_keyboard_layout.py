"""With a Russian keyboard layout the letter keys type Cyrillic: coach's keys still work, and a
text box still gets the Cyrillic letters typed into it."""

from __future__ import annotations

from coach.i18n import use_language
from coach.tui.keyboard_layout import latin_twin
from coach.tui.screens.cramp_form import CrampForm
from coach.tui.screens.dialog import ChoiceDialog
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.run import RunScreen

from tui_helpers import SIZE, app_with_history, make_app, routine_begun, sound_label


def test_each_russian_letter_stands_for_the_latin_letter_on_its_key():
    assert [latin_twin(letter) for letter in "йцукенгшщзфывапролдячсмить"] == list("qwertyuiopasdfghjklzxcvbnm")
    assert latin_twin("Т") == "N"  # shift+n: the next exercise on the run screen
    assert latin_twin("х") is None and latin_twin("q") is None  # not a letter there; Latin already


async def test_the_run_screen_keys_work_with_a_russian_layout(clock):
    use_language("ru")
    app = make_app(clock, start="quick")
    async with app.run_test(size=SIZE) as pilot:
        await routine_begun(pilot)
        sound = sound_label(app)
        await pilot.press("ь")  # m: the sound, round in turn
        await pilot.pause()
        assert sound_label(app) != sound
        await pilot.press("т")  # n: skip to the rest
        await pilot.pause()
        assert app.screen.session.phase.index == 1
        await pilot.press("й")  # q: stop, which asks first
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)


async def test_a_text_box_keeps_the_cyrillic_letters_typed_into_it(clock):
    use_language("ru")
    app, _store = app_with_history(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("д")  # l: log a cramp
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CrampForm)
        note = form.query_one("#note")
        note.focus()
        await pilot.press("й", "д")  # q and l, were they keys: quit and log
        await pilot.pause()
        assert app.screen is form and note.value.endswith("йд")
        assert not isinstance(app.screen, RunScreen)
