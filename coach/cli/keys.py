"""Single keys from a terminal without Enter, for the plain mode: space, n, b and q.

POSIX terminals only (termios); elsewhere, or when input is not a terminal, there is no key
reader and plain mode simply follows the clock.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from collections.abc import Callable, Iterator

KeyReader = Callable[[float | None], str | None]


@contextlib.contextmanager
def terminal_keys() -> Iterator[KeyReader | None]:
    """A reader that waits up to a timeout for one key (None: no key came), in cbreak mode."""
    if os.name != "posix" or not sys.stdin.isatty():
        yield None
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)

    def read_key(timeout: float | None) -> str | None:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        return os.read(fd, 32).decode("utf-8", "replace")[:1] or None

    try:
        tty.setcbreak(fd)  # keys arrive one at a time; Ctrl+C still interrupts
        yield read_key
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
