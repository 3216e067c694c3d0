"""The screens in other languages: German's long words still fit at 60×20 without cutting a key,
a button or a red flag; Russian and Spanish words appear where the English ones were; the
language chosen in the settings is used at once."""

from __future__ import annotations

import re

import pytest
from textual.widget import Widget
from textual.widgets import Button, Select
from textual.widgets._footer import FooterKey

from coach.i18n import _, current_language, use_language
from coach.model import Side
from coach.settings import load_settings
from coach.tui.screens.builder import BuilderScreen, ConfirmDiscard, ExercisePicker
from coach.tui.screens.checkin import CheckinQuestion
from coach.tui.screens.confirm_stop import ConfirmStop
from coach.tui.screens.cramp_form import CrampForm, DiscardTyped
from coach.tui.screens.cramp_list import CrampListScreen
from coach.tui.screens.exercises import ExercisesScreen
from coach.tui.screens.guide import GuideScreen
from coach.tui.screens.help import HelpScreen
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.plan import ConfirmEndPlan, PlanScreen
from coach.tui.screens.pregnancy_question import PregnancyQuestion
from coach.tui.screens.reminders import ConfirmRemove, RemindersScreen
from coach.tui.screens.safety import SafetyScreen
from coach.tui.screens.settings import SettingsScreen
from coach.tui.screens.side_picker import SidePicker
from coach.tui.widgets import block_font
from coach.tui.widgets.guidance import GuidanceLines
from coach.tui.widgets.key_hints import KeyHints, key_pairs
from coach.tui.widgets.status_line import StatusLine

from history_seed import seed
from tui_helpers import advance, after, app_at, app_with_history, make_app

SMALL = (60, 20)
BORDERS = re.compile(r"[█▌▐▎▊▔▁│╭╮╰╯─]")


def screen_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shown_text(app, widget: Widget) -> str:
    """The words of `widget` as they are on the screen now: only the part of it in view."""
    region = app.screen.find_widget(widget).region
    rows = screen_rows(app)[region.y:region.bottom]
    return " ".join(" ".join(BORDERS.sub(" ", row[region.x:region.right]).split()) for row in rows)


def words(text: str) -> str:
    return " ".join(text.split())


async def cut_off(pilot) -> list[str]:
    """Every key description, button label and red flag line that is not wholly on the screen
    (a button below the fold of a page that scrolls is scrolled to first, as Tab would)."""
    app = pilot.app
    screen = app.screen
    missing = []
    for hints in screen.query(KeyHints):
        shown = shown_text(app, hints)
        missing += [pair.plain for pair in key_pairs(hints.bindings) if words(pair.plain) not in shown]
    for key in screen.query(FooterKey):
        if words(key.description) not in shown_text(app, key):
            missing.append(key.description)
    for button in screen.query(Button):
        screen.scroll_to_widget(button, animate=False)
        await pilot.pause()
        if button.display and words(str(button.label)) not in shown_text(app, button):
            missing.append(str(button.label))
    for flags in screen.query("#red-flags").results(GuidanceLines):
        if flags.display:
            shown = shown_text(app, flags)
            missing += [line for line in str(flags.content).splitlines() if words(line.lstrip("• ")) not in shown]
    return missing


async def opened(pilot, screen) -> None:
    pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()


async def check_fits(app, open_it) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_it(pilot)
        assert current_language() == "de"
        assert await cut_off(pilot) == [], "\n".join(screen_rows(app))


def in_german(test):
    return pytest.mark.usefixtures("german")(test)


@pytest.fixture
def german():
    use_language("de")


PUSHED = {
    "home": lambda app: None,
    "help": lambda app: HelpScreen(app.screen),
    "safety": lambda app: SafetyScreen(),
    "exercises": lambda app: ExercisesScreen(app.library),
    "history": lambda app: HistoryScreen(),
    "cramp entries": lambda app: CrampListScreen(),
    "plan": lambda app: PlanScreen(),
    "reminders": lambda app: RemindersScreen(app.history),
    "settings": lambda app: SettingsScreen(),
    "cramp form": lambda app: CrampForm(),
    "builder": lambda app: BuilderScreen(app.library.routines["evening"]),
    "exercise picker": lambda app: ExercisePicker(),
    "guide": lambda app: GuideScreen(),
    "leg question": lambda app: SidePicker(),
    "stop question": lambda app: ConfirmStop(quitting=True),
    "morning question": lambda app: CheckinQuestion(),
    "pregnancy question": lambda app: PregnancyQuestion(),
    "end plan question": lambda app: ConfirmEndPlan(),
    "remove reminder question": lambda app: ConfirmRemove(1, "21:30 daily"),
    "discard typing question": lambda app: DiscardTyped(),
    "leave builder question": lambda app: ConfirmDiscard(),
}


