"""One problem found in a file, said the way compilers say it: where, what, and what to do."""

from __future__ import annotations

from pathlib import Path

from coach.frozen import frozen
from coach.printable import visible


@frozen(order=True)
class Problem:
    """A mistake in a person's file, at a line and column, with what to do about it."""

    path: Path
    line: int
    column: int
    message: str
    fix: str

    def __str__(self) -> str:
        # Paths and quoted values come from files: nothing in them may steer the terminal.
        return visible(f"{self.path}:{self.line}:{self.column}: {self.message} — {self.fix}")
