"""History, stats and the doctor's report as plain text and Markdown."""

from __future__ import annotations

from datetime import date, datetime

from coach.durations import format_clock
from coach.history.nights import last_complete_night, night_of
from coach.history.plan import (
    CHOICE_NOTE,
    TEST,
    TRIAL_REFERENCE,
    Comparison,
    Condition,
    plan_comparison,
    result_lines,
    tonight_text,
)
from coach.history.stats import Stats
from coach.history.store import CrampRecord, HistoryStore, PlanRecord, SessionRecord
from coach.words import count_of


def history_table(sessions: list[SessionRecord], cramps: list[CrampRecord]) -> str:
    rows = [(s.started_at, "routine", f"{s.title} ({s.routine})",
             f"{s.status}, {format_clock(s.actual_seconds)} of {format_clock(s.planned_seconds)}")
            for s in sessions]
    rows += [(c.at, "cramp", f"#{c.id} {c.leg} {c.place or 'leg'}, severity {c.severity}/10",
              "  ".join(part for part in (f"{c.minutes:g} min" if c.minutes is not None else "",
                                          "woke me" if c.woke else "", c.note or "") if part))
             for c in cramps]
    if not rows:
        return "No history yet. It fills in as you finish routines and log cramps (coach cramp)."
    lines = [f"{'WHEN':<17}  {'NIGHT OF':<10}  {'WHAT':<7}  DETAILS"]
    for moment, kind, what, details in sorted(rows, key=lambda row: row[0]):
        lines.append(f"{moment.strftime('%Y-%m-%d %H:%M'):<17}  {night_of(moment).isoformat():<10}  "
                     f"{kind:<7}  {what}{'  ' + details if details else ''}")
    return "\n".join(lines)


def _group_line(name: str, group: Condition) -> str:
    if not group.nights:
        return f"  {name}: no nights yet"
    severity = f", mean severity {group.mean_severity:.1f}/10" if group.mean_severity is not None else ""
    return (f"  {name}: {group.per_night:.2f} cramps a night over {count_of(group.nights, 'night', 'nights')} "
            f"({group.cramps} cramps{severity})")


def stats_text(stats: Stats) -> str:
    lines = [
        f"Streak: {count_of(stats.current_streak, 'night', 'nights')} in a row (best {stats.best_streak})",
        f"Routines done: {stats.done_last_7} of the last 7 nights, {stats.done_last_30} of the last 30",
        stats.answered_line,
        "Cramps on answered nights (observational: you chose which nights had the routine):",
        _group_line("after a completed routine", stats.with_routine),
        _group_line("on nights without one", stats.without_routine),
    ]
    if stats.warning:
        lines.append(stats.warning)
    elif stats.comparison is not None:
        lines += [f"  {line}" for line in result_lines(stats.comparison)[3:]]  # the group lines are above
    return "\n".join(lines)


def plan_text(store: HistoryStore, plan: PlanRecord, now: datetime) -> str:
    name = "Test it for yourself" if plan.kind == TEST else "6-week programme"
    lines = [f"{name}, started on the night of {plan.first_night.strftime('%a %d %b %Y')}.",
             tonight_text(plan.weeks, plan.first_night, night_of(now))]
    if plan.kind == TEST:
        lines.append(CHOICE_NOTE)
    comparison = plan_so_far(store, plan, now)
    lines += ["", "So far (routine nights against " + ("usual weeks" if plan.kind == TEST else "the baseline week")
              + "; nights count by the week they were planned for):"]
    lines += [f"  {line}" for line in result_lines(comparison)]
    lines += ["", TRIAL_REFERENCE]
    return "\n".join(lines)


def plan_so_far(store: HistoryStore, plan: PlanRecord, now: datetime) -> Comparison:
    severities: dict[date, list[int]] = {}
    for cramp in store.cramps(plan.first_night):
        severities.setdefault(cramp.night, []).append(cramp.severity)
    end = last_complete_night(now)
    if plan.ended_at is not None:
        end = min(end, night_of(plan.ended_at))
    return plan_comparison(plan.weeks, plan.first_night, store.answered_nights(plan.first_night), severities, end)
