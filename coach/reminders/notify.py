"""Getting a reminder in front of the person: a desktop notification, else the terminal, else a log.

plyer is used where it reports failure (its D-Bus backend, macOS, Windows). On Linux without
dbus-python it would fall back to notify-send and hide every failure, so coach calls notify-send
itself and checks its exit code. Nothing here waits more than `timeout` seconds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import warnings
from collections.abc import MutableMapping
from datetime import datetime
from pathlib import Path

from coach import locations
from coach.files import PRIVATE_FILE, private_dir
from coach.frozen import frozen
from coach.i18n import _
from coach.printable import visible

APP_NAME = "coach"
TIMEOUT_SECONDS = 2.0
SHOW_FOR_SECONDS = 30


@frozen
class Delivery:
    ok: bool
    via: str  # "desktop (plyer)", "desktop (notify-send)", "terminal" or "log"
    detail: str = ""


def ensure_bus_address(env: MutableMapping[str, str]) -> None:
    """Cron and systemd timers have no session bus address; the user's bus socket still exists."""
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        return
    runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    if Path(runtime, "bus").exists():
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={runtime}/bus"


def via_plyer(title: str, body: str, timeout: float) -> Delivery:
    if sys.platform.startswith("linux"):
        try:
            from plyer.platforms.linux import notification as linux_backend

            with warnings.catch_warnings():  # its advice about installing dbus is not for the person
                warnings.simplefilter("ignore")
                backend = linux_backend.instance()
            if type(backend).__name__ != "NotifyDbus":
                return Delivery(False, "desktop (plyer)", _("plyer has no D-Bus backend here"))
        except Exception as error:  # plyer raises NotImplementedError and more when it has no way
            return Delivery(False, "desktop (plyer)", _("plyer cannot notify here: {problem}").format(problem=error))
    outcome: list[Delivery] = []

    def send() -> None:
        try:
            from plyer import notification

            notification.notify(title=title, message=body, app_name=APP_NAME,
                                timeout=int(SHOW_FOR_SECONDS))  # plyer needs an int here
            outcome.append(Delivery(True, "desktop (plyer)"))
        except Exception as error:
            outcome.append(Delivery(False, "desktop (plyer)", str(error) or type(error).__name__))

    # A notification server that never answers blocks plyer for 25 s: never wait for it.
    worker = threading.Thread(target=send, daemon=True, name="coach-notify")
    worker.start()
    worker.join(timeout)
    return outcome[0] if outcome else Delivery(False, "desktop (plyer)", _no_answer(timeout))


def via_notify_send(title: str, body: str, timeout: float) -> Delivery:
    program = shutil.which("notify-send")
    if program is None:
        return Delivery(False, "desktop (notify-send)", _("notify-send is not installed"))
    try:
        # A group of its own: on a timeout, whatever it started (a wrapper script's children, a
        # D-Bus helper) is killed with it, not left running for cron to pile up.
        process = subprocess.Popen(
            [program, f"--app-name={APP_NAME}", f"--expire-time={SHOW_FOR_SECONDS * 1000}", title, body],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
    except OSError as error:
        return Delivery(False, "desktop (notify-send)", str(error))
    try:
        _output, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Delivery(False, "desktop (notify-send)", _no_answer(timeout))
    if process.returncode != 0:
        reason = (errors.strip().splitlines()[-1] if errors.strip()
                  else _("exit code {code}").format(code=process.returncode))
        return Delivery(False, "desktop (notify-send)", reason)
    return Delivery(True, "desktop (notify-send)")


def via_terminal(title: str, body: str) -> Delivery:
    try:
        with open("/dev/tty", "w") as tty:  # the person's terminal, even when output is redirected
            tty.write(f"\a{visible(title)}: {visible(body)}\n")
    except OSError as error:
        return Delivery(False, "terminal", _("no terminal: {problem}").format(problem=error.strerror))
    return Delivery(True, "terminal")


def log_line(title: str, body: str, reasons: list[str], shown_in: str | None = None) -> Path:
    path = locations.data_dir() / "reminders.log"
    private_dir(path.parent)
    outcome = f"shown in {shown_in} only" if shown_in else "not shown"
    line = visible(f"{datetime.now().astimezone().isoformat(timespec='seconds')} {title}: {body} "
                   f"({outcome}: {'; '.join(reasons)})")
    # 0600 whatever the umask, appended to (not replaced): a log of what was and was not shown.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
    with os.fdopen(descriptor, "a", encoding="utf-8") as log:
        log.write(line + "\n")
    return path


def deliver(title: str, body: str, timeout: float = TIMEOUT_SECONDS,
            env: MutableMapping[str, str] | None = None, terminal: bool = True) -> Delivery:
    ensure_bus_address(os.environ if env is None else env)
    reasons = []
    for attempt in (via_plyer, via_notify_send):
        result = attempt(title, body, timeout)
        if result.ok:
            return result
        reasons.append(f"{result.via}: {result.detail}")
    if terminal:
        result = via_terminal(title, body)
        if result.ok:
            log_line(title, body, reasons, shown_in="the terminal")  # why the desktop did not show it
            return Delivery(True, "terminal", "; ".join(reasons))
        reasons.append(f"terminal: {result.detail}")
    path = log_line(title, body, reasons)
    return Delivery(False, "log", _("{reasons} (written to {path})").format(reasons="; ".join(reasons), path=path))


def _no_answer(timeout: float) -> str:
    return _("no answer within {seconds} s").format(seconds=f"{timeout:g}")
