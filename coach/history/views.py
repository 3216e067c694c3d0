"""History, stats and the doctor's report as plain text and Markdown."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from coach.durations import format_clock
from coach.history.nights import night_of
from coach.history.stats import Group, Stats, compute
from coach.history.store import CrampRecord, SessionRecord
from coach.safety import tier_lines
from coach.words import count_of


def history_table(sessions: list[SessionRecord], cramps: list[CrampRecord]) -> str:
    rows = [(s.started_at, "routine", f"{s.title} ({s.routine})",
             f"{s.status}, {format_clock(s.actual_seconds)} of {format_clock(s.planned_seconds)}")
            for s in sessions]
    rows += [(c.at, "cramp", f"{c.leg} leg, severity {c.severity}/10",
              (f"{c.minutes:g} min" if c.minutes is not None else "") + (f"  {c.note}" if c.note else ""))
             for c in cramps]
    if not rows:
        return "No history yet. It fills in as you finish routines and log cramps (coach cramp)."
    lines = [f"{'WHEN':<17}  {'NIGHT OF':<10}  {'WHAT':<7}  DETAILS"]
    for moment, kind, what, details in sorted(rows, key=lambda row: row[0]):
        lines.append(f"{moment.strftime('%Y-%m-%d %H:%M'):<17}  {night_of(moment).isoformat():<10}  "
                     f"{kind:<7}  {what}{'  ' + details if details else ''}")
    return "\n".join(lines)


def _group_line(name: str, group: Group) -> str:
    if not group.nights:
        return f"  {name}: no nights yet"
    severity = f", mean severity {group.mean_severity:.1f}/10" if group.mean_severity is not None else ""
    return (f"  {name}: {group.per_night:.2f} cramps a night over {count_of(group.nights, 'night', 'nights')} "
            f"({count_of(group.cramps, 'cramp', 'cramps')}{severity})")


def stats_text(stats: Stats) -> str:
    lines = [
        f"Streak: {count_of(stats.current_streak, 'night', 'nights')} in a row (best {stats.best_streak})",
        f"Routines done: {stats.done_last_7} of the last 7 nights, {stats.done_last_30} of the last 30",
        "Cramps:",
        _group_line("after a completed routine", stats.with_routine),
        _group_line("on nights without one", stats.without_routine),
    ]
    if stats.warning:
        lines.append(stats.warning)
    return "\n".join(lines)


def report_markdown(sessions: list[SessionRecord], cramps: list[CrampRecord], now: datetime,
                    weeks: int) -> str:
    since = night_of(now) - timedelta(weeks=weeks)
    sessions = [s for s in sessions if s.night > since]
    cramps = [c for c in cramps if c.night > since]
    stats = compute(sessions, cramps, now)
    nights = weeks * 7
    done = len({s.night for s in sessions if s.status == "completed"})
    cramp_nights = len({c.night for c in cramps})
    legs = Counter(c.leg for c in cramps)
    routines = Counter(s.title for s in sessions if s.status == "completed")
    lines = [
        f"# Night leg cramps: {weeks}-week summary",
        "",
        f"From the night of {(since + timedelta(days=1)).isoformat()} to {now.date().isoformat()}, "
        "recorded with coach (a bedtime stretching coach). Cramps are as the person logged them.",
        "",
        "## Stretching",
        f"- Routine completed on {done} of {nights} nights ({100 * done / nights:.0f}%).",
        f"- Longest run of nights in a row: {stats.best_streak}.",
    ]
    lines += [f"- {title}: {count_of(count, 'time', 'times')}" for title, count in routines.most_common()]
    lines += ["", "## Cramps", f"- {count_of(len(cramps), 'cramp', 'cramps')} on {cramp_nights} of {nights} nights."]
    if cramps:
        lines.append(f"- Side: left {legs['left']}, right {legs['right']}, both {legs['both']}.")
        durations = [c.minutes for c in cramps if c.minutes is not None]
        if durations:
            lines.append(f"- Longest cramp: {max(durations):g} minutes.")
        lines += ["", "| week starting | cramps | mean severity (1-10) |", "|---|---|---|"]
        for week in range(weeks):
            start = since + timedelta(days=1 + 7 * week)
            found = [c for c in cramps if start <= c.night < start + timedelta(days=7)]
            mean = f"{sum(c.severity for c in found) / len(found):.1f}" if found else "–"
            lines.append(f"| {start.isoformat()} | {len(found)} | {mean} |")
    lines += ["", "## Nights with and without the routine",
              _group_line("After a completed routine", stats.with_routine).strip(),
              "", _group_line("Without one", stats.without_routine).strip()]
    if stats.warning:
        lines += ["", f"*{stats.warning}*"]
    long_cramps = [c for c in cramps if c.minutes is not None and c.minutes > 10]
    if long_cramps:
        lines += ["", f"**{len(long_cramps)} cramp(s) lasted more than 10 minutes.**"]
    lines += ["", "## When coach tells the person to get help", *tier_lines("- ")]
    lines += ["", "---", "This is a record kept by the person, not a medical assessment."]
    return "\n".join(lines) + "\n"
