"""The history commands: coach cramp, history, stats and report."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from coach.cli import collector
from coach.cli.history_access import HistoryUserError, open_history
from coach.files import create_private
from coach.history.cramp_entry import (
    LEGS,
    PLACES,
    CrampEntry,
    CrampValueError,
    check_leg,
    check_minutes,
    check_note,
    check_place,
    check_severity,
    parse_minutes,
    parse_severity,
    parse_yes_no,
)
from coach.history.nights import last_complete_night, night_of
from coach.history.plan import (
    CHOICE_NOTE,
    MIN_PAIRS,
    PROGRAMME,
    TEST,
    Comparison,
    last_night,
    programme_weeks,
    randomised_weeks,
    tonight_text,
)
from coach.history.report import DoctorDetails, build_report, report_html, report_markdown
from coach.history.stats import compute
from coach.history.store import HistoryStore, now_local
from coach.history.transfer import TransferError, export_history, import_history
from coach.history.views import history_table, plan_so_far, plan_text, stats_text
from coach.history.when import EXAMPLES, WhenError, parse_when
from coach.i18n import N_, _, ngettext
from coach.local_format import day_date, time_of_day
from coach.printable import describe, first_unprintable, visible
from coach.safety import long_cramp_advice
from coach.settings import load_settings
from coach.words import count_of, count_words, leg_words

CSV_KINDS = ("routines", "cramps", "checkins")
T = TypeVar("T")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cramp = commands.add_parser("cramp", help=_("log a night cramp in your diary"),
                                description=_("Log a cramp: when, which leg, how bad (1-10), how long."))
    cramp.add_argument("--when", help=_("when it happened: {examples} (default: now)").format(examples=_(EXAMPLES)))
    cramp.add_argument("--leg", choices=LEGS, help=_("which leg"))
    cramp.add_argument("--where", choices=PLACES, help=_("where in the leg (default: calf)"))
    cramp.add_argument("--severity", type=int, metavar="1-10", help=_("how bad, from 1 (mild) to 10 (worst)"))
    cramp.add_argument("--minutes", type=float, help=_("how long it lasted, in minutes"))
    cramp.add_argument("--woke", action=argparse.BooleanOptionalAction,
                       help=_("whether it woke you (--no-woke: you were already awake)"))
    cramp.add_argument("--note", help=_("anything else worth remembering"))
    change = cramp.add_mutually_exclusive_group()
    change.add_argument("--edit", type=int, metavar="ID",
                        help=_("correct entry ID (shown by 'coach history'): only the options given change"))
    change.add_argument("--delete", type=int, metavar="ID", help=_("delete entry ID (shown by 'coach history')"))
    checkin = commands.add_parser("checkin", help=_("answer for last night: were there cramps?"),
                                  description=_("Answer the morning question for a night. A night with no "
                                                "answer is left out of every rate, never counted as cramp-free. "
                                                "To say there were cramps, log them with 'coach cramp'."))
    checkin.add_argument("--none", action="store_true", help=_("no cramps that night"))
    checkin.add_argument("--night", help=_("which night, as the date it began (default: last night)"))
    history = commands.add_parser("history", help=_("recent routines and cramps"),
                                  description=_("Show recent routines and cramps, or export them all."))
    history.add_argument("action", nargs="?", choices=("show", "export", "import"), default="show",
                         help=_("export FILE: everything as JSON, for another computer; import FILE: add it here"))
    history.add_argument("file", nargs="?", type=Path, metavar="FILE", help=_("the JSON file to export to or import"))
    history.add_argument("--days", type=int, default=30, help=_("how far back to show (default 30)"))
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help=_("everything, as JSON"))
    form.add_argument("--csv", choices=CSV_KINDS, metavar="{routines,cramps,checkins}",
                      help=_("one kind of entry as CSV, with columns of its own"))
    plan = commands.add_parser(
        "plan", help=_("a personal trial: is the routine helping you?"),
        description=_("Start, follow or end a personal trial. 'coach plan start' begins the 6-week programme: "
                      "a baseline week of morning answers with your usual habits, then the routine every night "
                      "for 6 weeks. 'coach plan start --test' instead pairs routine weeks with usual weeks in "
                      "an order chosen by a coin. 'coach plan' says where you are tonight and the result so far."))
    plan.add_argument("action", nargs="?", choices=("show", "start", "stop"), default="show")
    plan.add_argument("--test", action="store_true", help=_("randomised pairs of weeks instead of the programme"))
    plan.add_argument("--pairs", type=int, default=MIN_PAIRS,
                      help=_("with --test: how many pairs of weeks (at least {pairs}, the default)").format(
                          pairs=MIN_PAIRS))
    commands.add_parser("stats", help=_("streaks, and cramps with and without the routine"),
                        description=_("Your streak, nights done, and cramps on nights after a completed "
                                      "routine versus nights without."))
    report = commands.add_parser("report", help=_("write a one-page summary for your doctor"),
                                 description=_("Write a one-page summary to take to a doctor, as Markdown and as a "
                                               "printable HTML page. An older report is never replaced. Medicines "
                                               "and symptoms come from the [doctor] table of settings.toml."))
    report.add_argument("--weeks", type=int, default=6, help=_("how many weeks to cover (default 6)"))
    report.add_argument("--output", type=Path,
                        help=_("where to write it (default: coach-report-DATE.md and .html here)"))


def command_cramp(arguments: argparse.Namespace) -> int:
    if arguments.delete is not None:
        return _delete_cramp(arguments.delete)
    if arguments.edit is not None:
        return _edit_cramp(arguments)
    now = now_local()
    try:
        at = parse_when(arguments.when or "now", now)
        leg = check_leg(arguments.leg) if arguments.leg else _ask(N_("Which leg? (left, right, both)"), check_leg)
        place = arguments.where or ("calf" if not _asking() else _ask(
            N_("Where in the leg? (calf, foot, thigh; Enter for calf)"), lambda t: check_place(t or "calf")))
        severity = check_severity(arguments.severity) if arguments.severity is not None else _ask(
            N_("How bad, from 1 (mild) to 10 (worst)?"), parse_severity)
        minutes = check_minutes(arguments.minutes) if arguments.minutes is not None else (
            _ask(N_("How long did it last, in minutes? (Enter if you don't know)"), parse_minutes)
            if _asking() else None)
        woke = arguments.woke if arguments.woke is not None or not _asking() else _ask(
            N_("Did it wake you? (y/n, Enter to skip)"), parse_yes_no)
        note = check_note(arguments.note) if arguments.note is not None else (
            _ask(N_("Anything else? (Enter to skip)"), check_note) if _asking() else None)
    except (WhenError, CrampValueError) as error:
        raise HistoryUserError(str(error)) from None
    unprintable = first_unprintable(note or "", allow_newline=True)
    if unprintable is not None:
        raise HistoryUserError(_("the note contains {character} — write it as plain text").format(
            character=describe(unprintable)))
    store = open_history()
    cramp_id = store.add_cramp(CrampEntry(at, leg, severity, minutes, note, place, woke))
    print(_("Logged #{id}: {leg}, severity {severity}/10, {when} (the night of {night}).").format(
        id=cramp_id, leg=leg_words(leg, place), severity=severity, when=_moment(at), night=day_date(night_of(at))))
    advice = long_cramp_advice(minutes)
    if advice:
        print(advice)
    return 0


def _edit_cramp(arguments: argparse.Namespace) -> int:
    store = open_history()
    old = store.cramp(arguments.edit)
    if old is None:
        raise HistoryUserError(_("there is no cramp entry #{id} — 'coach history' shows each one's number").format(
            id=arguments.edit))
    try:
        at = old.at if arguments.when is None else parse_when(arguments.when, now_local())
        entry = CrampEntry(
            at, arguments.leg or old.leg, old.severity if arguments.severity is None else arguments.severity,
            old.minutes if arguments.minutes is None else arguments.minutes,
            old.note if arguments.note is None else arguments.note,
            arguments.where or old.place, old.woke if arguments.woke is None else arguments.woke)
        new = store.correct_cramp(old.id, entry)
    except (WhenError, CrampValueError) as error:
        raise HistoryUserError(str(error)) from None
    print(_("Corrected #{id}: {leg}, severity {severity}/10, {when}.").format(
        id=new.id, leg=leg_words(new.leg, new.place), severity=new.severity, when=_moment(new.at)))
    return 0


def _delete_cramp(cramp_id: int) -> int:
    store = open_history()
    try:
        gone = store.delete_cramp(cramp_id)
    except KeyError:
        raise HistoryUserError(_("there is no cramp entry #{id} — 'coach history' shows each one's number").format(
            id=cramp_id)) from None
    print(_("Deleted #{id}: {leg}, severity {severity}/10, {when}.").format(
        id=gone.id, leg=leg_words(gone.leg, gone.place), severity=gone.severity, when=_moment(gone.at)))
    return 0


def _moment(at: datetime) -> str:
    """'Mon 03 Nov 22:30', in the person's language."""
    return f"{day_date(at)} {time_of_day(at)}"


