"""Writing a routine as the kind of YAML a person would write by hand, comments included.

The comments and texts are in the person's language (keys and ids stay as coach reads them), and
text in any script is written plain when YAML reads it back the same.
"""

from __future__ import annotations

import json
import re

from coach.durations import format_duration
from coach.i18n import _
from coach.model import Holds, Routine, RoutineStep, Sides, Timed

# Letters and digits of any script ([^\W_]), so "Вечерняя растяжка" needs no quotes either.
_PLAIN = re.compile(r"^[^\W\d_](?:[^\W_]|[ ,.()'/-])*(?:[^\W_]|[.)])$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def scalar(text: str) -> str:
    """Plain when that reads back the same; otherwise double-quoted (JSON is valid YAML)."""
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _default_sides(step: RoutineStep) -> Sides:
    return Sides.EACH if step.exercise.per_side else Sides.BOTH


def _step_lines(step: RoutineStep) -> list[str]:
    lines = [f"  - exercise: {step.exercise.id}"]
    if step.dose != step.exercise.dose:
        if isinstance(step.dose, Timed):
            lines.append(f"    duration: {format_duration(step.dose.duration)}")
        else:
            dose: Holds = step.dose
            lines += [f"    hold: {format_duration(dose.hold)}",
                      f"    rest: {format_duration(dose.rest) if dose.rest else 0}",
                      f"    reps: {dose.reps}"]
    if step.sides is not _default_sides(step):
        lines.append(f"    sides: {step.sides.value}")
    if step.get_ready:
        lines.append(f"    get_ready: {format_duration(step.get_ready)}")
    if step.note:
        lines.append(f"    note: {scalar(step.note)}")
    return lines


def routine_yaml(routine: Routine, origin_note: str | None = None) -> str:
    # The comments are for the person who edits the file, so they are in that person's language;
    # the keys and values stay as the loader reads them.
    about = _("{title}: your own routine for coach.\n"
              "Change it in any text editor; 'coach validate' checks it, and 'coach help routines'\n"
              "lists every key. Times are written like 45s, 1m30s or 2m.").format(title=routine.title)
    lines = [f"# {line}" for line in about.split("\n")]
    if origin_note:
        lines.append(f"# {origin_note}")
    lines += [
        f"name: {routine.name}",
        f"title: {scalar(routine.title)}",
    ]
    if routine.description:
        lines.append(f"description: {scalar(routine.description)}")
    lines += [
        f"get_ready: {format_duration(routine.get_ready) if routine.get_ready else 0}   # "
        + _("before the first step"),
        f"switch_legs: {format_duration(routine.switch_legs)}   # " + _("pause to change legs"),
        "steps:",
    ]
    for step in routine.steps:
        lines += _step_lines(step)
    return "\n".join(lines) + "\n"
