"""Reminders in the person's language: the notification, outcomes and days; typed days and times
work in every language, and what the store keeps stays the same."""

from __future__ import annotations

import pytest
from conftest import local

from coach.history.store import HistoryStore
from coach.i18n import use_language
from coach.reminders.due import run_due
from coach.reminders.notify import Delivery
from coach.reminders.outcomes import outcome_words
from coach.reminders.schedule import EVERY_DAY, ScheduleError, format_days, parse_days, parse_time
from coach.reminders.scheduler_install import uninstall
from coach.reminders.store import ReminderStore

ROUTINES = {"evening": ("Abendliche Dehnungen", 590)}


class Sender:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> Delivery:
        self.sent.append((title, body))
        return Delivery(True, "fake")


@pytest.fixture
def store(tmp_path):
    return ReminderStore(HistoryStore(tmp_path / "h.sqlite3"))


def add(store, routine="evening", at="21:30"):
    store.add(parse_time(at), EVERY_DAY, routine)
    store._db.execute("UPDATE reminders SET created_at = ?", (local(2026, 1, 1).isoformat(),))


@pytest.mark.parametrize(("language", "title", "body"), [
    ("de", "Zeit für Ihre Dehnübungen vor dem Schlafengehen",
     "Abendliche Dehnungen dauert etwa 10 Min. Starten mit: coach run evening"),
    ("es", "Es hora de sus estiramientos antes de dormir",
     "Abendliche Dehnungen dura unos 10 min. Empiece con: coach run evening"),
    ("ru", "Пора сделать растяжку перед сном", "Abendliche Dehnungen — около 10 мин. Запустите: coach run evening"),
])
def test_the_bedtime_notification_is_in_the_language(london, store, language, title, body):
    use_language(language)
    add(store)
    send = Sender()
    run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 31))
    assert send.sent == [(title, body)]


def test_a_late_notification_says_its_time_in_russian(london, store):
    use_language("ru")
    add(store)
    send = Sender()
    run_due(store, ROUTINES, send, local(2026, 11, 22, 22, 0))
    assert send.sent[0][1].endswith("(это напоминание было на 21:30)")


def test_the_morning_question_is_in_the_language(london, store):
    use_language("ru")
    add(store, routine="morning-checkin", at="08:00")
    store.history.start_session("evening", "E", 590, local(2026, 11, 20, 22, 0))  # someone using coach already
    send = Sender()
    run_due(store, ROUTINES, send, local(2026, 11, 22, 8, 5))
    assert send.sent == [("Как прошла ночь?", "Были ли ночью судороги? Ответьте: coach checkin --none или запишите "
                                              "каждую: coach cramp (или откройте coach).")]


def test_outcomes_in_russian_and_english():
    use_language("ru")
    assert [outcome_words(o) for o in ("notified", "quiet", "missed", "failed")] == \
        ["отправлено", "не отправлено: сегодня уже сделано", "пропущено", "не удалось"]
    use_language("en")
    assert outcome_words("quiet") == "quiet: done tonight"


@pytest.mark.parametrize(("language", "weekdays", "every_day"), [
    ("en", "mon,tue,wed,thu,fri", "every day"), ("de", "Mo,Di,Mi,Do,Fr", "jeden Tag"),
    ("es", "lun,mar,mié,jue,vie", "todos los días"), ("ru", "пн,вт,ср,чт,пт", "каждый день")])
def test_days_are_shown_in_the_language_and_stored_the_same(store, language, weekdays, every_day):
    use_language(language)
    store.add(parse_time("21:30"), frozenset(range(5)), "evening")
    store.add(parse_time("22:00"), EVERY_DAY, "evening")
    first, second = store.all()
    assert (first.days_text, second.days_text) == (weekdays, every_day)
    assert format_days(first.days) == "mon,tue,wed,thu,fri"  # what the store keeps, in every language
    use_language("en")
    assert [r.days_text for r in store.all()] == ["mon,tue,wed,thu,fri", "every day"]


@pytest.mark.parametrize(("language", "typed"), [("de", "Mo-Fr"), ("es", "lun-vie"), ("ru", "пн-пт")])
def test_days_typed_as_the_list_shows_them_and_in_english_both_work(language, typed):
    use_language(language)
    assert parse_days(typed) == parse_days("mon-fri") == frozenset(range(5))
    assert parse_time("22:30").strftime("%H:%M") == "22:30"


def test_a_time_not_understood_is_explained_in_russian():
    use_language("ru")
    with pytest.raises(ScheduleError) as error:
        parse_time("9")
    assert str(error.value) == "в '9' нужны минуты или am/pm — пишите, например, 21:00 или 9pm"


def test_nothing_to_uninstall_in_spanish():
    use_language("es")
    assert uninstall() == "Nada que quitar: los recordatorios no estaban instalados."


@pytest.mark.parametrize(("language", "daily", "weekdays", "weekends"),
                         [("de", "täglich", "Werktags", "am Wochenende"), ("es", "a diario", "laborables", "Fines de semana"),
                          ("ru", "ежедневно", "будни", "Выходные")])
def test_every_day_weekdays_and_weekends_in_the_persons_words(language, daily, weekdays, weekends):
    use_language(language)
    assert parse_days(daily) == parse_days("daily") == EVERY_DAY
    assert parse_days(weekdays) == frozenset(range(5))
    assert parse_days(weekends) == parse_days("sat,sun") == frozenset({5, 6})
    assert parse_days(f"{weekdays},{weekends}") == EVERY_DAY
