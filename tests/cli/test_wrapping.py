"""Plain mode's long sentences wrap between words at a terminal's width, and only at a terminal."""

from __future__ import annotations

import io

from coach import safety
from coach.cli.wrapping import WrappedTerminal, for_terminal, wrap_text


def test_no_word_is_cut_and_no_line_is_wider_than_the_terminal():
    page = safety.safety_page(True)
    wrapped = wrap_text(page, 59)
    assert all(len(line) <= 59 for line in wrapped.splitlines())
    assert wrapped.split() == page.split()  # the same words, in the same order, none broken


def test_a_bullet_s_words_stay_clear_of_the_bullet():
    line = "• Get urgent advice today: a calf that is swollen, red, warm or tender; a cramp over 10 minutes."
    first, *rest = wrap_text(line, 40).splitlines()
    assert first.startswith("• ") and rest and all(later.startswith("  ") for later in rest)


def test_a_phase_line_keeps_its_time_clear_on_the_next_lines():
    line = "[0:10] Hold 1 of 3: Straight-knee toe pull, left leg, 30 seconds. Sitting. 1) Sit with the leg out."
    _, *rest = wrap_text(line, 40).splitlines()
    assert rest and all(later.startswith(" " * len("[0:10] ")) for later in rest)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_only_a_terminal_is_wrapped():
    pipe = io.StringIO()
    assert for_terminal(pipe) is pipe  # a screen reader or a file gets each sentence on one line
    terminal = FakeTerminal()
    stream = for_terminal(terminal)
    assert isinstance(stream, WrappedTerminal)
    stream.width = 30
    stream.write("A strong stretch, never pain. Ease off if it hurts, and stand on a floor that does not slip.\n")
    assert all(len(line) <= 29 for line in terminal.getvalue().splitlines())
    assert terminal.getvalue().endswith("slip.\n")


def test_the_wrapped_terminal_is_a_full_text_stream():
    terminal = FakeTerminal()
    stream = WrappedTerminal(terminal, width=30)
    stream.writelines(["  Take care: a strong stretch, never pain; ease off if it hurts.\n", "Rest.\n"])
    lines = terminal.getvalue().splitlines()
    assert lines[-1] == "Rest." and all(len(line) <= 29 for line in lines)
