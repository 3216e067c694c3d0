import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.durations import DurationError, format_clock, format_duration, parse_duration


@pytest.mark.parametrize("text, seconds", [
    ("45", 45), (45, 45), ("45s", 45), ("1m30s", 90), ("2m", 120), ("1m", 60),
    ("1:30", 90), ("1h", 3600), (" 10 s ", 10), ("1M5S", 65),
])
def test_accepts_the_forms_people_type(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text, reason", [
    ("0", "zero"), ("0s", "zero"), ("-5", "negative"), ("-1m", "negative"), ("", "not a length"),
    ("ten", "not a length"), ("1.5", "not a length"), ("1:75", "not a length"), ("30x", "not a length"),
])
def test_rejects_everything_else_with_a_reason(text, reason):
    with pytest.raises(DurationError, match=reason):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=10_000))
def test_formatted_durations_read_back_the_same(seconds):
    assert parse_duration(format_duration(seconds)) == seconds


def test_clock_format():
    assert format_clock(0) == "0:00"
    assert format_clock(590) == "9:50"
    assert format_clock(59.6) == "1:00"
