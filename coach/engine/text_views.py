"""Plain-text views of routines and exercises for the command line."""

from __future__ import annotations

from collections.abc import Iterable, Set

from coach.durations import format_clock, format_duration
from coach.engine.timeline import Phase, PhaseKind, Timeline
from coach.model import Exercise, Routine


def routine_table(routines: Iterable[Routine], totals: dict[str, int],
                  overridden: Set[str] = frozenset()) -> str:
    rows = [(r.name, format_clock(totals[r.name]), r.title + ("  (your version)" if r.name in overridden else ""))
            for r in routines]
    width = max((len(name) for name, _, _ in rows), default=4)
    lines = [f"{'NAME':<{width}}  {'TIME':>5}  TITLE"]
    lines += [f"{name:<{width}}  {time:>5}  {title}" for name, time, title in rows]
    return "\n".join(lines)


def phase_label(phase: Phase) -> str:
    label = phase.kind.value
    if phase.kind is PhaseKind.HOLD and phase.reps and phase.reps > 1:
        label += f" {phase.rep} of {phase.reps}"
    return label


def timeline_text(routine: Routine, timeline: Timeline) -> str:
    lines = [f"{routine.name}: {routine.title} ({format_clock(timeline.total)})"]
    if routine.description:
        lines.append(routine.description)
    lines.append("")
    lines.append(f"{'AT':>5}  {'FOR':>5}  {'PHASE':<15}  {'LEG':<15}  EXERCISE")
    for phase in timeline.phases:
        lines.append(f"{format_clock(phase.offset):>5}  {format_duration(phase.duration):>5}  "
                     f"{phase_label(phase):<15}  {phase.side.label.lower():<15}  {phase.exercise.name}")
    lines.append(f"{format_clock(timeline.total):>5}  done")
    seen: list[Exercise] = []
    for step in routine.steps:
        if step.exercise not in seen:
            seen.append(step.exercise)
    lines.append("")
    lines.append("HOW TO DO EACH EXERCISE")
    for exercise in seen:
        lines.append("")
        lines.append(exercise_text(exercise))
    return "\n".join(lines)


def exercise_text(exercise: Exercise) -> str:
    lines = [f"{exercise.name} ({exercise.position.value}, "
             f"{'one leg at a time' if exercise.per_side else 'both legs'})"]
    lines += [f"  {number}. {step}" for number, step in enumerate(exercise.steps, start=1)]
    lines += [f"  Caution: {caution}" for caution in exercise.cautions]
    if exercise.sources:
        lines.append(f"  Source: {'; '.join(exercise.sources)}")
    return "\n".join(lines)


def exercise_table(exercises: Iterable[Exercise]) -> str:
    items = list(exercises)
    width = max((len(e.id) for e in items), default=2)
    return "\n".join(f"{e.id:<{width}}  {e.position.value:<8}  {e.name}" for e in items)