@pytest.mark.parametrize("name", PUSHED)
async def test_every_screen_fits_in_german_at_60_by_20(clock, german, name):
    app, store = app_with_history(clock)
    seed(store)

    async def open_it(pilot) -> None:
        screen = PUSHED[name](app)
        if screen is not None:
            await opened(pilot, screen)
        else:
            assert isinstance(app.screen, HomeScreen)

    await check_fits(app, open_it)


@pytest.mark.parametrize(("routine", "side", "seconds", "keys"), [
    ("quick", None, 5 + 10 + 3, ()),  # a hold
    ("quick", None, 5 + 10 + 3, ("space",)),  # paused
    ("cramp-now", Side.LEFT, 10 + 12, ()),  # the "Stop and get help" box
    ("quick", None, 5 + 50 + 5 + 30, ("q", "y")),  # the summary at the end
])
async def test_following_a_routine_fits_in_german_at_60_by_20(clock, german, routine, side, seconds, keys):
    app = make_app(clock, start=routine, side=side)

    async def open_it(pilot) -> None:
        await advance(pilot, clock, seconds)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if routine == "cramp-now":  # the box really is there to check
            assert pilot.app.screen.query_one("#red-flags").display

    await check_fits(app, open_it)


# --- the words themselves -----------------------------------------------------------------------

