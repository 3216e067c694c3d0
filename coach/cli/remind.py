"""coach remind: bedtime reminders that fire once, late rather than never."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta

from coach.cli.history_access import HistoryUserError, open_history
from coach.durations import DurationError, parse_duration
from coach.engine.timeline import build_timeline
from coach.history.store import now_local
from coach.i18n import _
from coach.local_format import day_date, time_of_day, weekday
from coach.printable import visible
from coach.reminders import scheduler_install
from coach.reminders.due import MORNING, TITLE, run_due
from coach.reminders.notify import deliver
from coach.reminders.outcomes import outcome_words, tonight_outcomes
from coach.reminders.schedule import ScheduleError, next_due, parse_days, parse_time, same_as
from coach.reminders.store import ReminderStore
from coach.routines.library import load_library
from coach.routines.pregnancy import routine_for
from coach.settings import load_settings


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    remind = commands.add_parser("remind", help=_("bedtime reminders on your desktop"),
                                 description=_("Bedtime reminders: a desktop notification at the time "
                                               "you choose. 'coach remind due' is what a scheduler runs."))
    actions = remind.add_subparsers(dest="remind_command", metavar="ACTION", required=True)

    def action(name: str, short: str, long: str) -> argparse.ArgumentParser:
        # help= is the line in 'coach remind --help'; description= is what 'coach remind NAME --help' says.
        return actions.add_parser(name, help=short, description=long)

    add = action("add", _("remind me at a time, e.g. coach remind add 9pm --days weekdays"),
                 _("Add a bedtime reminder: a desktop notification at this time on these days, suggesting a "
                   "routine. It stays quiet on a night the routine is already done. An identical reminder "
                   "is refused."))
    add.add_argument("time", help=_("local time: 21:30 or 9pm"))
    add.add_argument("--days", default="daily",
                     help=_("daily, weekdays, weekends, mon-fri or sat,sun (default: daily)"))
    add.add_argument("--routine", default="evening", help=_("the routine to suggest (default: evening)"))
    add.add_argument("--morning", action="store_true",
                     help=_("a morning check-in instead: 'How was last night?' (quiet once you have answered)"))
    action("list", _("your reminders and when the next one is"),
           _("List your reminders with their numbers, when each is next due, and what each did tonight "
             "(for example 'quiet: done tonight')."))
    remove = action("remove", _("delete a reminder"),
                    _("Delete one reminder, by the number 'coach remind list' shows. The others stay."))
    remove.add_argument("id", type=int, help=_("its number, from 'coach remind list'"))
    action("pause", _("no reminders until 'coach remind resume'"),
           _("Pause every reminder (on holiday, say) until 'coach remind resume'. Nothing is deleted."))
    action("resume", _("turn paused reminders back on"), _("Turn paused reminders back on."))
    snooze = action("snooze", _("remind me again in a while, e.g. coach remind snooze 15m"),
                    _("Remind me again after this long, once: 15m, 1h, 90 (seconds). Until then no other "
                      "reminder is sent."))
    snooze.add_argument("duration", help=_("how long: 15m, 1h, 90"))
    action("test", _("send one reminder now and say how it was delivered"),
           _("Send one reminder now and say how it was delivered: a desktop notification, or the terminal "
             "if there is no desktop."))
    action("due", _("send a reminder if one is due (run by a scheduler; safe to repeat)"),
           _("Send a reminder if one is due now. A scheduler (systemd, cron, launchd) runs this every few "
             "minutes; running it twice never sends twice."))
    action("install", _("fire reminders with no terminal open (systemd, cron, launchd, Task Scheduler)"),
           _("Set up this computer's scheduler (a systemd user timer, cron, launchd or Task Scheduler) to "
             "run 'coach remind due', so reminders come with no terminal open."))
    action("uninstall", _("remove exactly what 'install' added"),
           _("Remove exactly what 'coach remind install' added, and nothing else."))


def when_words(until: datetime, now: datetime) -> str:
    """'at 22:15' today; 'on Wed 02 Dec at 02:15' on any other day, so a long snooze is not misread."""
    if until.date() == now.date():
        return _("at {time}").format(time=time_of_day(until))
    return _("on {day} at {time}").format(day=day_date(until), time=time_of_day(until))


def _moment(at: datetime) -> str:
    """'Wed 02 Dec 21:30', in the person's language."""
    return f"{day_date(at)} {time_of_day(at)}"


