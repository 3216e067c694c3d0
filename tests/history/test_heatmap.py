from datetime import UTC, date, datetime

from coach.history.heatmap import grid_text, nights_grid
from coach.history.store import CrampRecord, NightRecord


def test_the_grid_marks_done_partial_none_and_cramp_nights_and_leaves_the_rest_blank():
    sessions = [NightRecord(date(2026, 11, 16), "completed"), NightRecord(date(2026, 11, 17), "partial"),
                NightRecord(date(2026, 11, 19), "completed")]
    cramps = [CrampRecord(1, datetime(2026, 11, 20, 3, tzinfo=UTC), date(2026, 11, 19), "left", 5, 1, None),
              CrampRecord(2, datetime(2026, 11, 21, 3, tzinfo=UTC), date(2026, 11, 20), "left", 5, 1, None)]
    rows = grid_text(nights_grid(sessions, cramps, last=date(2026, 11, 21), weeks=2))
    assert rows == [
        "Mon    ██",  # Nov 9 is before the first record: blank, not "missed"
        "Tue    ▒▒",
        "Wed    ··",
        "Thu    █×",
        "Fri    ·×",
        "Sat    ··",
        "Sun      ",  # Nov 22 has not come yet
    ]
    answered = {date(2026, 11, 16), date(2026, 11, 19), date(2026, 11, 20)}
    labelled = grid_text(nights_grid(sessions, cramps, date(2026, 11, 21), 2, answered), date(2026, 11, 9))
    assert labelled[:2] == ["    Nov", "    09 16"]
    assert labelled[3:7] == ["Tue    ▒?", "Wed    ·?", "Thu    █×", "Fri    ·×"]  # no answer: a gap mark
    assert labelled[8] == "Sun      "
    # Sat Nov 21 in the morning: that night is over, so with no answer it gets its "?" too.
    morning = grid_text(nights_grid(sessions, cramps, date(2026, 11, 21), 2, answered,
                                    still_open=date(2026, 11, 22)))
    assert morning[5] == "Sat    ·?" and labelled[7] == "Sat    ··"


def test_weeks_count_only_answered_nights_and_an_unanswered_week_is_unknown():
    from datetime import timedelta

    from coach.history.weekly import chart_lines, month_labels, summary_lines, weeks_ending

    last = date(2026, 11, 22)  # a Sunday
    answered = {last - timedelta(days=n) for n in range(14)}  # the last two weeks only
    cramp_nights = [last, last, last - timedelta(days=8), last - timedelta(days=20)]  # the last one unanswered
    done = {last - timedelta(days=n) for n in range(0, 21, 2)}
    weeks = weeks_ending(last, 3, answered, cramp_nights, done)
    assert [(w.answered, w.cramps, w.routine_nights) for w in weeks] == [(0, 0, 4), (7, 1, 3), (7, 2, 4)]
    assert weeks[0].per_night is None and weeks[2].per_night == 2 / 7
    chart = chart_lines(weeks)
    assert chart[5].split("┤")[1].startswith(" ?")  # the unknown week: a gap, not a zero bar
    assert chart[-3].split() == ["4", "3", "4", "routine", "nights", "(of", "7)"]
    assert chart[-2].split()[:3] == ["02", "09", "16"] and chart[-1].split() == ["Nov"]
    assert "14 of 21 nights answered" in summary_lines(weeks)[0]
    # Nights before coach was first used could not have been answered: they are not counted as missed.
    assert summary_lines(weeks, last - timedelta(days=13), last)[0] == "14 of 14 nights answered in these 3 weeks."
    nothing = weeks_ending(last, 3, set(), [], set())
    assert summary_lines(nothing, last + timedelta(days=1), last)[0] == "No nights to answer yet in these 3 weeks."
    mondays = [date(2026, 8, 31) + timedelta(weeks=n) for n in range(12)]
    assert month_labels(mondays) == "Sep         Oct         Nov"  # Aug 31 holds Sep 1; no clash
