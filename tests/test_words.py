"""Words that follow their number, and messages that say what is true."""

from __future__ import annotations

from coach.engine.summary import Summary, spoken_duration
from coach.words import count_of, leg_words, plural


def test_plural_words_follow_the_number():
    assert [count_of(n, "night", "nights") for n in (0, 1, 2)] == ["0 nights", "1 night", "2 nights"]
    assert plural(1, "cramp", "cramps") == "cramp"
    assert [leg_words(leg) for leg in ("left", "right", "both")] == ["left leg", "right leg", "both legs"]
    assert spoken_duration(61) == "1 minute 1 second"


def summary(done=(), partly=(), skipped=(), finished=False) -> Summary:
    return Summary("Quick", finished, 0.0, tuple(done), tuple(partly), tuple(skipped), ())


def test_a_routine_stopped_before_anything_was_done_does_not_claim_it_counts():
    assert summary().headline == "Quick: stopped before any exercise was done."
    assert summary(done=["Wall calf stretch"]).headline == (
        "Quick: stopped early. What you did is kept in your history.")
