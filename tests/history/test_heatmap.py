from datetime import UTC, date, datetime

from coach.history.heatmap import grid_text, nights_grid, weekly_cramps
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
    assert weekly_cramps(cramps, date(2026, 11, 21), weeks=2) == [0, 2]
