"""What the operating system's own scheduler needs, so reminders fire with no terminal open.

Each runs `coach remind due` at every reminder time, plus every five minutes (snoozes, and a
catch-up after the computer wakes). Pure text: installing it is scheduler_install.py's job.
"""

from __future__ import annotations

import shlex

from coach.i18n import _, pgettext
from coach.reminders.schedule import DAY_NAMES, EVERY_DAY, Reminder

UNIT_NAME = "coach-reminders"
CRON_MARKER = "# coach-reminders (added by 'coach remind install'; 'coach remind uninstall' removes it)"
LAUNCH_LABEL = "org.coach.reminders"
TASK_NAME = "coach-reminders"
CATCH_UP_MINUTES = 5


def escape(text: str) -> str:
    """Text safe inside an XML element. Not xml.sax.saxutils: importing it loads urllib,
    http.client and email, a cost every start of coach would pay for three replacements."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _systemd_days(days: frozenset[int]) -> str:
    return "" if days == EVERY_DAY else ",".join(DAY_NAMES[d].capitalize() for d in sorted(days)) + " "


SYSTEMD_REFUSES = "'\"\\$"


class UnusablePath(ValueError):
    """The command's path holds something no scheduler line can carry (a line break)."""


def check_command(command: list[str]) -> list[str]:
    for part in command:
        if any(character in part for character in "\n\r\0"):
            raise UnusablePath(_("the path {path} has a line break in it, which a scheduler entry cannot hold — "
                                 "install coach in a folder without one").format(path=repr(part)))
    return command


def _systemd_word(word: str) -> str:
    """One ExecStart argument, double-quoted: systemd reads \\ and \" there, and expands % and $."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"' if escaped != word or not word or any(c in word for c in " \t'") else word


def systemd_service(command: list[str]) -> str:
    program = check_command(command)[0]
    # systemd refuses these in the program's own name, quoted or not (and keeps $$ as it is there).
    refused = sorted({character for character in program if character in SYSTEMD_REFUSES})
    if refused:
        either = " {} ".format(pgettext("list", "or")).join(refused)
        raise UnusablePath(_("systemd cannot run a program whose path has {characters} in it ({program}) — "
                             "install coach in a folder without them").format(characters=either, program=program))
    line = " ".join(_systemd_word(word) for word in command)
    return (f"[Unit]\nDescription=coach bedtime reminders: send one if it is due\n\n"
            f"[Service]\nType=oneshot\nExecStart={line} remind due\n")


def systemd_timer(reminders: list[Reminder]) -> str:
    lines = [f"OnCalendar={_systemd_days(r.days)}*-*-* {r.at.strftime('%H:%M')}:00" for r in reminders]
    lines.append(f"OnCalendar=*:0/{CATCH_UP_MINUTES}")
    # Persistent: a time missed while the machine was off or asleep runs once on waking.
    return ("[Unit]\nDescription=Check for coach bedtime reminders\n\n[Timer]\n" + "\n".join(lines) +
            "\nPersistent=true\nAccuracySec=1s\n\n[Install]\nWantedBy=timers.target\n")


def _cron_days(days: frozenset[int]) -> str:
    return "*" if days == EVERY_DAY else ",".join(str((d + 1) % 7) for d in sorted(days))  # cron: 0 is Sunday


def cron_lines(reminders: list[Reminder], command: list[str]) -> list[str]:
    # cron turns an unescaped % into a line break, even inside the shell's quotes.
    run = f"{shlex.join(check_command(command))} remind due >/dev/null 2>&1".replace("%", "\\%")
    lines = [CRON_MARKER]
    lines += [f"{r.at.minute} {r.at.hour} * * {_cron_days(r.days)} {run}" for r in reminders]
    lines += [f"*/{CATCH_UP_MINUTES} * * * * {run}", f"@reboot {run}"]
    return lines


def launch_agent(reminders: list[Reminder], command: list[str]) -> str:
    intervals = []
    for r in reminders:
        days = [None] if r.days == EVERY_DAY else [(d + 1) % 7 for d in sorted(r.days)]
        for day in days:
            weekday = "" if day is None else f"<key>Weekday</key><integer>{day}</integer>"
            intervals.append(f"    <dict><key>Hour</key><integer>{r.at.hour}</integer>"
                             f"<key>Minute</key><integer>{r.at.minute}</integer>{weekday}</dict>")
    arguments = "".join(f"<string>{escape(part)}</string>" for part in [*command, "remind", "due"])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n'
            f"  <key>Label</key><string>{LAUNCH_LABEL}</string>\n"
            f"  <key>ProgramArguments</key><array>{arguments}</array>\n"
            "  <key>StartCalendarInterval</key>\n  <array>\n" + "\n".join(intervals) + "\n  </array>\n"
            f"  <key>StartInterval</key><integer>{CATCH_UP_MINUTES * 60}</integer>\n"
            "</dict>\n</plist>\n")


def windows_task(reminders: list[Reminder], command: list[str]) -> str:
    triggers = []
    for r in reminders:
        start = f"<StartBoundary>2026-01-01T{r.at.strftime('%H:%M')}:00</StartBoundary>"
        if r.days == EVERY_DAY:
            schedule = "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>"
        else:
            names = "".join(f"<{n}/>" for n in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                 "Saturday", "Sunday") if ("Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday", "Sunday").index(n) in r.days)
            schedule = (f"<ScheduleByWeek><DaysOfWeek>{names}</DaysOfWeek>"
                        "<WeeksInterval>1</WeeksInterval></ScheduleByWeek>")
        triggers.append(f"    <CalendarTrigger>{start}{schedule}</CalendarTrigger>")
    program, *rest = command
    arguments = escape(" ".join([*rest, "remind", "due"]))
    return ('<?xml version="1.0" encoding="UTF-16"?>\n'
            '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
            "  <Triggers>\n" + "\n".join(triggers) + "\n  </Triggers>\n"
            "  <Settings><StartWhenAvailable>true</StartWhenAvailable>"
            "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries></Settings>\n"
            f"  <Actions><Exec><Command>{escape(program)}</Command>"
            f"<Arguments>{arguments}</Arguments></Exec></Actions>\n"
            "</Task>\n")
