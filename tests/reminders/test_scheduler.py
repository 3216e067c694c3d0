"""Reminders in the operating system's scheduler: the exact text, and install/uninstall."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from coach.reminders import scheduler_install
from coach.reminders.schedule import Reminder, parse_days, parse_time
from coach.reminders.scheduler_files import (
    CRON_MARKER,
    cron_lines,
    launch_agent,
    systemd_service,
    systemd_timer,
    windows_task,
)

from system_programs import needs

COMMAND = ["/usr/bin/python3", "-m", "coach"]
REMINDERS = [Reminder(1, parse_time("21:30"), parse_days("mon-fri"), "evening", datetime(2026, 1, 1)),
             Reminder(2, parse_time("22:05"), parse_days("daily"), "quick", datetime(2026, 1, 1))]


def test_crontab_lines_exactly():
    assert cron_lines(REMINDERS, COMMAND) == [
        CRON_MARKER,
        "30 21 * * 1,2,3,4,5 /usr/bin/python3 -m coach remind due >/dev/null 2>&1",
        "5 22 * * * /usr/bin/python3 -m coach remind due >/dev/null 2>&1",
        "*/5 * * * * /usr/bin/python3 -m coach remind due >/dev/null 2>&1",
        "@reboot /usr/bin/python3 -m coach remind due >/dev/null 2>&1",
    ]


def test_systemd_units_exactly():
    assert systemd_service(COMMAND) == (
        "[Unit]\nDescription=coach bedtime reminders: send one if it is due\n\n"
        "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 -m coach remind due\n")
    assert systemd_timer(REMINDERS) == (
        "[Unit]\nDescription=Check for coach bedtime reminders\n\n[Timer]\n"
        "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 21:30:00\nOnCalendar=*-*-* 22:05:00\nOnCalendar=*:0/5\n"
        "Persistent=true\nAccuracySec=1s\n\n[Install]\nWantedBy=timers.target\n")


@needs("systemd-analyze", "systemd")
def test_systemd_accepts_the_generated_units(tmp_path):
    for suffix, text in (("service", systemd_service([sys.executable, "-m", "coach"])),
                         ("timer", systemd_timer(REMINDERS))):
        (tmp_path / f"coach-reminders.{suffix}").write_text(text)
    def verify(path: Path) -> subprocess.CompletedProcess:
        return subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True,
                              cwd=tmp_path)

    good = verify(tmp_path / "coach-reminders.timer")
    # verify exits 0 even when it only ignores a bad line, so its warnings count too.
    assert good.returncode == 0 and "Failed" not in good.stderr and "ignoring" not in good.stderr, good.stderr
    broken = tmp_path / "broken.timer"
    broken.write_text(systemd_timer(REMINDERS).replace("21:30:00", "25:30:00"))
    assert "Failed to parse calendar specification" in verify(broken).stderr


def test_launch_agent_exactly():
    one = REMINDERS[:1]
    days = "".join(f"    <dict><key>Hour</key><integer>21</integer><key>Minute</key><integer>30</integer>"
                   f"<key>Weekday</key><integer>{d}</integer></dict>\n" for d in (1, 2, 3, 4, 5))
    assert launch_agent(one, COMMAND) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        "  <key>Label</key><string>org.coach.reminders</string>\n"
        "  <key>ProgramArguments</key><array><string>/usr/bin/python3</string><string>-m</string>"
        "<string>coach</string><string>remind</string><string>due</string></array>\n"
        "  <key>StartCalendarInterval</key>\n  <array>\n" + days + "  </array>\n"
        "  <key>StartInterval</key><integer>300</integer>\n</dict>\n</plist>\n")


def test_windows_task_runs_when_available():
    xml = windows_task(REMINDERS, COMMAND)
    assert "<StartWhenAvailable>true</StartWhenAvailable>" in xml
    assert ("<CalendarTrigger><StartBoundary>2026-01-01T21:30:00</StartBoundary><ScheduleByWeek><DaysOfWeek>"
            "<Monday/><Tuesday/><Wednesday/><Thursday/><Friday/></DaysOfWeek>") in xml
    assert "<Command>/usr/bin/python3</Command><Arguments>-m coach remind due</Arguments>" in xml


def test_a_program_path_with_xml_characters_reads_back_exactly():
    command = ["/home/R&D <tests>/bin/python3", "-m", "coach"]
    plist = ElementTree.fromstring(launch_agent(REMINDERS, command).split("\n", 2)[2])
    assert [s.text for s in plist.iter("string")][1:] == [*command, "remind", "due"]
    task = ElementTree.fromstring(windows_task(REMINDERS, command).split("\n", 1)[1])
    namespace = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"
    assert task.find(f".//{namespace}Command").text == command[0]
    assert task.find(f".//{namespace}Arguments").text == "-m coach remind due"


def stand_in(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_tools(tmp_path, monkeypatch):
    """crontab and systemctl that work on files in tmp_path instead of the real system."""
    folder = tmp_path / "bin"
    folder.mkdir()
    table, calls = tmp_path / "crontab.txt", tmp_path / "systemctl.calls"
    stand_in(folder, "crontab", f'''if [ "$1" = "-l" ]; then
  if [ -f {table} ]; then cat {table}; else echo "no crontab for $USER" >&2; exit 1; fi
elif [ "$1" = "-" ]; then cat > {table}; fi
''')
    stand_in(folder, "systemctl", f'echo "$@" >> {calls}\n')
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return table, calls


def test_cron_install_keeps_the_persons_lines_and_uninstall_removes_only_ours(fake_tools):
    table, _ = fake_tools
    table.write_text("0 7 * * * backup-photos\n")
    message = scheduler_install.install(REMINDERS, "cron")
    assert message.endswith("through your crontab (crontab -l shows it).")
    lines = table.read_text().splitlines()
    assert lines[0] == "0 7 * * * backup-photos" and lines[1] == CRON_MARKER and len(lines) == 6
    scheduler_install.install(REMINDERS, "cron")  # again: replaced, not doubled
    assert table.read_text().count(CRON_MARKER) == 1
    with table.open("a") as handle:
        handle.write("30 8 * * * water-plants\n")  # the person edits their crontab meanwhile
    assert scheduler_install.uninstall().startswith("Removed what")
    assert table.read_text().splitlines() == ["0 7 * * * backup-photos", "30 8 * * * water-plants"]
    assert scheduler_install.installed() is None
    assert scheduler_install.uninstall() == "Nothing to remove: reminders were not installed."


def test_cron_install_into_an_empty_crontab(fake_tools):
    table, _ = fake_tools
    scheduler_install.install(REMINDERS[:1], "cron")
    assert table.read_text().splitlines()[0] == CRON_MARKER
    scheduler_install.uninstall()
    assert table.read_text() == ""


def test_systemd_install_and_uninstall(fake_tools, tmp_path):
    _, calls = fake_tools
    units = tmp_path / "units"
    scheduler_install.install(REMINDERS, "systemd", unit_dir=units)
    assert sorted(p.name for p in units.iterdir()) == ["coach-reminders.service", "coach-reminders.timer"]
    assert calls.read_text().splitlines() == ["--user daemon-reload", "--user enable --now coach-reminders.timer"]
    (units / "someone-elses.timer").write_text("[Timer]\n")
    scheduler_install.uninstall()
    assert [p.name for p in units.iterdir()] == ["someone-elses.timer"]
    assert calls.read_text().splitlines()[-2:] == ["--user disable --now coach-reminders.timer", "--user daemon-reload"]


def test_a_failing_scheduler_is_reported_not_hidden(fake_tools, tmp_path):
    stand_in(tmp_path / "bin", "systemctl", 'echo "Failed to connect to bus" >&2; exit 1\n')
    with pytest.raises(scheduler_install.InstallError, match="Failed to connect to bus"):
        scheduler_install.install(REMINDERS, "systemd", unit_dir=tmp_path / "units")


def test_adding_a_reminder_updates_an_installed_crontab(fake_tools):
    table, _ = fake_tools
    run = lambda *args: subprocess.run([sys.executable, "-m", "coach", "remind", *args],  # noqa: E731
                                       capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    run("add", "21:30")
    assert run("install").stdout.startswith("Reminders will now fire with no terminal open")
    added = run("add", "22:45", "--days", "sat,sun")
    assert "The installed schedule was updated." in added.stdout
    assert "45 22 * * 6,0 " in table.read_text() and table.read_text().count(CRON_MARKER) == 1
    assert run("uninstall").returncode == 0 and table.read_text() == ""


def as_cron_runs_it(line: str) -> str:
    """What cron hands to /bin/sh: an unescaped % ends the command (the rest is stdin), \\% is %."""
    command = line.split(" ", 5)[5]
    out, index = [], 0
    while index < len(command):
        if command[index] == "\\" and command[index + 1:index + 2] == "%":
            out.append("%")
            index += 2
            continue
        if command[index] == "%":
            break
        out.append(command[index])
        index += 1
    return "".join(out)


def test_a_cron_line_runs_a_python_whose_path_has_percent_signs_and_quotes(tmp_path):
    folder = tmp_path / "it's 100% $HOME `mine`"
    folder.mkdir()
    program = folder / "python"
    said = tmp_path / "said.txt"
    program.write_text(f'#!/bin/sh\nprintf "%s|" "$0" "$@" > "{said}"\n')
    program.chmod(0o700)
    line = cron_lines(REMINDERS[:1], [str(program), "-m", "coach"])[1]
    result = subprocess.run(["/bin/sh", "-c", as_cron_runs_it(line)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, result.stderr
    assert said.read_text() == f"{program}|-m|coach|remind|due|"


def test_a_path_with_a_line_break_is_refused_with_a_message(fake_tools, tmp_path, monkeypatch):
    monkeypatch.setattr(scheduler_install, "coach_command", lambda: ["/opt/two\nlines/python", "-m", "coach"])
    with pytest.raises(scheduler_install.InstallError, match="has a line break in it"):
        scheduler_install.install(REMINDERS, "cron")
    assert scheduler_install.installed() is None


@needs("systemd-analyze", "systemd")
@pytest.mark.parametrize("folder_name", ["100% mine", "with space", "dollar-not-in-name"])
def test_systemd_accepts_a_service_for_pythons_in_odd_folders(tmp_path, folder_name):
    folder = tmp_path / folder_name
    folder.mkdir()
    (folder / "python").symlink_to(sys.executable)
    service = tmp_path / "coach-reminders.service"
    service.write_text(systemd_service([str(folder / "python"), "-m", "coach", "it's $5 \"quoted\" 100%"]))
    result = subprocess.run(["systemd-analyze", "verify", str(service)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "special characters" not in result.stderr, result.stderr


@pytest.mark.parametrize("folder_name", ["it's mine", 'a "quoted" one', "back\\slash", "a$HOME"])
def test_systemd_install_refuses_a_python_path_systemd_cannot_run(fake_tools, tmp_path, monkeypatch, folder_name):
    monkeypatch.setattr(scheduler_install, "coach_command", lambda: [f"/opt/{folder_name}/python", "-m", "coach"])
    units = tmp_path / "units"
    with pytest.raises(scheduler_install.InstallError, match="systemd cannot run a program whose path has"):
        scheduler_install.install(REMINDERS, "systemd", unit_dir=units)
    assert not units.exists()