def _asking() -> bool:
    return sys.stdin.isatty()


def _ask(question: str, accept: Callable[[str], T]) -> T:
    """Ask until the answer is acceptable, saying each time what was wrong with the last one.
    `question` is marked with N_ where it is written, and asked in the person's language."""
    if not _asking():
        raise HistoryUserError(_("missing an answer to '{question}' — pass it as an option (see coach cramp --help)"
                                 ).format(question=_(question)))
    while True:
        try:
            return accept(input(f"{_(question)} ").strip().lower())
        except CrampValueError as error:
            print(f"  {error}")
        except EOFError:
            raise HistoryUserError(_("no answer given; nothing was logged")) from None


def command_checkin(arguments: argparse.Namespace) -> int:
    now = now_local()
    if arguments.night is None:
        night = last_complete_night(now)
    else:
        try:
            night = date.fromisoformat(arguments.night.strip())
        except ValueError:
            raise HistoryUserError(_("'{text}' is not a date — give the evening the night began, like 2026-11-21"
                                     ).format(text=arguments.night)) from None
        if night > last_complete_night(now):
            raise HistoryUserError(_("the night of {night} is not over yet — answer it in the morning").format(
                night=night.isoformat()))
    store = open_history()
    logged = [c for c in store.cramps(night) if c.night == night]
    if not arguments.none:
        state = (count_words(len(logged), "answered ({count} cramp logged)", "answered ({count} cramps logged)")
                 if logged else _("answered: no cramps") if store.is_answered(night) else _("not answered yet"))
        print(_("The night of {night}: {state}.").format(night=day_date(night), state=state))
        if not store.is_answered(night):
            print(_("Answer with 'coach checkin --none' or log each cramp with 'coach cramp'."))
        return 0
    if logged:
        raise HistoryUserError(ngettext(
            "you logged {count} cramp for the night of {night} — delete it first with "
            "'coach cramp --delete ID' if that was a mistake",
            "you logged {count} cramps for the night of {night} — delete them first with "
            "'coach cramp --delete ID' if that was a mistake", len(logged)).format(
                count=len(logged), night=night.isoformat()))
    store.check_in(night, now)
    print(_("Noted: no cramps on the night of {night}.").format(night=day_date(night)))
    return 0


