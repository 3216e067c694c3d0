"""The terminal driver's input thread: asleep until a key, yet every key arrives, a lone Esc
becomes Escape, and a stop request ends it at once. Run on a real thread against a pipe."""

from __future__ import annotations

import asyncio
import os
import queue
import selectors
import sys
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from textual import events

from coach.tui.quiet_driver import QuietLinuxDriver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the driver for Linux and macOS")


class RecordingSelector(selectors.SelectSelector):
    """Hands each wait's time limit to the test as the thread starts waiting."""

    waits: queue.Queue[float | None]

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        self.waits.put(timeout)
        return super().select(timeout)


@dataclass
class FakeApp:
    """What the driver needs of an app: somewhere to post what it read."""

    received: asyncio.Queue[events.Event] = field(default_factory=asyncio.Queue)

    async def _post_message(self, message: events.Event) -> bool:
        await self.received.put(message)
        return True


@dataclass
class InputThread:
    driver: QuietLinuxDriver
    app: FakeApp
    waits: queue.Queue[float | None]
    keyboard: int  # write end of the pipe the driver reads as its terminal
    thread: threading.Thread

    def press(self, text: str) -> None:
        os.write(self.keyboard, text.encode())

    async def next_key(self) -> str:
        while True:
            message = await asyncio.wait_for(self.app.received.get(), timeout=10)
            if isinstance(message, events.Key):
                return message.key

    def wait_without_limit(self) -> None:
        """Block until the thread next waits with no time limit; fail if it still looks every
        tenth of a second after the two seconds any key could take to settle."""
        for _ in range(20):
            if self.waits.get(timeout=10) is None:
                return
        pytest.fail("the input thread kept waking to look")


@pytest.fixture
async def input_thread() -> AsyncIterator[InputThread]:
    app = FakeApp()
    waits: queue.Queue[float | None] = queue.Queue()
    RecordingSelector.waits = waits
    driver = QuietLinuxDriver(app)  # type: ignore[arg-type]  # only _post_message is used
    driver.selector_class = RecordingSelector
    terminal, keyboard = os.pipe()
    driver.fileno = terminal
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    yield InputThread(driver, app, waits, keyboard, thread)
    driver.exit_event.set()
    thread.join(timeout=10)
    driver.close()
    os.close(terminal)
    os.close(keyboard)


async def test_after_a_key_it_settles_back_to_waiting_without_a_limit(input_thread):
    input_thread.wait_without_limit()
    input_thread.press("j")
    assert await input_thread.next_key() == "j"
    input_thread.wait_without_limit()
    input_thread.press("k")
    assert await input_thread.next_key() == "k"


@pytest.mark.parametrize(("keys", "key"), [("a", "a"), ("\x1b", "escape")], ids=["a letter", "a lone Esc"])
async def test_a_key_pressed_while_it_waits_without_a_limit_arrives(input_thread, keys, key):
    input_thread.wait_without_limit()
    input_thread.press(keys)  # a lone Esc, with no key after it, too
    assert await input_thread.next_key() == key


async def test_a_character_that_arrives_in_two_reads_arrives_whole(input_thread):
    os.write(input_thread.keyboard, "中".encode()[:1])
    input_thread.wait_without_limit()  # read the first byte, and waited again
    os.write(input_thread.keyboard, "中".encode()[1:])
    input_thread.press("a")
    assert await input_thread.next_key() == "中"
    assert await input_thread.next_key() == "a"


async def test_keys_sent_as_escape_sequences_still_arrive_whole(input_thread):
    input_thread.press("\x1b[A")  # up arrow
    assert await input_thread.next_key() == "up"


async def test_once_the_terminal_is_gone_it_waits_for_the_stop_request_instead_of_spinning(input_thread):
    input_thread.wait_without_limit()
    os.close(input_thread.keyboard)
    input_thread.keyboard = os.open(os.devnull, os.O_WRONLY)  # for the fixture to close
    input_thread.wait_without_limit()
    input_thread.driver.exit_event.set()
    input_thread.thread.join(timeout=10)
    assert not input_thread.thread.is_alive()


async def test_a_stop_request_ends_a_thread_that_waits_without_a_limit(input_thread):
    input_thread.wait_without_limit()
    input_thread.driver.exit_event.set()
    input_thread.thread.join(timeout=10)
    assert not input_thread.thread.is_alive()


async def test_a_stop_request_after_the_driver_closed_writes_nowhere():
    driver = QuietLinuxDriver(FakeApp())  # type: ignore[arg-type]
    driver.close()
    reused_read, reused_write = os.pipe()  # may take the closed pipe's numbers
    try:
        driver.exit_event.set()
        os.set_blocking(reused_read, False)
        with pytest.raises(BlockingIOError):
            os.read(reused_read, 1)
    finally:
        os.close(reused_read)
        os.close(reused_write)


def test_coach_uses_it_where_textual_would_use_its_linux_driver():
    from textual.drivers.linux_driver import LinuxDriver

    from coach.routines.library import Library
    from coach.tui.app import CoachApp

    app = CoachApp(Library(routines={}, exercises={}, problems=[]), show_safety=False)
    assert issubclass(QuietLinuxDriver, LinuxDriver)
    assert app.driver_class is QuietLinuxDriver
