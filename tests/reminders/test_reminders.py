"""Reminders: schedule maths with an injected now, the 'due' decisions, and delivery fallbacks."""

from __future__ import annotations

import stat
import time
from datetime import UTC, timedelta

import pytest
from conftest import local

from coach.history.store import HistoryStore
from coach.reminders.due import run_due
from coach.reminders.notify import Delivery, deliver, ensure_bus_address, via_notify_send
from coach.reminders.schedule import (
    EVERY_DAY,
    Reminder,
    ScheduleError,
    latest_due,
    next_due,
    parse_days,
    parse_time,
    same_as,
)
from coach.reminders.store import ReminderStore

ROUTINES = {"evening": ("Evening stretches", 590)}


def reminder(at="21:30", days=EVERY_DAY, created=None) -> Reminder:
    return Reminder(1, parse_time(at), days, "evening", created or local(2026, 1, 1))


@pytest.mark.parametrize("text, days", [
    ("mon-fri", {0, 1, 2, 3, 4}), ("sat,sun", {5, 6}), ("fri-mon", {4, 5, 6, 0}),
    ("daily", set(range(7))), ("Monday,wed-fri", {0, 2, 3, 4}), ("tuesday", {1}),
])
def test_day_lists(text, days):
    assert parse_days(text) == days


@pytest.mark.parametrize("bad", ["funday", "mo", "mon-tue-wed", ""])
def test_bad_day_lists_are_refused(bad):
    with pytest.raises(ScheduleError):
        parse_days(bad)


@pytest.mark.parametrize("bad", ["24:00", "21:60", "13pm", "0am", "21", "nine"])
def test_bad_times_are_refused(bad):
    with pytest.raises(ScheduleError, match=r"like (21|9pm)"):
        parse_time(bad)


@pytest.mark.parametrize(("text", "expected"), [("9pm", (21, 0)), ("9:30 pm", (21, 30)), ("21:30", (21, 30)),
                                                ("12am", (0, 0)), ("12pm", (12, 0)), ("21.30", (21, 30))])
def test_times_are_read_as_people_write_them(text, expected):
    assert (parse_time(text).hour, parse_time(text).minute) == expected


def test_day_words_are_read():
    assert parse_days("weekdays") == parse_days("mon-fri")
    assert parse_days("weekends") == parse_days("sat,sun")
    assert parse_days("weekdays,sat") == parse_days("mon-sat")


def test_an_identical_reminder_is_found():
    existing = reminder(days=parse_days("mon-fri"))
    assert same_as([existing], parse_time("9:30pm"), parse_days("weekdays"), "evening") is existing
    assert same_as([existing], parse_time("9:30pm"), parse_days("daily"), "evening") is None


def test_latest_and_next_on_weekdays_only(london):
    weekdays = reminder(days=parse_days("mon-fri"))
    saturday_morning = local(2026, 11, 21, 9, 0)  # Saturday
    assert latest_due(weekdays, saturday_morning) == local(2026, 11, 20, 21, 30)  # Friday
    assert next_due(weekdays, saturday_morning) == local(2026, 11, 23, 21, 30)  # Monday


def test_around_midnight(london):
    late = reminder(at="23:55")
    assert latest_due(late, local(2026, 11, 22, 0, 5)) == local(2026, 11, 21, 23, 55)
    early = reminder(at="00:10")
    assert latest_due(early, local(2026, 11, 22, 0, 5)) == local(2026, 11, 21, 0, 10)


def test_daylight_saving_forward_and_back_keep_the_wall_clock_time(london):
    r = reminder(at="21:30")
    spring = latest_due(r, local(2026, 3, 29, 22, 0))  # clocks went forward that morning
    autumn = latest_due(r, local(2026, 10, 25, 22, 0))  # and back
    assert (spring.hour, spring.minute, spring.utcoffset()) == (21, 30, timedelta(hours=1))
    assert (autumn.hour, autumn.minute, autumn.utcoffset()) == (21, 30, timedelta(0))
    assert next_due(r, local(2026, 3, 28, 22, 0)) - local(2026, 3, 28, 21, 30) == timedelta(hours=23)