def command_history(arguments: argparse.Namespace) -> int:
    if arguments.action in ("export", "import"):
        if arguments.file is None:
            raise HistoryUserError(_("name the file: coach history {action} FILE").format(action=arguments.action))
        return _export(arguments.file) if arguments.action == "export" else _import(arguments.file)
    if arguments.file is not None:
        raise HistoryUserError(_("a file goes with export or import: coach history import {file}").format(
            file=arguments.file))
    exporting = arguments.json or arguments.csv
    if not exporting and arguments.days < 1:
        raise HistoryUserError(_("--days {days} shows nothing — give 1 or more, like --days 30").format(
            days=arguments.days))
    store = open_history()
    if arguments.json:
        with collector.paused():
            _write_json({"routines": store.session_values(), "cramps": store.cramp_values(),
                         "checkins": store.answered_night_values()})
    elif arguments.csv:
        _write_csv(arguments.csv, store)
    else:
        since = night_of(now_local()) - timedelta(days=arguments.days)
        table = history_table(store.sessions(since), store.cramps(since))
        print(visible(table, allow_newline=True))  # notes and titles shown as text, never as escapes
    _say_damage(store)
    return 0


def _write_json(document: dict[str, Any]) -> None:
    """The document with an indent of two, as UTF-8 (the encoding JSON is exchanged in). orjson
    writes ten years of history several times faster than the standard library, which encodes in
    pure Python whenever it indents."""
    import orjson  # only for this command

    encoded = orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a text-only stream stands in for stdout (an embedding program's)
        sys.stdout.write(encoded.decode())
    else:
        binary.write(encoded)
        binary.flush()


def _say_damage(store: HistoryStore) -> None:
    for note in store.damaged:
        print("coach: " + _("{problem}; everything else is shown").format(problem=note), file=sys.stderr)


def _export(path: Path) -> int:
    store = open_history()
    document = export_history(store)
    try:
        create_private(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    except FileExistsError:
        raise HistoryUserError(_("{path} already exists — coach never replaces a file; choose a new name").format(
            path=path)) from None
    except OSError as error:
        raise HistoryUserError(_("cannot write {path}: {reason} — choose another place").format(
            path=path, reason=error.strerror)) from None
    print(_("Exported {routines}, {cramps}, {checkins} and {plans} to {path}.").format(
        **_counts(len(document["routines"]), len(document["cramps"]), len(document["checkins"]),
                  len(document["plans"])), path=path))
    return 0


def _import(path: Path) -> int:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HistoryUserError(_("there is no file {path}").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise HistoryUserError(_("cannot read {path}: {reason} — nothing was imported").format(
            path=path, reason=error)) from None
    except json.JSONDecodeError as error:
        raise HistoryUserError(_("{where}: damaged, not JSON ({reason}) — nothing was imported").format(
            where=f"{path}:{error.lineno}", reason=error.msg)) from None
    store = open_history()
    try:
        added = import_history(store, document)
    except TransferError as error:
        raise HistoryUserError(_("{path}: {problem} — nothing was imported").format(path=path, problem=error)) from None
    if added.total == 0:
        print(_("Nothing new in {path}: everything in it is already here.").format(path=path))
    else:
        print(_("Imported {routines}, {cramps}, {checkins} and {plans} from {path}.").format(
            **_counts(added.routines, added.cramps, added.checkins, added.plans), path=path))
    return 0


def _counts(routines: int, cramps: int, checkins: int, plans: int) -> dict[str, str]:
    return {"routines": count_of(routines, "routine", "routines"), "cramps": count_of(cramps, "cramp", "cramps"),
            "checkins": count_of(checkins, "check-in", "check-ins"), "plans": count_of(plans, "plan", "plans")}


def _write_csv(kind: str, store: HistoryStore) -> None:
    writer = csv.writer(sys.stdout)
    if kind == "routines":
        writer.writerow(["started_at", "night", "routine", "title", "status", "seconds_done", "seconds_planned"])
        for s in store.sessions():
            writer.writerow([s.started_at.isoformat(), s.night.isoformat(), s.routine, s.title, s.status,
                             round(s.actual_seconds), s.planned_seconds])
    elif kind == "cramps":
        writer.writerow(["id", "at", "night", "leg", "where", "severity", "minutes", "woke", "note"])
        for c in store.cramps():
            writer.writerow([c.id, c.at.isoformat(), c.night.isoformat(), c.leg, c.place or "", c.severity,
                             "" if c.minutes is None else f"{c.minutes:g}",
                             "" if c.woke is None else ("yes" if c.woke else "no"), c.note or ""])
    else:
        cramp_nights = {c.night for c in store.cramps()}
        writer.writerow(["night", "cramps"])
        for night in sorted(store.answered_nights()):
            writer.writerow([night.isoformat(), "yes" if night in cramp_nights else "no"])


def command_plan(arguments: argparse.Namespace) -> int:
    now = now_local()
    store = open_history()
    if arguments.action == "start":
        if arguments.test and arguments.pairs < MIN_PAIRS:
            raise HistoryUserError(_("--pairs {pairs} is too few to tell anything — give {least} or more").format(
                pairs=arguments.pairs, least=MIN_PAIRS))
        weeks = randomised_weeks(arguments.pairs) if arguments.test else programme_weeks()
        replaced = store.current_plan()
        first_night = now.date()  # this evening; in the small hours, the evening to come
        store.start_plan(TEST if arguments.test else PROGRAMME, first_night, weeks, now)
        if replaced is not None:
            print(_("Your earlier plan (started {night}) was ended; its nights stay in your history.").format(
                night=day_date(replaced.first_night)))
        print(count_words(len(weeks), "Started: {count} week from tonight. The first week is a baseline: keep your "
                                      "usual habits and answer each morning (coach checkin --none, or coach cramp).",
                          "Started: {count} weeks from tonight. The first week is a baseline: keep your "
                          "usual habits and answer each morning (coach checkin --none, or coach cramp)."))
        if arguments.test:
            print(_(CHOICE_NOTE))
        print(tonight_text(weeks, first_night, night_of(now)))
        return 0
    if arguments.action == "stop":
        print(_("Your plan was ended; its nights stay in your history.") if store.end_plan(now)
              else _("There is no plan running."))
        return 0
    plan = store.current_plan()
    if plan is None:
        print(_("No plan running. 'coach plan start' begins the 6-week programme; 'coach plan start --test' "
                "compares routine weeks with usual weeks in an order chosen by a coin."))
        return 0
    print(plan_text(store, plan, now))
    return 0


def command_stats(arguments: argparse.Namespace) -> int:
    store = open_history()
    print(stats_text(compute(store.night_records(), store.cramps(), now_local(), store.answered_nights())))
    _say_damage(store)
    return 0


def command_report(arguments: argparse.Namespace) -> int:
    if arguments.weeks < 1:
        raise HistoryUserError(_("--weeks must be 1 or more"))
    store = open_history()
    now = now_local()
    report = build_report(store.night_records(), store.cramps(), store.answered_nights(), now, arguments.weeks,
                          _doctor_details(), _plan_result(store, now), _observational(store, now))
    base = arguments.output.with_suffix("") if arguments.output else Path(f"coach-report-{now.date().isoformat()}")
    pages = {".md": report_markdown(report), ".html": report_html(report)}
    try:
        written = _write_new(base, pages)
    except OSError as error:
        raise HistoryUserError(_("cannot write {path}: {reason} — choose another place with --output").format(
            path=f"{base}.md", reason=error.strerror)) from None
    if written != base:
        print(_("An older report is at {old}; it was kept, and this one is {new}").format(
            old=f"{base}.md", new=f"{written.name}.md"))
    print(_("Wrote {markdown} and {html} (open the .html page in a browser to print it)").format(
        markdown=f"{written}.md", html=f"{written}.html"))
    return 0


def _write_new(base: Path, pages: dict[str, str]) -> Path:
    """Both pages under the first free name: base, base-2, base-3...; an older report is never replaced."""
    for number in range(1, 1000):
        candidate = base if number == 1 else base.with_name(f"{base.name}-{number}")
        if any(candidate.with_name(candidate.name + suffix).exists() for suffix in pages):
            continue
        created = []
        try:
            for suffix, text in pages.items():
                target = candidate.with_name(candidate.name + suffix)
                create_private(target, text)
                created.append(target)
        except FileExistsError:  # another report appeared at this name just now
            for path in created:
                path.unlink()
            continue
        return candidate
    raise HistoryUserError(_("there are already 999 reports named {name} — choose another name with --output").format(
        name=base.name))


def _doctor_details() -> DoctorDetails:
    settings = load_settings().settings
    return DoctorDetails.from_settings(settings.extra.get("doctor"), settings.pregnant)


def _plan_result(store: HistoryStore, now: datetime) -> tuple[str, Comparison] | None:
    plans = store.plans()
    if not plans:
        return None
    plan = plans[-1]
    name = ("test it for yourself (randomised weeks)" if plan.kind == TEST else "6-week programme") + (
        ", ended early" if plan.ended_at is not None and plan.ended_at.date() < last_night(plan.weeks, plan.first_night)
        else "")
    return name, plan_so_far(store, plan, now)


def _observational(store: HistoryStore, now: datetime) -> Comparison | None:
    return compute(store.night_records(), store.cramps(), now, store.answered_nights()).comparison


HANDLERS = {"cramp": command_cramp, "checkin": command_checkin, "plan": command_plan,
            "history": command_history, "stats": command_stats,
            "report": command_report}
