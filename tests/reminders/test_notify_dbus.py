"""Delivering reminders through a real D-Bus, to a notification server of the tests' own.

Each test starts a private dbus-daemon (a config with no service folders, so nothing else can
start on it) and, where wanted, tests/notification_server.py, which records what it receives.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import local

from coach.history.store import HistoryStore
from coach.i18n import use_language
from coach.reminders.due import run_due
from coach.reminders.notify import deliver
from coach.reminders.schedule import EVERY_DAY, parse_time
from coach.reminders.store import ReminderStore

from system_programs import needs

pytestmark = [needs("dbus-daemon", "dbus"), needs("notify-send", "libnotify-bin")]

HERE = Path(__file__).parent
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""



class Bus:
    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "bus"
        self.log = folder / "notifications.jsonl"
        self.processes: list[subprocess.Popen] = []

    @property
    def address(self) -> str:
        return f"unix:path={self.socket}"

    def start(self, server: str | None = "answer") -> Bus:
        config = self.folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=self.socket))
        daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                                  stdout=subprocess.PIPE, text=True)
        daemon.stdout.readline()  # the address: the bus is listening
        self.processes.append(daemon)
        if server:
            process = subprocess.Popen([sys.executable, str(HERE / "notification_server.py"), self.address,
                                        str(self.log), server], stdout=subprocess.PIPE, text=True)
            assert process.stdout.readline().strip() == "ready"
            self.processes.append(process)
        return self

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.kill()
            process.wait()
        self.processes.clear()
        self.socket.unlink(missing_ok=True)

    def received(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text().splitlines()] if self.log.exists() else []


@pytest.fixture
def bus(tmp_path, monkeypatch):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    made = Bus(runtime)
    yield made
    made.stop()


def test_a_reminder_arrives_with_title_body_app_name_and_timeout(bus, monkeypatch):
    bus.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    result = deliver("Time for your bedtime stretches", "Evening stretches takes about 10 min.", terminal=False)
    assert (result.ok, result.via) == (True, "desktop (notify-send)")
    assert bus.received() == [{"app": "coach", "summary": "Time for your bedtime stretches",
                               "body": "Evening stretches takes about 10 min.", "timeout": 30000}]


def test_from_cron_with_no_bus_address_the_users_bus_is_found(bus):
    bus.start()  # listening at $XDG_RUNTIME_DIR/bus; DBUS_SESSION_BUS_ADDRESS is unset
    assert deliver("T", "B", terminal=False).ok
    assert len(bus.received()) == 1


def test_no_bus_at_all_falls_back_and_says_why(bus, coach_home):
    result = deliver("T", "B", timeout=2, terminal=False)
    assert (result.ok, result.via) == (False, "log")
    assert "desktop (notify-send):" in result.detail
    assert "T: B (not shown:" in (coach_home / "reminders.log").read_text()


def test_a_bus_with_no_notification_server_fails_fast(bus, monkeypatch):
    bus.start(server=None)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    started = time.monotonic()
    result = deliver("T", "B", timeout=2, terminal=False)
    assert not result.ok and time.monotonic() - started < 2


def test_a_server_that_never_answers_costs_at_most_the_timeout(bus, monkeypatch):
    bus.start(server="silent")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    started = time.monotonic()
    result = deliver("T", "B", timeout=1, terminal=False)
    elapsed = time.monotonic() - started
    assert not result.ok and "no answer within 1 s" in result.detail
    assert elapsed < 2.5  # notify-send alone would have waited 25 s


def test_a_bus_restarted_between_two_reminders_still_gets_the_second(bus, monkeypatch):
    bus.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    assert deliver("first", "one", terminal=False).ok
    bus.stop()
    bus.start()  # a new daemon at the same address, as after logging out and in
    assert deliver("second", "two", terminal=False).ok
    assert [n["summary"] for n in bus.received()] == ["first", "second"]


def test_a_russian_reminder_arrives_in_russian(bus, monkeypatch, tmp_path):
    """The whole way: the due reminder, in the person's language, to a real notification server."""
    bus.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    use_language("ru")
    store = ReminderStore(HistoryStore(tmp_path / "h.sqlite3"))
    store.add(parse_time("21:30"), EVERY_DAY, "evening")
    store._db.execute("UPDATE reminders SET created_at = ?", (local(2026, 1, 1).isoformat(),))
    results = run_due(store, {"evening": ("Вечерняя растяжка", 590)},
                      lambda title, body: deliver(title, body, terminal=False), local(2026, 11, 22, 21, 31))
    assert [r.outcome for r in results] == ["notified"]
    assert bus.received() == [{"app": "coach", "summary": "Пора сделать растяжку перед сном",
                               "body": "Вечерняя растяжка — около 10 мин. Запустите: coach run evening",
                               "timeout": 30000}]
