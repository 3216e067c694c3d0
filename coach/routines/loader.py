"""Building exercises and routines from checked YAML documents."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from coach.i18n import _
from coach.model import Dose, Exercise, Holds, Position, Routine, RoutineStep, Sides, Timed
from coach.pictures.pose import Picture
from coach.routines.nodes import NodeReader, suggestion
from coach.routines.pictures import read_pose, read_text_picture
from coach.routines.yamlsource import Document

EXERCISE_KEYS = ("name", "position", "per_side", "steps", "cautions", "dose", "sources", "pose", "picture")
EXERCISE_REQUIRED = ("name", "position", "steps", "dose")
DOSE_KEYS = ("duration", "hold", "rest", "reps")
ROUTINE_KEYS = ("name", "title", "description", "get_ready", "switch_legs", "steps")
ROUTINE_REQUIRED = ("name", "title", "steps")
STEP_KEYS = ("exercise", "sides", "get_ready", "note", *DOSE_KEYS)
MAX_REPS = 50
MAX_STEPS = 100


def is_exercise_library(document: Document) -> bool:
    root = document.root
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value == "exercises" for key, _ in root.value
    )


def read_exercises(document: Document) -> dict[str, Exercise]:
    reader = NodeReader(document)
    if document.root is None:
        return {}
    top = reader.fields(document.root, ["exercises"], ["exercises"], _("an exercise library file"))
    if top is None or "exercises" not in top:
        return {}
    entries = reader.mapping(top["exercises"], "'exercises'")
    found: dict[str, Exercise] = {}
    for exercise_id, (key, body) in (entries or {}).items():
        if reader.name(key, _("the exercise id")) is None:
            continue
        exercise = _read_exercise(reader, exercise_id, body)
        if exercise is not None:
            found[exercise_id] = exercise
    return found


def _read_exercise(reader: NodeReader, exercise_id: str, body: yaml.Node) -> Exercise | None:
    what = _("exercise '{id}'").format(id=exercise_id)
    before = len(reader.document.problems)
    value = reader.fields(body, EXERCISE_KEYS, EXERCISE_REQUIRED, what)
    if value is None:
        return None
    name = reader.text(value["name"], _("the name of {what}").format(what=what)) if "name" in value else None
    place = reader.choice(value["position"], Position, "position") if "position" in value else None
    steps = reader.text_list(value["steps"], _("the steps of {what}").format(what=what)) if "steps" in value else None
    cautions = reader.text_list(value["cautions"], "cautions") if "cautions" in value else ()
    sources = reader.text_list(value["sources"], "sources") if "sources" in value else ()
    per_side = reader.flag(value["per_side"], "per_side") if "per_side" in value else False
    dose = _read_dose(reader, value["dose"], what) if "dose" in value else None
    picture = _read_picture(reader, value, what)
    if len(reader.document.problems) > before:
        return None
    # Each is None only when a problem was reported above; the checks say so to the type checker.
    if name is None or place is None or steps is None or per_side is None or dose is None \
            or cautions is None or sources is None:
        return None
    return Exercise(
        id=exercise_id, name=name, position=place, steps=steps, per_side=per_side, dose=dose,
        cautions=cautions, sources=sources, origin=reader.document.path, picture=picture,
    )


def _read_picture(reader: NodeReader, value: Mapping[str, yaml.Node], what: str) -> Picture | None:
    if "pose" in value and "picture" in value:
        reader.problem(value["picture"], _("{what} has both 'pose' and 'picture'").format(what=what),
                       _("keep one of them"))
        return None
    if "pose" in value:
        return read_pose(reader, value["pose"], _("the pose of {what}").format(what=what))
    if "picture" in value:
        return read_text_picture(reader, value["picture"], _("the picture of {what}").format(what=what))
    return None


def _read_dose(reader: NodeReader, node: yaml.Node, what: str) -> Dose | None:
    before = len(reader.document.problems)
    value = reader.fields(node, DOSE_KEYS, (), _("the dose of {what}").format(what=what))
    if value is None:
        return None
    dose = _dose_from(reader, value, None, node)
    return dose if len(reader.document.problems) == before else None


def _dose_from(reader: NodeReader, value: Mapping[str, yaml.Node], default: Dose | None,
               where: yaml.Node) -> Dose | None:
    """A dose from duration or hold/rest/reps, with what is missing taken from `default`."""
    holds_given = [key for key in ("hold", "rest", "reps") if key in value]
    if "duration" in value and holds_given:
        reader.problem(value[holds_given[0]], _("a step has both 'duration' and hold/rest/reps"),
                       _("use 'duration' for a timed move, or hold/rest/reps for holds"))
        return None
    if "duration" in value:
        seconds = reader.duration(value["duration"], "duration")
        return None if seconds is None else Timed(seconds)
    if not holds_given:
        if default is None:
            reader.problem(where, _("no dose is given"), _("add 'duration: 30s', or hold/rest/reps"))
        return default
    base = default if isinstance(default, Holds) else None
    hold = reader.duration(value["hold"], "hold") if "hold" in value else getattr(base, "hold", None)
    reps = reader.count(value["reps"], "reps", MAX_REPS) if "reps" in value else getattr(base, "reps", 1)
    if "rest" in value:
        rest = reader.duration(value["rest"], "rest", allow_zero=True)
    else:
        rest = getattr(base, "rest", 0 if reps == 1 else None)
    if hold is None and "hold" not in value:
        reader.problem(where, _("there are reps or rest but no 'hold'"), _("add a 'hold:' time"))
    if rest is None and "rest" not in value:
        reader.problem(where, _("there are several reps but no 'rest' between them"),
                       _("add a 'rest:' time, such as 'rest: 10s'"))
    if hold is None or rest is None or reps is None:
        return None
    return Holds(hold=hold, rest=rest, reps=reps)


def read_routine(document: Document, exercises: Mapping[str, Exercise]) -> Routine | None:
    reader = NodeReader(document)
    if not isinstance(document.root, yaml.MappingNode):
        if document.root is not None:
            reader.mapping(document.root, _("a routine file"))  # reports what it is instead
        return None
    before = len(document.problems)
    value = reader.fields(document.root, ROUTINE_KEYS, ROUTINE_REQUIRED, _("the routine"))
    if value is None:
        return None
    name = reader.name(value["name"], _("the routine name")) if "name" in value else None
    title = reader.text(value["title"], "title") if "title" in value else None
    description = reader.text(value["description"], "description", multiline=True) if "description" in value else ""
    get_ready = reader.duration(value["get_ready"], "get_ready", allow_zero=True) if "get_ready" in value else 5
    switch = reader.duration(value["switch_legs"], "switch_legs") if "switch_legs" in value else 5
    steps = _read_steps(reader, value["steps"], exercises) if "steps" in value else None
    if len(document.problems) > before:
        return None
    if name is None or title is None or steps is None or get_ready is None or switch is None:
        return None
    return Routine(name=name, title=title, description=description or "", steps=steps,
                   get_ready=get_ready, switch_legs=switch, origin=document.path)


def _read_steps(reader: NodeReader, node: yaml.Node,
                exercises: Mapping[str, Exercise]) -> tuple[RoutineStep, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        reader.problem(node, _("'steps' should be a list"), _("write one '- exercise: id' entry per step"))
        return None
    if not node.value:
        reader.problem(node, _("the routine has no steps"), _("add at least one '- exercise: id' entry"))
        return None
    if len(node.value) > MAX_STEPS:
        reader.problem(node, _("the routine has more than {limit} steps").format(limit=MAX_STEPS),
                       _("split it into routines"))
        return None
    steps = [_read_step(reader, item, exercises) for item in node.value]
    read = tuple(step for step in steps if step is not None)
    return read if len(read) == len(steps) else None


def _read_step(reader: NodeReader, node: yaml.Node,
               exercises: Mapping[str, Exercise]) -> RoutineStep | None:
    before = len(reader.document.problems)
    value: dict[str, yaml.Node] | None
    if isinstance(node, yaml.ScalarNode):  # "- ankle-circles" is a step with the defaults
        value = {"exercise": node}
    else:
        value = reader.fields(node, STEP_KEYS, ["exercise"], _("a step"))
    if value is None:
        return None
    exercise = _find_exercise(reader, value["exercise"], exercises) if "exercise" in value else None
    # With the exercise unknown, a stand-in default still lets the rest of the step be checked.
    dose = _dose_from(reader, value, exercise.dose if exercise else Timed(1), node)
    default_sides = Sides.EACH if exercise and exercise.per_side else Sides.BOTH
    sides = reader.choice(value["sides"], Sides, "sides") if "sides" in value else default_sides
    get_ready = reader.duration(value["get_ready"], "get_ready", allow_zero=True) if "get_ready" in value else 0
    note = reader.text(value["note"], "note") if "note" in value else None
    if exercise is None or len(reader.document.problems) > before:
        return None
    if dose is None or sides is None or get_ready is None:
        return None
    return RoutineStep(exercise=exercise, dose=dose, sides=sides, get_ready=get_ready, note=note)


def _find_exercise(reader: NodeReader, node: yaml.Node,
                   exercises: Mapping[str, Exercise]) -> Exercise | None:
    exercise_id = reader.text(node, _("the exercise id"))
    if exercise_id is None:
        return None
    if exercise_id not in exercises:
        hint = suggestion(exercise_id, exercises) or _("run 'coach exercises' to list the ids")
        reader.problem(node, _("unknown exercise '{id}'").format(id=exercise_id), hint)
        return None
    return exercises[exercise_id]
