"""The diary, stats, plan and doctor's report in the person's language: words, plural forms, dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from babel.messages.pofile import read_po
from conftest import local

from coach.history.cramp_entry import CrampValueError, check_leg, parse_severity, parse_yes_no
from coach.history.heatmap import first_monday, grid_text, nights_grid
from coach.history.plan import TRIAL_REFERENCE, Comparison, Condition, compare, result_lines, tonight_text
from coach.history.report import DoctorDetails, build_report, report_html, report_markdown
from coach.history.stats import Stats
from coach.history.store import CrampRecord, SessionRecord
from coach.history.transfer import TransferError, read_export
from coach.history.views import history_table, stats_text
from coach.history.weekly import Week, chart_lines, summary_lines, trend_text
from coach.history.when import WhenError, parse_when
from coach.i18n import LOCALE_DIR, _, use_language

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
# Russian takes the form for 1 also for 21, and has one for 2-4 and one for 5-20.
RUSSIAN_FORMS = [(1, "ночь", "судорога"), (2, "ночи", "судороги"), (5, "ночей", "судорог"), (21, "ночь", "судорога")]


def stats_with(count: int) -> Stats:
    with_routine = Condition(nights=count, cramps=count, severity_total=5 * count)
    without = Condition(nights=3, cramps=0, severity_total=0)
    return Stats(count, count, 5, 20, with_routine, without, answered_nights=30, span_nights=31,
                 comparison=compare([], [], {}, observational=True), unanswered_routine_nights=count)


def evening(night: date) -> datetime:
    return datetime.combine(night, datetime.min.time(), UTC) + timedelta(hours=22)


def report_with_long_cramps(count: int) -> tuple[str, str]:
    """A four-week report in which `count` cramps lasted over 10 minutes (one a night, from the start)."""
    first = date(2026, 10, 25)
    sessions = [SessionRecord(n, "evening", "Evening stretches", evening(first + timedelta(days=n)),
                              first + timedelta(days=n), None, "completed", 590, 590) for n in range(28)]
    cramps = [CrampRecord(n + 1, evening(first + timedelta(days=n)) + timedelta(hours=5), first + timedelta(days=n),
                          "left", 6, 12.5, "cold feet" if n == 0 else None, "calf", True) for n in range(count)]
    answered = {first + timedelta(days=n) for n in range(28)}
    report = build_report(sessions, cramps, answered, NOW, 4, DoctorDetails(("amlodipine",), {"numbness": True}, False))
    return report_markdown(report), report_html(report)


# --- stats and views ---------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "night", "cramp"), RUSSIAN_FORMS)
def test_stats_count_nights_and_cramps_with_russian_plural_forms(count, night, cramp):
    use_language("ru")
    text = stats_text(stats_with(count))
    assert f"Серия: {count} {night} подряд (лучшая: {count})" in text
    assert f"учтено: {count} {night} ({count} {cramp}, средняя сила 5,0/10)" in text
    assert f"Ночей с комплексом без ответа: {count}." in text
    assert "Комплекс выполнен: 5 из последних 7 ночей, 20 из последних 30" in text


@pytest.mark.parametrize(("count", "night", "cramp"), RUSSIAN_FORMS)
def test_the_weekly_summary_counts_cramps_in_russian(count, night, cramp):
    use_language("ru")
    weeks = [Week(date(2026, 11, 2), 7, 1, 5), Week(date(2026, 11, 9), 7, 0, 6),
             Week(date(2026, 11, 16), 7, count, 7)]
    lines = summary_lines(weeks)
    assert lines[2] == f"Последняя неделя (с 16 нояб.): {count} {cramp}, учтено: 7 ночей с ответом; комплекс в 7 из 7 ночей."
    assert lines[0] == "Ответ есть за 21 из 21 ночи за 3 недели."


def test_stats_in_german_use_decimal_commas_and_the_glossary():
    use_language("de")
    text = stats_text(stats_with(2))
    assert "Serie: 2 Nächte in Folge (beste 2)" in text
    assert "nach einer vollständigen Übungsfolge: 1,00 Krämpfe pro Nacht, über 2 Nächte (2 Krämpfe, mittlere Stärke " \
           "5,0/10)" in text


def test_the_comparison_says_may_and_fewer_never_prevents_in_russian():
    use_language("ru")
    comparison = compare([date(2026, 11, n) for n in range(1, 15)], [date(2026, 10, n) for n in range(1, 15)],
                         {date(2026, 10, n): [6] for n in range(1, 15)} | {date(2026, 11, 2): [4]})
    lines = result_lines(comparison)
    assert lines[0] == "С комплексом: 0,07 судороги за ночь, учтено: 14 ночей с ответом (1 судорога, средняя сила 4,0/10)."
    assert any(line.startswith("С комплексом судорог меньше: на ") for line in lines)
    assert "малодостоверны" in _(TRIAL_REFERENCE)


def test_a_comparison_with_too_few_nights_says_it_cannot_tell_yet_in_spanish():
    use_language("es")
    lines = result_lines(Comparison(Condition(2, 1, 5), Condition(0, 0, 0), None, None, None, False))
    assert lines == ["Con la rutina: 0,50 calambres por noche en 2 noches respondidas (1 calambre, intensidad media 5,0/10).",
                     "Sin ella: aún no hay noches respondidas.",
                     "Aún no se puede saber: coach necesita al menos 5 noches respondidas de cada tipo y 4 calambres "
                     "en total antes de decir nada."]


def test_the_history_table_in_russian_keeps_iso_dates_and_lines_up():
    use_language("ru")
    session = SessionRecord(1, "evening", "Evening stretches", local(2026, 11, 20, 22, 0), date(2026, 11, 20), None,
                            "partial", 590, 300)
    cramp = CrampRecord(2, local(2026, 11, 21, 3, 0), date(2026, 11, 20), "both", 7, 1.5, None, "foot", True)
    lines = history_table([session], [cramp]).splitlines()
    assert lines[0].split() == ["КОГДА", "НОЧЬ", "С", "ЧТО", "ПОДРОБНОСТИ"]
    assert "2026-11-20 22:00" in lines[1] and "частично, 5:00 из 9:50" in lines[1]
    assert "#2 обе стопы, сила 7/10  1,5 мин  разбудила" in lines[2]
    assert len({line.index("Evening") if "Evening" in line else line.index("#2") for line in lines[1:]}) == 1


def test_no_history_yet_in_german():
    use_language("de")
    assert history_table([], []).startswith("Noch kein Tagebuch.")


# --- chart and grid ------------------------------------------------------------------------------

def test_the_chart_labels_its_axes_and_months_in_russian():
    use_language("ru")
    weeks = [Week(date(2026, 10, 5) + timedelta(weeks=n), 7, n, 5) for n in range(4)]
    lines = chart_lines(weeks)
    assert lines[0] == "судорог за ночь с ответом"
    assert lines[-3].endswith("ночей с комплексом (из 7)")
    assert lines[-2].endswith("неделя с")
    assert lines[-1].split() == ["окт.", "нояб."]
    assert trend_text(weeks) == ("Тенденция: 0,07 судороги за ночь с ответом в первые 2 нед., 0,36 — в последние 2 нед. "
                                 "(больше).")


@pytest.mark.parametrize(("language", "monday", "wednesday"), [("de", "Mo ", "Mi "), ("es", "lun", "mié"),
                                                               ("ru", "пн ", "ср "), ("en", "Mon", "Wed")])
def test_the_grid_names_its_rows_in_the_language_and_keeps_them_aligned(language, monday, wednesday):
    use_language(language)
    last = date(2026, 11, 22)
    sessions = [SessionRecord(1, "evening", "E", evening(last), last, None, "completed", 590, 590)]
    rows = grid_text(nights_grid(sessions, [], last, weeks=2), first_monday(last, 2))
    assert rows[2].startswith(monday) and rows[4].startswith(wednesday)
    assert len({len(row) for row in rows[2:]}) == 1


# --- the plan ------------------------------------------------------------------------------------

def test_tonight_in_the_plan_in_russian_with_a_russian_date():
    use_language("ru")
    first = date(2026, 11, 3)
    assert tonight_text("BRRRRRR", first, date(2026, 11, 12)) == \
        "Неделя 2 из 7, ночь 3 из 7: ночь с комплексом. Сделайте сегодня растяжку перед сном."
    assert tonight_text("BRRRRRR", first, date(2026, 11, 1)) == "Ваш план начнётся в ночь с вт, 3 нояб."


# --- the doctor's report ------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "cramp"), [(1, "судорога"), (2, "судороги"), (5, "судорог"), (21, "судорога")])
def test_the_report_is_russian_with_the_right_plural_forms(count, cramp):
    use_language("ru")
    markdown, page = report_with_long_cramps(count)
    assert markdown.startswith("# Ночные судороги в ногах: сводка за 4 нед.\n")
    # CLDR puts a narrow no-break space before "г." (год, the year)
    assert "Ночи с 25 окт. 2026\u202fг. по 21 нояб. 2026\u202fг.: ответ есть за 28 из 28 ночей" in markdown
    assert f"- ⚠ {count} {cramp} дольше 10 минут: 26 окт. 03:00 12,5 мин (левая икра, сила 6)" in markdown
    assert "- Комплекс выполнен в 28 из 28 ночей с начала работы с coach (100%)." in markdown
    assert "## По неделям" in markdown and "| неделя с | с ответом | судороги | за ночь с ответом | комплекс |" in markdown
    assert "| 25 окт. | 7/7 |" in markdown
    assert "- Симптомы, о которых человек решил ответить: Онемение: да; Беременность: нет." in markdown
    assert "- 26 окт.: cold feet" in markdown  # the person's own note stays as they wrote it
    assert '<html lang="ru">' in page and "Ночные судороги в ногах" in page
    assert "неделя с (? = нет ночей с ответом)" in page


def test_the_report_in_german_and_english_names_its_language():
    use_language("de")
    markdown, page = report_with_long_cramps(2)
    assert markdown.startswith("# Nächtliche Wadenkrämpfe: Übersicht über 4 Wochen\n")
    assert "Nächte vom 25. Okt. 2026 bis 21. Nov. 2026: 28 von 28 Nächten beantwortet" in markdown
    assert '<html lang="de">' in page
    use_language("en")
    markdown, page = report_with_long_cramps(2)
    assert markdown.startswith("# Night leg cramps: 4-week summary\n") and '<html lang="en">' in page


# --- what people type: the same in every language, plus their own words ------------------------

def test_times_and_dates_as_typed_work_in_every_language():
    now = local(2026, 11, 22, 9, 0)
    for language in ("en", "de", "es", "ru"):
        use_language(language)
        assert parse_when("2026-11-21T03:00", now) == local(2026, 11, 21, 3, 0)
        assert parse_when("03:00", now) == local(2026, 11, 22, 3, 0)
        assert parse_when("yesterday 23:30", now) == local(2026, 11, 21, 23, 30)


def test_the_persons_own_words_for_yesterday_and_now_are_read():
    now = local(2026, 11, 22, 9, 0)
    use_language("ru")
    assert parse_when("вчера 23:30", now) == local(2026, 11, 21, 23, 30)
    assert parse_when("Сейчас", now) == now
    use_language("es")
    assert parse_when("ayer 23:30", now) == local(2026, 11, 21, 23, 30)
    use_language("de")
    assert parse_when("gestern 23:30", now) == local(2026, 11, 21, 23, 30)
    use_language("en")
    with pytest.raises(WhenError):
        parse_when("gestern 23:30", now)


def test_a_time_not_understood_is_explained_in_russian_with_russian_examples():
    use_language("ru")
    with pytest.raises(WhenError) as error:
        parse_when("завтра", local(2026, 11, 22, 9, 0))
    assert str(error.value) == ("coach не понимает время 'завтра' — попробуйте так: сейчас, 03:00, 'ночью 03:00', "
                                "'вчера 23:30' или 2026-11-21T03:00")


def test_cramp_entry_problems_in_spanish_keep_the_values_to_type():
    use_language("es")
    with pytest.raises(CrampValueError) as error:
        check_leg("arm")
    assert str(error.value) == "'arm' no es una pierna — elija left, right o both"
    with pytest.raises(CrampValueError) as error:
        parse_severity("mucho")
    assert str(error.value) == "'mucho' no es un número — indique lo fuerte que fue, de 1 a 10"


def test_an_import_problem_in_german():
    use_language("de")
    with pytest.raises(TransferError) as error:
        read_export({"format": "coach-history", "version": 1, "plans": [{"kind": "diet"}]})
    assert str(error.value) == "Plan 1: Art 'diet' ist weder programme noch test"


# --- honest words in every language ---------------------------------------------------------------

PREVENTS = re.compile(r"verhinder|vorbeug|previen|предотвра|предупрежда|избавля", re.IGNORECASE)


@pytest.mark.parametrize("language", ["de", "es", "ru"])
def test_the_diary_and_report_never_promise_that_stretching_prevents_cramps(language):
    """coach says stretching may help: no translation of a diary, stats or report text says it prevents."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / "coach.po").open("rb") as po:
        catalogue = read_po(po, locale=language)
    ours = [message for message in catalogue if message.id and any(
        where.startswith(("coach/history/", "coach/reminders/")) for where, _line in message.locations)]
    assert len(ours) > 150
    promising = [message.id for message in ours for text in
                 (message.string if isinstance(message.string, tuple) else (message.string,)) if PREVENTS.search(text)]
    assert promising == []


@pytest.mark.parametrize(("language", "yes", "no"), [("ru", ["да", "Д", "y"], ["нет", "н", "no"]),
                                                     ("es", ["sí", "si", "s", "yes"], ["no", "n"]),
                                                     ("de", ["ja", "J", "y"], ["nein", "n"])])
def test_woken_yes_or_no_in_the_persons_own_words(language, yes, no):
    use_language(language)
    assert [parse_yes_no(answer) for answer in yes] == [True] * len(yes)
    assert [parse_yes_no(answer) for answer in no] == [False] * len(no)
    assert parse_yes_no(" ") is None


def test_another_languages_yes_is_not_taken_in_english():
    with pytest.raises(CrampValueError) as error:
        parse_yes_no("да")
    assert str(error.value) == "'да' is not yes or no — answer y or n, or leave it empty"