class FakeSender:
    def __init__(self, ok=True):
        self.sent: list[tuple[str, str]] = []
        self.ok = ok

    def __call__(self, title, body):
        self.sent.append((title, body))
        return Delivery(self.ok, "fake", "" if self.ok else "broken")


@pytest.fixture
def store(tmp_path):
    return ReminderStore(HistoryStore(tmp_path / "h.sqlite3"))


def add(store, at="21:30", days=EVERY_DAY):
    store.add(parse_time(at), days, "evening")
    store._db.execute("UPDATE reminders SET created_at = ?", (local(2026, 1, 1).isoformat(),))


def test_due_sends_once_however_often_it_runs(london, store):
    add(store)
    send = FakeSender()
    now = local(2026, 11, 22, 21, 31)
    first = run_due(store, ROUTINES, send, now)
    again = run_due(store, ROUTINES, send, now + timedelta(minutes=5))
    assert [r.outcome for r in first] == ["notified"] and again == []
    assert send.sent == [("Time for your bedtime stretches",
                          "Evening stretches takes about 10 min. Start it with: coach run evening")]


def test_after_a_long_sleep_one_late_reminder_not_a_burst(london, store):
    add(store, "21:30")
    add(store, "21:45")
    send = FakeSender()
    results = run_due(store, ROUTINES, send, local(2026, 11, 22, 23, 0))  # asleep since 19:00
    assert [r.outcome for r in results] == ["notified", "notified"]
    assert all("(this reminder was for 21:" in body for _, body in send.sent)
    ten_hours_later = run_due(store, ROUTINES, send, local(2026, 11, 23, 9, 0))
    assert ten_hours_later == []  # the last scheduled times were already dealt with


def test_past_the_grace_window_it_is_recorded_as_missed(london, store):
    add(store, "21:30")
    send = FakeSender()
    results = run_due(store, ROUTINES, send, local(2026, 11, 23, 7, 0))  # laptop closed all night
    assert [r.outcome for r in results] == ["missed"] and send.sent == []
    assert store.missed_since(local(2026, 11, 20, 0, 0)) == [(1, local(2026, 11, 22, 21, 30))]


def test_quiet_when_tonights_routine_is_already_done(london, store):
    add(store, "21:30")
    history = store.history
    session = history.start_session("evening", "Evening", 590, local(2026, 11, 22, 20, 0))
    history.finish_session(session, "completed", local(2026, 11, 22, 20, 10))
    send = FakeSender()
    assert [r.outcome for r in run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 31))] == ["quiet"]
    assert send.sent == []


def test_paused_sends_nothing_and_resume_picks_up(london, store):
    add(store)
    store.set_paused(True)
    send = FakeSender()
    assert run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 31)) == []
    store.set_paused(False)
    assert [r.outcome for r in run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 32))] == ["notified"]


def test_snooze_fires_once_at_its_time(london, store):
    add(store, "21:30")
    send = FakeSender()
    run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 31))
    store.snooze(local(2026, 11, 22, 21, 46))
    assert run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 40)) == []
    assert [r.reminder_id for r in run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 47))] == [0]
    assert run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 50)) == []
    assert len(send.sent) == 2 and store.snoozed_until is None


def test_a_reminder_added_after_its_time_does_not_count_as_missed(london, store):
    store.add(parse_time("21:30"), EVERY_DAY, "evening")
    store._db.execute("UPDATE reminders SET created_at = ?", (local(2026, 11, 22, 22, 0).isoformat(),))
    assert run_due(store, ROUTINES, FakeSender(), local(2026, 11, 22, 23, 0)) == []  # made at 22:00
    assert [r.outcome for r in run_due(store, ROUTINES, FakeSender(), local(2026, 11, 23, 21, 31))] == ["notified"]


def test_a_failed_delivery_is_recorded_as_failed(london, store):
    add(store)
    results = run_due(store, ROUTINES, FakeSender(ok=False), local(2026, 11, 22, 21, 31))
    assert [r.outcome for r in results] == ["failed"]
    assert store.log()[0][2:] == ("failed", "fake")