def _reminder_store() -> ReminderStore:
    return ReminderStore(open_history())


def _routines() -> dict[str, tuple[str, int]]:
    """Each routine as 'coach run NAME' will run it: the pregnancy version for someone pregnant."""
    library, pregnant = load_library(), load_settings().settings.pregnant
    running = {name: routine_for(library, name, pregnant) for name in library.routines}
    return {name: (r.title, build_timeline(r).total) for name, r in running.items()}


def command_remind(arguments: argparse.Namespace) -> int:
    return {"add": _add, "list": _list, "remove": _remove, "pause": _pause, "resume": _resume,
            "snooze": _snooze, "test": _test, "due": _due, "install": _install,
            "uninstall": _uninstall}[arguments.remind_command](arguments)


def _install(arguments: argparse.Namespace) -> int:
    store = _reminder_store()
    if not store.all():
        raise HistoryUserError(_("there are no reminders to install — add one first: coach remind add 21:30"))
    try:
        print(scheduler_install.install(store.all()))
    except scheduler_install.InstallError as error:
        if isinstance(error, scheduler_install.NoScheduler):
            raise HistoryUserError(str(error)) from None
        raise HistoryUserError(_("{problem} — nothing was changed that needs undoing; try 'coach remind "
                                 "uninstall' and install again").format(problem=error)) from None
    return 0


def _uninstall(arguments: argparse.Namespace) -> int:
    try:
        print(scheduler_install.uninstall())
    except scheduler_install.InstallError as error:
        raise HistoryUserError(str(error)) from None
    return 0


def _refresh(store: ReminderStore) -> None:
    try:
        message = scheduler_install.refresh_if_installed(store.all())
    except scheduler_install.InstallError as error:
        print("coach: " + _("the installed schedule could not be updated: {problem}").format(problem=error),
              file=sys.stderr)
        return
    if message:
        print(_("The installed schedule was updated."))


def _add(arguments: argparse.Namespace) -> int:
    try:
        at, days = parse_time(arguments.time), parse_days(arguments.days)
    except ScheduleError as error:
        raise HistoryUserError(str(error)) from None
    if arguments.morning:
        arguments.routine = MORNING
    elif arguments.routine not in _routines():
        raise HistoryUserError(_("there is no routine called '{name}' — {hint}").format(
            name=arguments.routine, hint=_("run 'coach list' to see them")))
    store = _reminder_store()
    twin = same_as(store.all(), at, days, arguments.routine)
    if twin is not None:
        raise HistoryUserError(_("reminder {id} is already set for {time} {days} for '{routine}' — "
                                 "'coach remind list' shows it").format(
            id=twin.id, time=at.strftime("%H:%M"), days=twin.days_text, routine=arguments.routine))
    reminder_id = store.add(at, days, arguments.routine)
    _refresh(store)
    reminder = next(r for r in store.all() if r.id == reminder_id)
    what = _("the morning check-in") if arguments.morning else f"'{arguments.routine}'"
    print(_("Reminder {id}: {time} {days}, for {what}. Next: {next}.").format(
        id=reminder_id, time=at.strftime("%H:%M"), days=reminder.days_text, what=what,
        next=_moment(next_due(reminder, now_local()))))
    if scheduler_install.installed() is None:
        print(_("To have reminders fire with no terminal open, run: coach remind install"))
    return 0