async def test_home_in_russian(clock):
    use_language("ru")
    app, _store = app_with_history(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = "\n".join(screen_rows(app))
        assert "Выберите комплекс и нажмите Enter" in shown
        assert "c Судорога!" in shown and "? Справка" in shown and "q Выход" in shown


async def test_run_screen_in_spanish(clock):
    use_language("es")
    app = make_app(clock, start="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await advance(pilot, clock, 5 + 10 + 3)
        shown = "\n".join(screen_rows(app))
        assert "ejercicio 1 de 2" in shown
        assert "espacio Pausa" in shown and "→ Saltar" in shown and "q Parar" in shown
        assert re.search(r"quedan unos \d+ min", shown)


async def test_help_in_german_names_the_keys_in_german(clock):
    use_language("de")
    app = make_app(clock, start="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = "\n".join(screen_rows(app))
        assert "Hilfe: eine Übungsfolge machen" in shown
        assert "Leertaste" in shown and "den Rest dieser Übung überspringen" in shown
        assert "Shift+→ oder N" in shown


async def test_a_dialog_shows_its_answers_in_russian(clock):
    use_language("ru")
    app = make_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SidePicker)
        assert [str(button.label) for button in app.screen.query(Button)] == ["Левая (l)", "Правая (r)", "Обе (b)"]
        assert "Какую ногу свело?" in "\n".join(screen_rows(app))


async def test_a_footer_speaks_german(clock):
    use_language("de")
    app, _store = app_with_history(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert {key.description for key in app.screen.query(FooterKey)} >= {"Krämpfe", "Mein Plan", "Zurück"}


# --- choosing the language in the settings ------------------------------------------------------

async def test_choosing_a_language_in_the_settings_speaks_it_at_once_and_keeps_it(clock, coach_home):
    app = make_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        choice = app.screen.query_one("#setting-language", Select)
        # Each language by its own name, and the system's as the first choice.
        assert [str(prompt) for prompt, _value in choice._options][:5] == \
            ["as the system", "English", "Deutsch", "Español", "Русский"]
        choice.value = "ru"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert current_language() == "ru"
        shown = "\n".join(screen_rows(app))
        assert str(app.screen.query_one("#settings-title").content) == "Настройки"
        assert "Русский" in shown and "язык" in shown and "^s Сохранить" in shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = "\n".join(screen_rows(app))
        assert "Выберите комплекс и нажмите Enter" in shown and "c Судорога!" in shown
        assert "Вечерняя растяжка" in shown  # coach's own routines follow the language too
        await pilot.press("down", "enter")  # the list still has the focus after being drawn again
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RunScreen"
    assert load_settings().settings.language == "ru"


async def test_as_the_system_follows_the_system_language(clock, coach_home, monkeypatch):
    (coach_home / "settings.toml").write_text('language = "de"\n')
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    use_language("de")
    app = make_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#setting-language", Select).value = "not said"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert current_language() == "es"
        assert str(app.screen.query_one("#settings-title").content) == "Ajustes"
        assert "como el sistema" in "\n".join(screen_rows(app))
    assert load_settings().settings.language is None


# --- the big leg label --------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["ЛЕВАЯ НОГА", "ПРАВАЯ НОГА", "ОБЕ НОГИ", "LINKES BEIN", "RECHTES BEIN",
                                   "BEIDE BEINE", "PIERNA IZQUIERDA", "PIERNA DERECHA", "AMBAS PIERNAS"])
def test_the_block_font_has_every_letter_of_the_leg_labels(label):
    assert block_font.can_draw(label)
    rows = block_font.draw(label, 1)
    assert len(rows) == 3 and len({len(row) for row in rows}) == 1


@pytest.mark.parametrize(("size", "label", "block"), [
    ((100, 30), "ЛЕВАЯ НОГА", True),
    ((100, 30), "PIERNA IZQUIERDA", False),  # too long beside the phase at 100 columns: plain bold text
    ((200, 50), "PIERNA IZQUIERDA", True),
    ((100, 30), "LEFT ✓ LEG", False),  # a letter the font lacks
])
async def test_the_leg_label_falls_back_to_text_when_it_does_not_fit(clock, size, label, block):
    app = make_app(clock, start="quick")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        side = app.screen.query_one(StatusLine)
        side.show_side(label)
        await pilot.pause()
        assert side.side_text == label
        assert (side.size.height > 1) is block
        assert (side.drawn_scale() > 0) is block


async def test_the_command_palette_speaks_spanish(clock):
    use_language("es")
    app, _store = app_with_history(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Calambre ahora", "Anotar calambre", "Diario", "Ajustes", "Salir", "Colores"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "Buscar órdenes…" in "\n".join(screen_rows(app))
        await pilot.press(*"diario")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


# --- pictures of screens in other languages (look at them after `make snapshot-update`) ----------

def test_snapshot_home_in_russian(snap_compare):
    use_language("ru")
    app, _clock = app_at()
    assert snap_compare(app, terminal_size=(100, 30))


def test_snapshot_run_hold_in_german(snap_compare):
    use_language("de")
    app, clock = app_at("quick")
    assert snap_compare(app, terminal_size=(100, 30), run_before=after(clock, 5 + 10 + 10 + 3.5))


def test_snapshot_cramp_now_in_german_at_60_by_20(snap_compare):
    use_language("de")
    app, clock = app_at("cramp-now", side=Side.LEFT)
    assert snap_compare(app, terminal_size=SMALL, run_before=after(clock, 10 + 12))


def test_snapshot_cramp_now_in_russian_with_the_big_leg_label(snap_compare):
    use_language("ru")
    app, clock = app_at("cramp-now", side=Side.RIGHT)
    assert snap_compare(app, terminal_size=(200, 50), run_before=after(clock, 10 + 12))


async def test_the_builder_in_spanish_writes_its_note_in_spanish(clock):
    from coach.locations import user_routines_dir

    use_language("es")
    app = make_app(clock, quiet=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, BuilderScreen(app.library.routines["quick"]))
        builder = app.screen
        assert builder.query_one("#routine-title").value.endswith("(mía)")
        builder.query_one("#dose-hold").value = "-5"
        builder.apply_dose()
        assert str(builder.query_one("#builder-message").content).endswith(": escríbalo como 45s, 1m30s o 2m.")
        builder.query_one("#routine-name").value = "rapida"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    saved = (user_routines_dir() / "rapida.yaml").read_text(encoding="utf-8")
    assert "Creada en el editor de rutinas a partir de «quick»." in saved


async def test_the_morning_question_in_russian_logs_last_nights_cramp_in_russian_words(clock):
    from datetime import timedelta

    from coach.tui.screens.cramp_form import CrampForm

    from history_seed import NOW

    use_language("ru")
    app, store = app_with_history(clock)
    store.start_session("evening", "Evening stretches", 590, NOW - timedelta(days=1))
    shown: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        original = app.notify
        app.notify = lambda message, **options: (shown.append(message), original(message, **options))[1]
        await pilot.pause()
        assert isinstance(app.screen, CheckinQuestion)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CrampForm) and form.query_one("#when").value == "ночью 03:00"
        assert [str(b.label) for b in form.query("#leg RadioButton")] == ["Левая", "Правая", "Обе"]
        form.query_one("#leg-left").value = True
        form.query_one("#severity").value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.is_answered(NOW.date() - timedelta(days=1))
    assert store.cramps()[-1].at.hour == 3
    assert any(message.startswith("Судорога записана: левая икра, 5/10") for message in shown), shown


@pytest.mark.parametrize(("language", "get_ready", "hold"), [("ru", "ПРИГОТОВЬТЕСЬ", "ДЕРЖИТЕ 1 ИЗ 3"),
                                                             ("es", "PREPÁRESE", "MANTENER 1 DE 3"),
                                                             ("de", "VORBEREITEN", "HALTEN 1/3")])
async def test_the_phase_beside_the_big_leg_label_is_never_cut_at_100_by_30(clock, language, get_ready, hold):
    """The phase is what a person glances at: the leg label steps down a size before it cuts it,
    even beside the longest sound label (a machine with no sound player)."""
    use_language(language)
    app = make_app(clock, start="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(StatusLine).show_sound(_("bell (no sound player)"))
        await pilot.pause()
        assert get_ready in "\n".join(screen_rows(app))
        await advance(pilot, clock, 5 + 1)
        assert hold in "\n".join(screen_rows(app))