# --- delivery ------------------------------------------------------------------------------

def fake_program(folder, name, script) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_path(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_notify_send_success_and_its_arguments(fake_path, tmp_path):
    record = tmp_path / "args"
    fake_program(fake_path, "notify-send", f'printf "%s\\n" "$@" > {record}')
    assert via_notify_send("Title", "Body", 2) == Delivery(True, "desktop (notify-send)")
    assert record.read_text().splitlines() == ["--app-name=coach", "--expire-time=30000", "Title", "Body"]


def test_notify_send_failure_is_noticed_not_ignored(fake_path):
    fake_program(fake_path, "notify-send", 'echo "Cannot connect to the bus" >&2; exit 1')
    result = via_notify_send("T", "B", 2)
    assert not result.ok and result.detail == "Cannot connect to the bus"


def test_a_hanging_notification_never_holds_coach_past_its_timeout(fake_path):
    fake_program(fake_path, "notify-send", "exec /bin/sleep 30")
    started = time.monotonic()
    result = via_notify_send("T", "B", 0.3)
    assert not result.ok and result.detail == "no answer within 0.3 s"
    assert time.monotonic() - started < 2


def test_with_nothing_working_it_ends_in_the_log(fake_path, coach_home):
    fake_program(fake_path, "notify-send", "exit 1")
    result = deliver("Time", "Stretch", timeout=0.5, terminal=False)
    assert not result.ok and result.via == "log"
    log = (coach_home / "reminders.log").read_text()
    assert "Time: Stretch (not shown:" in log and "desktop (notify-send): exit code 1" in log


def test_the_user_bus_is_found_when_cron_gives_no_address(tmp_path):
    (tmp_path / "bus").touch()
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    ensure_bus_address(env)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={tmp_path}/bus"
    kept = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/elsewhere", "XDG_RUNTIME_DIR": str(tmp_path)}
    ensure_bus_address(kept)
    assert kept["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/elsewhere"
    nothing = {"XDG_RUNTIME_DIR": str(tmp_path / "none")}
    ensure_bus_address(nothing)
    assert "DBUS_SESSION_BUS_ADDRESS" not in nothing


def test_shown_in_the_terminal_still_leaves_a_line_saying_why(fake_path, coach_home, monkeypatch):
    import coach.reminders.notify as notify

    fake_program(fake_path, "notify-send", "exit 1")
    monkeypatch.setattr(notify, "via_terminal", lambda title, body: Delivery(True, "terminal"))
    result = deliver("Time", "Stretch", timeout=0.5)
    assert (result.ok, result.via) == (True, "terminal")
    line = (coach_home / "reminders.log").read_text()
    assert "Time: Stretch (shown in the terminal only: " in line and "exit code 1" in line


def test_anything_due_is_a_cheap_yes_or_no_that_matches_run_due(london, store):
    from coach.reminders.due import anything_due

    now = local(2026, 11, 22, 21, 31)
    assert not anything_due(store, now)
    add(store)
    assert anything_due(store, now)
    run_due(store, ROUTINES, FakeSender(), now)
    assert not anything_due(store, now + timedelta(minutes=1))
    store.snooze(now + timedelta(minutes=5))
    assert not anything_due(store, now + timedelta(minutes=4)) and anything_due(store, now + timedelta(minutes=6))
    store.set_paused(True)
    assert not anything_due(store, now + timedelta(minutes=6))


# --- never lost, never twice ---------------------------------------------------------------

class KilledWhileSending:
    """A delivery during which the program is killed: nothing after the send runs."""

    def __call__(self, title, body):
        raise SystemExit("killed")


def test_a_run_killed_while_delivering_leaves_the_reminder_for_the_next_run(london, store):
    add(store)
    now = local(2026, 11, 22, 21, 31)
    with pytest.raises(SystemExit):
        run_due(store, ROUTINES, KilledWhileSending(), now)
    send = FakeSender()
    from coach.reminders.due import anything_due

    assert run_due(store, ROUTINES, send, now + timedelta(seconds=20)) == []  # the claim may be live still
    assert anything_due(store, now + timedelta(minutes=5))
    retried = run_due(store, ROUTINES, send, now + timedelta(minutes=5))
    assert [r.outcome for r in retried] == ["notified"] and len(send.sent) == 1
    assert run_due(store, ROUTINES, send, now + timedelta(minutes=10)) == [] and len(send.sent) == 1
    assert store.log()[0][2:] == ("notified", "fake")


def test_an_unconfirmed_claim_is_not_retried_after_the_catch_up_window(london, store):
    add(store)
    now = local(2026, 11, 22, 21, 31)
    with pytest.raises(SystemExit):
        run_due(store, ROUTINES, KilledWhileSending(), now)
    send = FakeSender()
    assert run_due(store, ROUTINES, send, now + timedelta(hours=4)) == [] and send.sent == []


def test_moving_through_time_zones_sends_one_reminder_per_local_time(store, monkeypatch):
    add(store, "21:30")
    send = FakeSender()
    outcomes = []
    for zone in ("Europe/London", "Europe/Berlin", "Europe/Helsinki"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        try:
            # The same evening, 21:45 on the wall wherever the person is now.
            outcomes += [r.outcome for r in run_due(store, ROUTINES, send, local(2026, 11, 22, 21, 45))]
        finally:
            monkeypatch.delenv("TZ")
            time.tzset()
    assert outcomes == ["notified"] and len(send.sent) == 1


def test_the_same_wall_clock_time_twice_when_the_clocks_go_back_is_one_reminder(london, store):
    add(store, "01:30")
    send = FakeSender()
    first = local(2026, 10, 25, 1, 31)  # 01:31 BST
    second = first + timedelta(hours=1)  # 01:31 GMT: 01:30 has come round again
    outcomes = [r.outcome for now in (first, second) for r in run_due(store, ROUTINES, send, now)]
    assert outcomes == ["notified"]


def test_a_time_skipped_by_daylight_saving_fires_at_the_first_moment_after_it(london):
    r = reminder(at="01:30")
    from datetime import datetime

    just_before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC).astimezone()  # 00:59 GMT
    assert latest_due(r, just_before).date().day == 28  # not yet: never an hour early
    after = datetime(2026, 3, 29, 1, 5, tzinfo=UTC).astimezone()  # 02:05 BST
    due = latest_due(r, after)
    assert (due.hour, due.minute, due.utcoffset()) == (2, 0, timedelta(hours=1))
    assert next_due(r, just_before) == due


def test_a_hung_notify_send_is_killed_with_everything_it_started(fake_path, tmp_path):
    child = tmp_path / "child.pid"
    fake_program(fake_path, "notify-send", f"/bin/sleep 30 &\necho $! > {child}\nwait")
    result = via_notify_send("T", "B", 0.5)
    assert not result.ok and result.detail == "no answer within 0.5 s"
    pid = int(child.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and process_alive(pid):
        time.sleep(0.05)
    assert not process_alive(pid)


def process_alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            return stat_file.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, not yet reaped
    except FileNotFoundError:
        return False


def test_a_morning_reminder_asks_about_last_night_until_it_is_answered(london, store):
    from datetime import date

    from coach.reminders.due import MORNING

    store.add(parse_time("08:00"), EVERY_DAY, MORNING)
    store._db.execute("UPDATE reminders SET created_at = ?", (local(2026, 1, 1).isoformat(),))
    send = FakeSender()
    asked = run_due(store, ROUTINES, send, local(2026, 11, 22, 8, 5))
    assert [r.outcome for r in asked] == ["notified"]
    assert send.sent == [("How was last night?", "Any cramps last night? Answer with: coach checkin --none, "
                                                 "or log each one with: coach cramp (or open coach).")]
    store.history.check_in(date(2026, 11, 22))  # the next night answered before its morning
    answered = run_due(store, ROUTINES, send, local(2026, 11, 23, 8, 1))
    assert [r.outcome for r in answered] == ["quiet"] and len(send.sent) == 1
