"""The history commands: coach cramp, history, stats and report."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from coach.cli.history_access import HistoryUserError, open_history
from coach.history.nights import night_of
from coach.history.stats import compute
from coach.history.store import now_local
from coach.history.views import history_table, report_markdown, stats_text
from coach.history.when import EXAMPLES, WhenError, parse_when
from coach.safety import long_cramp_advice

T = TypeVar("T")

LEGS = ("left", "right", "both")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cramp = commands.add_parser("cramp", help="log a night cramp in your diary",
                                description="Log a cramp: when, which leg, how bad (1-10), how long.")
    cramp.add_argument("--when", default="now", help=f"when it happened: {EXAMPLES} (default: now)")
    cramp.add_argument("--leg", choices=LEGS, help="which leg")
    cramp.add_argument("--severity", type=int, metavar="1-10", help="how bad, from 1 (mild) to 10 (worst)")
    cramp.add_argument("--minutes", type=float, help="how long it lasted, in minutes")
    cramp.add_argument("--note", help="anything else worth remembering")
    history = commands.add_parser("history", help="recent routines and cramps",
                                  description="Show recent routines and cramps, or export them all.")
    history.add_argument("--days", type=int, default=30, help="how far back to show (default 30)")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="everything, as JSON")
    form.add_argument("--csv", action="store_true", help="everything, as CSV")
    commands.add_parser("stats", help="streaks, and cramps with and without the routine",
                        description="Your streak, nights done, and cramps on nights after a completed "
                                    "routine versus nights without.")
    report = commands.add_parser("report", help="write a one-page summary for your doctor",
                                 description="Write a one-page Markdown summary to take to a doctor.")
    report.add_argument("--weeks", type=int, default=6, help="how many weeks to cover (default 6)")
    report.add_argument("--output", type=Path, help="where to write it (default: coach-report-DATE.md here)")


def command_cramp(arguments: argparse.Namespace) -> int:
    now = now_local()
    try:
        at = parse_when(arguments.when, now)
    except WhenError as error:
        raise HistoryUserError(str(error)) from None
    leg = arguments.leg or _ask("Which leg? (left, right, both)", lambda t: t if t in LEGS else None)
    severity = arguments.severity if arguments.severity is not None else _ask(
        "How bad, from 1 to 10?", lambda t: int(t) if t.isdigit() else None)
    if not 1 <= severity <= 10:
        raise HistoryUserError(f"severity {severity} is not between 1 and 10 — give a number from 1 to 10")
    if arguments.minutes is not None and arguments.minutes < 0:
        raise HistoryUserError("minutes cannot be negative — give how long it lasted, like 2")
    store = open_history()
    store.log_cramp(at, leg, severity, arguments.minutes, arguments.note)
    print(f"Logged: {leg} leg, severity {severity}/10, {at.strftime('%a %d %b %H:%M')} "
          f"(the night of {night_of(at).strftime('%a %d %b')}).")
    advice = long_cramp_advice(arguments.minutes)
    if advice:
        print(advice)
    return 0


def _ask(question: str, accept: Callable[[str], T | None]) -> T:
    if not sys.stdin.isatty():
        raise HistoryUserError(f"missing an answer to '{question}' — pass it as an option (see coach cramp --help)")
    while True:
        value = accept(input(f"{question} ").strip().lower())
        if value is not None:
            return value


def command_history(arguments: argparse.Namespace) -> int:
    store = open_history()
    exporting = arguments.json or arguments.csv
    since = None if exporting else night_of(now_local()) - timedelta(days=arguments.days)
    if arguments.json:
        # Values straight from the store: building records and dates only to write them out
        # again made ten years of history several times slower to export than an empty one.
        print(indented_json({"routines": store.session_values(), "cramps": store.cramp_values()}))
        return 0
    sessions, cramps = store.sessions(since), store.cramps(since)
    if arguments.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["kind", "when", "night", "what", "status_or_leg", "seconds_or_severity",
                         "planned_seconds_or_minutes", "note"])
        for s in sessions:
            writer.writerow(["routine", s.started_at.isoformat(), s.night.isoformat(), s.routine,
                             s.status, round(s.actual_seconds), s.planned_seconds, ""])
        for c in cramps:
            writer.writerow(["cramp", c.at.isoformat(), c.night.isoformat(), "cramp", c.leg,
                             c.severity, "" if c.minutes is None else c.minutes, c.note or ""])
    else:
        print(history_table(sessions, cramps))
    return 0


# The types a record's values have once dates are written out: what one C call encodes as is.
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def indented_json(value: Any, depth: int = 0) -> str:
    """What json.dumps(value, indent=2) gives, byte for byte, for dicts, lists and plain values.
    The standard library encodes in pure Python whenever it indents; here plain values go
    through its C encoder, which makes exporting ten years of history several times faster."""
    outer, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        if all(item is None or isinstance(item, (str, int, float)) for item in value.values()):
            # One call for a whole flat record: the separators lay its members out as indent would.
            return "{\n" + inner + json.dumps(value, separators=(",\n" + inner, ": "))[1:-1] + "\n" + outer + "}"
        members = (f"{inner}{json.dumps(str(key))}: {indented_json(item, depth + 1)}" for key, item in value.items())
        return "{\n" + ",\n".join(members) + "\n" + outer + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if _flat_records(value):
            return _indented_records(value, depth)
        return "[\n" + ",\n".join(inner + indented_json(item, depth + 1) for item in value) + "\n" + outer + "]"
    return json.dumps(value)


def _flat_records(items: list[Any] | tuple[Any, ...]) -> bool:
    """Every item a non-empty dict of plain values: the shape of an exported history."""
    return all(type(item) is dict and item for item in items) and \
        all(type(member) in PLAIN_TYPES for item in items for member in item.values())


def _indented_records(records: list[Any] | tuple[Any, ...], depth: int) -> str:
    """A list of flat records in one call to the C encoder. A JSON string never holds a line
    break (it is written as \\n), so the line breaks are all separators, and one closing brace,
    separator and opening brace in a row can only be the boundary between two records."""
    outer, inner, member = "  " * depth, "  " * (depth + 1), "  " * (depth + 2)
    separator = ",\n" + member
    body = json.dumps(records, separators=(separator, ": "))[2:-2]  # without the outer [{ and }]
    between = "\n" + inner + "},\n" + inner + "{\n" + member
    return "[\n" + inner + "{\n" + member + body.replace("}" + separator + "{", between) + \
        "\n" + inner + "}\n" + outer + "]"


def command_stats(arguments: argparse.Namespace) -> int:
    store = open_history()
    print(stats_text(compute(store.night_records(), store.cramps(), now_local())))
    return 0


def command_report(arguments: argparse.Namespace) -> int:
    if arguments.weeks < 1:
        raise HistoryUserError("--weeks must be 1 or more")
    store = open_history()
    now = now_local()
    text = report_markdown(store.sessions(), store.cramps(), now, arguments.weeks)
    path = arguments.output or Path(f"coach-report-{now.date().isoformat()}.md")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise HistoryUserError(f"cannot write {path}: {error.strerror} — choose another place with --output") from None
    print(f"Wrote {path}")
    return 0


HANDLERS = {"cramp": command_cramp, "history": command_history, "stats": command_stats,
            "report": command_report}
