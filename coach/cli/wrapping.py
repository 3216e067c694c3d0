"""Long lines for a terminal: wrapped between words at its width, never cut mid-word by it.

Plain mode and the first-run safety page print sentences longer than a small terminal; left to
the terminal they break inside a word ("pregnan / t"). Only a real terminal is wrapped: a screen
reader, a pipe or a file gets each sentence on one line.
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from typing import TextIO

# A list item keeps its words clear of its bullet or number on every line it takes.
_LEAD = re.compile(r"^(\s*(?:[•*-]|\d+\)|\d+\.|\[\d+:\d\d\])?\s*)")


def wrap_line(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    lead = _LEAD.match(line)
    indent = " " * len(lead.group(1)) if lead else ""
    if len(indent) > width // 2:
        indent = ""
    return textwrap.fill(line, width=width, subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False)


def wrap_text(text: str, width: int) -> str:
    return "\n".join(wrap_line(line, width) for line in text.split("\n"))


class WrappedTerminal(io.TextIOBase):
    """A stream that wraps each whole line it is given at the terminal's width."""

    def __init__(self, stream: TextIO, width: int | None = None):
        super().__init__()
        self.stream = stream
        self.width = width or shutil.get_terminal_size().columns

    def write(self, text: str) -> int:
        self.stream.write(wrap_text(text, max(20, self.width - 1)))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return True


def for_terminal(stream: TextIO) -> TextIO:
    """`stream` wrapped when it is a terminal, as it is otherwise."""
    return WrappedTerminal(stream) if stream.isatty() else stream  # type: ignore[return-value]
