"""Installing reminders into the operating system's scheduler, and taking exactly that out again.

What was installed is written down (scheduler.json in coach's data folder), so uninstalling
removes those files or crontab lines and nothing else, even if the person edited around them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coach import locations
from coach.files import write_private
from coach.i18n import N_, _
from coach.reminders.schedule import Reminder
from coach.reminders.scheduler_files import (
    LAUNCH_LABEL,
    TASK_NAME,
    UNIT_NAME,
    UnusablePath,
    check_command,
    cron_lines,
    launch_agent,
    systemd_service,
    systemd_timer,
    windows_task,
)

Run = Callable[..., subprocess.CompletedProcess[str]]


NO_SCHEDULER = N_("this computer has neither systemd nor cron, so nothing can wake coach at bedtime. "
                "Install cron (Debian or Ubuntu: sudo apt install cron; Fedora: sudo dnf install cronie; "
                "Arch: sudo pacman -S cronie) and run 'coach remind install' again. Until then, reminders "
                "show while coach is open")


class InstallError(Exception):
    pass


class NoScheduler(InstallError):
    """Nothing on this computer can run coach at a set time: the message says what to install."""


def state_file() -> Path:
    return locations.data_dir() / "scheduler.json"


def installed() -> dict[str, Any] | None:
    try:
        record = json.loads(state_file().read_text())
        return record if isinstance(record, dict) else None
    except (OSError, ValueError):
        return None


def coach_command() -> list[str]:
    """This very coach, whatever the scheduler's PATH: the interpreter running it now."""
    return [sys.executable, "-m", "coach"]


def choose_kind() -> str:
    if sys.platform == "darwin":
        return "launchd"
    if sys.platform == "win32":
        return "windows"
    if Path("/run/systemd/system").is_dir() and shutil.which("systemctl"):
        return "systemd"
    return "cron"


def systemd_unit_dir() -> Path:
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "systemd" / "user"


def _write(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Private (0600 in a 0700 folder, whatever the umask) and atomic: these say what runs at bedtime."""
    try:
        write_private(path, text, encoding=encoding)
    except OSError as error:
        raise InstallError(_("cannot write {path}: {problem}").format(path=path, problem=error.strerror or error)
                           ) from None


def _run(run: Run, command: Sequence[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        result = run(list(command), input=stdin, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InstallError(_("'{program}' could not run: {problem}").format(program=command[0], problem=error)
                           ) from None
    return result


def _checked(run: Run, command: Sequence[str], stdin: str | None = None) -> None:
    result = _run(run, command, stdin)
    if result.returncode != 0:
        raise InstallError(_("'{command}' failed: {problem}").format(command=" ".join(command),
                                                                    problem=result.stderr.strip() or result.returncode))


def _crontab(run: Run) -> list[str]:
    result = _run(run, ["crontab", "-l"])
    if result.returncode != 0:
        if "no crontab" in result.stderr.lower():
            return []
        raise InstallError(_("'{command}' failed: {problem}").format(command="crontab -l",
                                                                    problem=result.stderr.strip()))
    return str(result.stdout).splitlines()


def install(reminders: list[Reminder], kind: str | None = None, run: Run = subprocess.run,
            unit_dir: Path | None = None, agent_dir: Path | None = None) -> str:
    if installed():
        uninstall(run)  # replace, never duplicate
    kind = kind or choose_kind()
    command = coach_command()
    try:  # before anything is written: a path no scheduler can carry is refused whole
        check_command(command)
        if kind == "systemd":
            systemd_service(command)
    except UnusablePath as error:
        raise InstallError(str(error)) from None
    record: dict[str, Any] = {"kind": kind, "files": [], "cron_lines": []}
    if kind == "systemd":
        folder = unit_dir or systemd_unit_dir()
        for suffix, text in (("service", systemd_service(command)), ("timer", systemd_timer(reminders))):
            path = folder / f"{UNIT_NAME}.{suffix}"
            _write(path, text)
            record["files"].append(str(path))
        _checked(run, ["systemctl", "--user", "daemon-reload"])
        _checked(run, ["systemctl", "--user", "enable", "--now", f"{UNIT_NAME}.timer"])
        done = _("Reminders will now fire with no terminal open, through a systemd user timer ({path}).").format(
            path=f"{folder / UNIT_NAME}.timer")
    elif kind == "cron":
        if shutil.which("crontab") is None:
            raise NoScheduler(_(NO_SCHEDULER))
        lines = cron_lines(reminders, command)
        _checked(run, ["crontab", "-"], "\n".join(_crontab(run) + lines) + "\n")
        record["cron_lines"] = lines
        done = _("Reminders will now fire with no terminal open, through your crontab (crontab -l shows it).")
    elif kind == "launchd":
        folder = agent_dir or Path.home() / "Library" / "LaunchAgents"
        path = folder / f"{LAUNCH_LABEL}.plist"
        _write(path, launch_agent(reminders, command))
        record["files"].append(str(path))
        _checked(run, ["launchctl", "load", "-w", str(path)])
        done = _("Reminders will now fire with no terminal open, through a LaunchAgent ({path}).").format(path=path)
    elif kind == "windows":
        path = locations.data_dir() / f"{TASK_NAME}.xml"
        _write(path, windows_task(reminders, command), encoding="utf-16")
        record["files"].append(str(path))
        _checked(run, ["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(path), "/F"])
        done = _("Reminders will now fire with no terminal open, through a scheduled task ({task}).").format(
            task=TASK_NAME)
    else:
        raise InstallError(_("unknown scheduler '{kind}'").format(kind=kind))
    _write(state_file(), json.dumps(record, indent=2))
    return done


def uninstall(run: Run = subprocess.run) -> str:
    record = installed()
    if not record:
        return _("Nothing to remove: reminders were not installed.")
    kind = record["kind"]
    if kind == "systemd":
        _run(run, ["systemctl", "--user", "disable", "--now", f"{UNIT_NAME}.timer"])
    elif kind == "launchd":
        _run(run, ["launchctl", "unload", "-w", *record["files"]])
    elif kind == "windows":
        _run(run, ["schtasks", "/Delete", "/TN", TASK_NAME, "/F"])
    elif kind == "cron":
        ours = set(record["cron_lines"])
        kept = [line for line in _crontab(run) if line not in ours]
        _checked(run, ["crontab", "-"], "\n".join(kept) + "\n" if kept else "")
    for name in record["files"]:
        Path(name).unlink(missing_ok=True)
    if kind == "systemd":
        _run(run, ["systemctl", "--user", "daemon-reload"])
    state_file().unlink(missing_ok=True)
    return _("Removed what 'coach remind install' had added; nothing else was touched.")


def refresh_if_installed(reminders: list[Reminder], run: Run = subprocess.run) -> str | None:
    """After reminders change, rewrite the installed schedule so its times stay exact."""
    record = installed()
    if not record:
        return None
    return install(reminders, record["kind"], run,
                   unit_dir=Path(record["files"][0]).parent if record["kind"] == "systemd" else None,
                   agent_dir=Path(record["files"][0]).parent if record["kind"] == "launchd" else None)