def _list(arguments: argparse.Namespace) -> int:
    store = _reminder_store()
    now = now_local()
    reminders = store.all()
    if not reminders:
        print(_("No reminders. Add one with: coach remind add 21:30"))
        return 0
    if store.paused:
        print(_("Reminders are paused ('coach remind resume' turns them back on)."))
    tonight = tonight_outcomes(store, now)
    for r in reminders:
        done = f"  {tonight[r.id]}" if r.id in tonight else ""
        following = _("next {when}").format(when=_moment(next_due(r, now)))
        print(f"{r.id:>3}  {r.at.strftime('%H:%M')}  {r.days_text:<28} {r.routine:<12} {following}{done}")
    if store.snoozed_until:
        print(_("Snoozed: the next reminder comes {when}.").format(when=when_words(store.snoozed_until, now)))
    missed = store.missed_since(now - timedelta(days=7))
    if missed:
        print(_("Missed in the last week (the computer was off or asleep): {times}").format(
            times=", ".join(f"{weekday(when)} {time_of_day(when)}" for _id, when in missed)))
    return 0


def _remove(arguments: argparse.Namespace) -> int:
    store = _reminder_store()
    if not store.remove(arguments.id):
        raise HistoryUserError(_("there is no reminder {id} — 'coach remind list' shows them").format(id=arguments.id))
    print(_("Reminder {id} removed.").format(id=arguments.id))
    _refresh(store)
    return 0


def _pause(arguments: argparse.Namespace) -> int:
    _reminder_store().set_paused(True)
    print(_("Reminders paused. 'coach remind resume' turns them back on."))
    return 0


def _resume(arguments: argparse.Namespace) -> int:
    _reminder_store().set_paused(False)
    print(_("Reminders are on."))
    return 0


def _snooze(arguments: argparse.Namespace) -> int:
    if arguments.duration.startswith("-"):
        raise HistoryUserError(_("snooze '{duration}' would end before now — give how long to wait, like 15m").format(
            duration=arguments.duration))
    try:
        seconds = parse_duration(arguments.duration)
    except DurationError as error:
        raise HistoryUserError(_("snooze '{duration}' {problem} — give a time like 15m").format(
            duration=arguments.duration, problem=error)) from None
    now = now_local()
    until = now + timedelta(seconds=seconds)
    _reminder_store().snooze(until)
    print(_("Snoozed: you will be reminded {when} (if 'coach remind due' runs then).").format(
        when=when_words(until, now)))
    return 0


def _test(arguments: argparse.Namespace) -> int:
    delivery = deliver(_(TITLE), _("This is a test from coach. Reminders will look like this."))
    if delivery.ok:
        print(_("Sent by {via}. (Desktop notifications failed: {detail})").format(
            via=delivery.via, detail=delivery.detail) if delivery.via == "terminal" else
            _("Sent by {via}.").format(via=delivery.via))
        return 0
    print(_("Could not show a reminder: {detail}").format(detail=delivery.detail))
    return 1


def _due(arguments: argparse.Namespace) -> int:
    store = _reminder_store()
    results = run_due(store, _routines(), deliver, now_local())
    for result in results:
        line = _("reminder {id} for {time}: {outcome}").format(
            id=result.reminder_id, time=time_of_day(result.scheduled_for), outcome=outcome_words(result.outcome))
        print(_("{line} by {via}").format(line=line, via=result.delivery.via) if result.delivery else line)
    attempted = [result for result in results if result.delivery is not None]
    if attempted and not any(result.delivery.ok for result in attempted if result.delivery):
        # The scheduler's own log (journalctl, cron mail) then shows that nothing reached the person.
        reasons = "; ".join(result.delivery.detail for result in attempted if result.delivery)
        print("coach: " + _("no reminder could be shown: {reasons}").format(reasons=visible(reasons)), file=sys.stderr)
        return 1
    return 0


HANDLERS = {"remind": command_remind}
