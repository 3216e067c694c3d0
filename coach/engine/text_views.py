"""Plain-text views of routines and exercises for the command line."""

from __future__ import annotations

from collections.abc import Iterable, Set

from coach.durations import format_clock, shown_duration
from coach.engine.timeline import Phase, PhaseKind, Timeline
from coach.i18n import _
from coach.model import Exercise, Routine


def routine_table(routines: Iterable[Routine], totals: dict[str, int],
                  overridden: Set[str] = frozenset()) -> str:
    rows = [(r.name, format_clock(totals[r.name]),
             _("{title}  (your version)").format(title=r.title) if r.name in overridden else r.title)
            for r in routines]
    # Column headings: a translated heading may be longer than the column's contents.
    name, time, title = _("NAME"), _("TIME"), _("TITLE")
    width = max((len(row_name) for row_name, _time, _title in rows), default=len(name))
    width = max(width, len(name))
    time_width = max(5, len(time))
    lines = [f"{name:<{width}}  {time:>{time_width}}  {title}"]
    lines += [f"{row_name:<{width}}  {row_time:>{time_width}}  {row_title}" for row_name, row_time, row_title in rows]
    return "\n".join(lines)


def phase_label(phase: Phase) -> str:
    """'hold 2 of 3', 'rest', 'get ready': the phase in the person's language."""
    if phase.kind is PhaseKind.HOLD and phase.reps and phase.reps > 1:
        return _("hold {rep} of {reps}").format(rep=phase.rep, reps=phase.reps)
    return phase.kind.label


def timeline_text(routine: Routine, timeline: Timeline) -> str:
    lines = [_("{name}: {title} ({time})").format(name=routine.name, title=routine.title,
                                                 time=format_clock(timeline.total))]
    if routine.description:
        lines.append(routine.description)
    lines.append("")
    rows = [(format_clock(phase.offset), shown_duration(phase.duration), phase_label(phase), phase.side.words,
             phase.exercise.name) for phase in timeline.phases]
    headings = (_("AT"), _("FOR"), _("PHASE"), _("LEG"), _("EXERCISE"))
    # The widths English has always had, wider where a language's words need it.
    widths = [max(least, len(heading), *(len(row[column]) for row in rows))
              for column, (least, heading) in enumerate(zip((5, 5, 15, 15), headings, strict=False))]
    at, for_, phase, leg = (widths[column] for column in range(4))
    lines.append(f"{headings[0]:>{at}}  {headings[1]:>{for_}}  {headings[2]:<{phase}}  "
                 f"{headings[3]:<{leg}}  {headings[4]}")
    for start, length, label, side, name in rows:
        lines.append(f"{start:>{at}}  {length:>{for_}}  {label:<{phase}}  {side:<{leg}}  {name}")
    done = _("done")  # outside the f-string, where the extractor finds it
    lines.append(f"{format_clock(timeline.total):>{at}}  {done}")
    seen: list[Exercise] = []
    for step in routine.steps:
        if step.exercise not in seen:
            seen.append(step.exercise)
    lines.append("")
    lines.append(_("HOW TO DO EACH EXERCISE"))
    for exercise in seen:
        lines.append("")
        lines.append(exercise_text(exercise))
    return "\n".join(lines)


def exercise_text(exercise: Exercise) -> str:
    heading = (_("{name} ({position}, one leg at a time)") if exercise.per_side
               else _("{name} ({position}, both legs)"))
    lines = [heading.format(name=exercise.name, position=exercise.position.label)]
    lines += [f"  {number}. {step}" for number, step in enumerate(exercise.steps, start=1)]
    lines += ["  " + _("Caution: {caution}").format(caution=caution) for caution in exercise.cautions]
    if exercise.sources:
        lines.append("  " + _("Source: {sources}").format(sources="; ".join(exercise.sources)))
    return "\n".join(lines)


def exercise_table(exercises: Iterable[Exercise]) -> str:
    items = list(exercises)
    width = max((len(e.id) for e in items), default=2)
    return "\n".join(f"{e.id:<{width}}  {e.position.label:<8}  {e.name}" for e in items)
