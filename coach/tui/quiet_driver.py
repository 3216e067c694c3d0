"""Textual's terminal driver for Linux and macOS, with an input thread that sleeps until a key.

Textual's input thread wakes ten times a second to look for a request to stop, whether or not a
key was pressed. During a routine nothing else happens between two seconds, so those wake-ups
were about a third of coach's CPU time (measured with `bench/countdown_cpu.py`). Here the thread
waits with no time limit; a stop request wakes it through a pipe.

It still wakes every 0.1 s for a moment after each key, as Textual's does: a lone Esc becomes
the Escape key only once ESCDELAY has passed with nothing after it.
"""

from __future__ import annotations

import os
import selectors
import threading
from codecs import getincrementaldecoder
from contextlib import suppress
from typing import TYPE_CHECKING

from textual import constants
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from typing import Any

    from textual.app import App

# As often as Textual's own thread looks, while a key may still be waiting for its next byte.
LOOK_EVERY = 0.1


class WakingEvent(threading.Event):
    """A stop request that also wakes the input thread's wait, through the pipe's write end."""

    def __init__(self, wake_fd: int):
        super().__init__()
        self.wake_fd: int | None = wake_fd  # None once closed: its number may belong to another file

    def set(self) -> None:
        super().set()
        if self.wake_fd is not None:
            with suppress(BlockingIOError):  # full: the thread has a wake-up waiting already
                os.write(self.wake_fd, b"\0")


class QuietLinuxDriver(LinuxDriver):
    selector_class: type[selectors.BaseSelector] = selectors.SelectSelector  # as Textual's

    def __init__(self, app: App[Any], **options: Any):
        super().__init__(app, **options)
        self._wake_read, self._wake_write = os.pipe()
        for fd in (self._wake_read, self._wake_write):
            os.set_blocking(fd, False)
        self.exit_event: WakingEvent = WakingEvent(self._wake_write)

    def run_input_thread(self) -> None:
        """Textual's input loop, but its wait ends only on input, a stop request, or while a
        key may be half-read, the parser's time limit for it."""
        selector = self.selector_class()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        # Until then the parser may still be holding a key for its time limit (see tick()).
        keys_settle_at: float | None = None
        try:
            while not self.exit_event.is_set():
                ready = {key.fd for key, _mask in selector.select(None if keys_settle_at is None else LOOK_EVERY)}
                if self._wake_read in ready:
                    self._drain_wake_pipe()
                if self.fileno in ready:
                    raw = os.read(self.fileno, 4096)
                    if not raw:  # the terminal is gone: wait for the stop request alone, not spin
                        selector.unregister(self.fileno)
                        continue
                    text = decode(raw)
                    if text:  # empty: half a character, the rest to come (feed("") means the end)
                        for event in parser.feed(text):
                            self.process_message(event)
                    keys_settle_at = get_time() + constants.ESCAPE_DELAY
                now = get_time()  # before tick(): past this, tick() surely let the held key go
                for event in parser.tick():
                    self.process_message(event)
                if keys_settle_at is not None and now > keys_settle_at:
                    keys_settle_at = None
        finally:
            selector.close()

    def _drain_wake_pipe(self) -> None:
        with suppress(BlockingIOError):
            while os.read(self._wake_read, 64):
                pass

    def close(self) -> None:
        super().close()
        self.exit_event.wake_fd = None
        for fd in (self._wake_read, self._wake_write):
            with suppress(OSError):
                os.close(fd)
