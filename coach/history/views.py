"""History, stats and the doctor's report as plain text and Markdown."""

from __future__ import annotations

from datetime import date, datetime

from coach import local_format
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
from coach.i18n import ENGLISH, N_, _, current_language, pgettext
from coach.words import count_of, leg_words

# How a routine ended, as the history table says it (the store keeps the English word).
STATUS_WORDS = {"completed": N_("completed"), "partial": N_("partial"), "interrupted": N_("interrupted"),
                "running": N_("running")}


def status_words(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def minutes_text(minutes: float) -> str:
    """'1.5 min' ('1,5 Min.' in German): how long a cramp lasted, as precise as it was typed."""
    number = f"{minutes:g}"  # as typed: 2, 1.5 or 0.25, never padded to a fixed precision
    return _("{minutes} min").format(minutes=number if current_language() == ENGLISH else number.replace(".", ","))


def history_table(sessions: list[SessionRecord], cramps: list[CrampRecord]) -> str:
    routine, cramp = pgettext("history table", "routine"), pgettext("history table", "cramp")
    rows = [(s.started_at, routine, f"{s.title} ({s.routine})",
             _("{status}, {actual} of {planned}").format(status=status_words(s.status),
                                                         actual=format_clock(s.actual_seconds),
                                                         planned=format_clock(s.planned_seconds)))
            for s in sessions]
    rows += [(c.at, cramp, _("#{id} {leg}, severity {severity}/10").format(id=c.id, leg=leg_words(c.leg, c.place),
                                                                          severity=c.severity),
              "  ".join(part for part in (minutes_text(c.minutes) if c.minutes is not None else "",
                                          _("woke me") if c.woke else "", c.note or "") if part))
             for c in cramps]
    if not rows:
        return _("No history yet. It fills in as you finish routines and log cramps (coach cramp).")
    headers = (_("WHEN"), _("NIGHT OF"), _("WHAT"), _("DETAILS"))
    # English keeps its columns; a longer word in another language widens its column.
    when_width, night_width = max(17, len(headers[0])), max(10, len(headers[1]))
    what_width = max(7, len(headers[2]), len(routine), len(cramp))
    lines = [f"{headers[0]:<{when_width}}  {headers[1]:<{night_width}}  {headers[2]:<{what_width}}  {headers[3]}"]
    for moment, kind, what, details in sorted(rows, key=lambda row: row[0]):
        when, night = moment.strftime("%Y-%m-%d %H:%M"), night_of(moment).isoformat()
        lines.append(f"{when:<{when_width}}  {night:<{night_width}}  {kind:<{what_width}}  "
                     f"{what}{'  ' + details if details else ''}")
    return "\n".join(lines)


def _group_line(name: str, group: Condition) -> str:
    if group.per_night is None:
        return "  " + _("{name}: no nights yet").format(name=name)
    filled = {"name": name, "rate": local_format.decimal(group.per_night, 2),
              "nights": count_of(group.nights, "night", "nights"), "cramps": count_of(group.cramps, "cramp", "cramps")}
    if group.mean_severity is None:
        return "  " + _("{name}: {rate} cramps a night over {nights} ({cramps})").format(**filled)
    return "  " + _("{name}: {rate} cramps a night over {nights} ({cramps}, mean severity {severity}/10)").format(
        severity=local_format.decimal(group.mean_severity, 1), **filled)


def stats_text(stats: Stats) -> str:
    lines = [
        _("Streak: {nights} in a row (best {best})").format(
            nights=count_of(stats.current_streak, "night", "nights"), best=stats.best_streak),
        _("Routines done: {last_7} of the last 7 nights, {last_30} of the last 30").format(
            last_7=stats.done_last_7, last_30=stats.done_last_30),
        stats.answered_line,
        _("Cramps on answered nights (observational: you chose which nights had the routine):"),
        _group_line(_("after a completed routine"), stats.with_routine),
        _group_line(_("on nights without one"), stats.without_routine),
    ]
    if stats.warning:
        lines.append(stats.warning)
    elif stats.comparison is not None:
        lines += [f"  {line}" for line in result_lines(stats.comparison)[3:]]  # the group lines are above
    return "\n".join(lines)


def plan_text(store: HistoryStore, plan: PlanRecord, now: datetime) -> str:
    started = local_format.day_date_year(plan.first_night)
    lines = [(_("Test it for yourself, started on the night of {date}.") if plan.kind == TEST
              else _("6-week programme, started on the night of {date}.")).format(date=started),
             tonight_text(plan.weeks, plan.first_night, night_of(now))]
    if plan.kind == TEST:
        lines.append(_(CHOICE_NOTE))
    comparison = plan_so_far(store, plan, now)
    lines += ["", _("So far (routine nights against usual weeks; nights count by the week they were planned for):")
              if plan.kind == TEST else
              _("So far (routine nights against the baseline week; nights count by the week they were planned for):")]
    lines += [f"  {line}" for line in result_lines(comparison)]
    lines += ["", _(TRIAL_REFERENCE)]
    return "\n".join(lines)


def plan_so_far(store: HistoryStore, plan: PlanRecord, now: datetime) -> Comparison:
    severities: dict[date, list[int]] = {}
    for cramp in store.cramps(plan.first_night):
        severities.setdefault(cramp.night, []).append(cramp.severity)
    end = last_complete_night(now)
    if plan.ended_at is not None:
        end = min(end, night_of(plan.ended_at))
    return plan_comparison(plan.weeks, plan.first_night, store.answered_nights(plan.first_night), severities, end)
