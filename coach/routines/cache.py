"""The routines already read, kept ready for the next start (reading YAML costs ~30 ms).

The cache is only a copy: it is used when every routine file (and the translation file of the
language) is still exactly as it was when the cache was written (same paths, sizes, modification
times and inodes, same coach version, same language), and
anything unexpected in it (damaged, truncated, hand-edited into another shape) means the files
are read again. Its first line is a CRC-32 of the rest: a cache whose bytes are not the ones
coach wrote is never used, so what it holds (a library that was checked when it was read from
the files) is taken as written, with no second check of every pose on the way to the first frame.
A library with problems in its files is never cached, so that its messages always come from
reading the files themselves. Each language has its own cache file, so
switching between two languages reads the files once for each and never shows the other's texts.
"""

from __future__ import annotations

import binascii
import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coach import __version__, locations
from coach.files import write_private
from coach.i18n import ENGLISH
from coach.model import Dose, Exercise, Holds, Position, Routine, RoutineStep, Sides, Timed
from coach.pictures.pose import (
    LIMBS,
    PROP_KINDS,
    STRETCH_AREAS,
    STRETCH_LEGS,
    Limb,
    Move,
    Picture,
    Point,
    Pose,
    Prop,
    TextPicture,
    text_picture_from,
)
from coach.routines.library import Library

FILE_NAME = "routines.json"
FORMAT = 4

Fingerprint = list[list[list[Any]]]


class CacheMismatch(Exception):
    """The cache does not hold what this version of coach wrote."""


def cache_path(language: str = ENGLISH) -> Path:
    name = FILE_NAME if language == ENGLISH else FILE_NAME.replace(".json", f".{language}.json")
    return locations.cache_dir() / name


def fingerprint(layers: Sequence[Sequence[Path]]) -> Fingerprint | None:
    """What identifies these files as they are now; None if one cannot be looked at."""
    try:
        return [[[str(path), *_identity(os.stat(path))] for path in layer] for layer in layers]
    except OSError:
        return None


def _identity(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def read(key: Fingerprint, language: str = ENGLISH, path: Path | None = None) -> Library | None:
    """The cached library in `language` for files that still match `key`, or None (then read the files)."""
    try:
        content = (path or cache_path(language)).read_bytes()
    except OSError:
        return None
    checksum, _, document = content.partition(b"\n")
    if checksum != _checksum_line(document):
        return None
    return _library_from(document, {"format": FORMAT, "coach": __version__, "language": language, "files": key})


def _checksum_line(document: bytes) -> bytes:
    return b"crc32 %08x" % binascii.crc32(document)


def read_file(path: Path, expected: dict[str, Any], base: Path | None = None) -> Library | None:
    """The library in a file of this format, shipped inside coach (no checksum line), whose
    entries include `expected`, or None. Origins written relative are taken as relative to `base`."""
    try:
        return _library_from(path.read_bytes(), expected, base)
    except OSError:
        return None


def _library_from(document: bytes, expected: dict[str, Any], base: Path | None = None) -> Library | None:
    try:
        data = json.loads(document)
        if not isinstance(data, dict) or any(data.get(name) != value for name, value in expected.items()):
            return None
        return _library(data, base)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, CacheMismatch):
        return None


def write(key: Fingerprint, library: Library, language: str = ENGLISH, path: Path | None = None) -> None:
    """Keep `library`, read in `language`, for the next start. Best effort: coach works the same without it."""
    if library.problems:
        return
    data = {"format": FORMAT, "coach": __version__, "language": language, "files": key, **library_data(library)}
    if not kept_whole(data, library):  # something this cache cannot hold yet: every start reads the files
        return
    # A read-only or full disk: the next start reads the files, as it would without a cache.
    document = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        write_private(path or cache_path(language), _checksum_line(document) + b"\n" + document,
                      durable=False)  # checked at each read, so an fsync (slow on a busy disk) buys nothing


def library_data(library: Library, base: Path | None = None) -> dict[str, Any]:
    """The library as this format's plain data; origins inside `base` are written relative to it."""
    return {
        "exercises": [_exercise_data(exercise, base) for exercise in library.exercises.values()],
        "routines": [_routine_data(routine, base, library.exercises) for routine in library.routines.values()],
        # Read from coach's own files alone: its exercises are kept whole, as a person's file
        # may have replaced one of them in the library.
        "first_aid": [_routine_data(routine, base, library.exercises, whole=True)
                      for routine in library.first_aid.values()],
        "overridden": sorted(library.overridden),
    }


def kept_whole(data: dict[str, Any], library: Library, base: Path | None = None) -> bool:
    """Whether `data` reads back as `library` itself."""
    try:
        return _library(json.loads(json.dumps(data)), base) == library
    except (ValueError, TypeError, KeyError, AttributeError, CacheMismatch):
        return False


def _dose_data(dose: Dose) -> dict[str, int]:
    if isinstance(dose, Timed):
        return {"duration": dose.duration}
    return {"hold": dose.hold, "rest": dose.rest, "reps": dose.reps}


def _exercise_data(exercise: Exercise, base: Path | None) -> dict[str, Any]:
    return {"id": exercise.id, "name": exercise.name, "position": exercise.position.value,
            "steps": list(exercise.steps), "per_side": exercise.per_side, "dose": _dose_data(exercise.dose),
            "cautions": list(exercise.cautions), "sources": list(exercise.sources),
            "origin": _origin_data(exercise.origin, base), "picture": _picture_data(exercise.picture)}


def _picture_data(picture: Picture | None) -> dict[str, Any] | None:
    """A picture as the plain data its reader takes, so reading it back checks it again."""
    if picture is None:
        return None
    if isinstance(picture, TextPicture):
        return {"text": "\n".join(picture.lines)}
    pose: dict[str, Any] = {
        "head": list(picture.head), "neck": list(picture.neck), "hip": list(picture.hip),
        "arms": {name: _points_data(limb.points) for name, limb in picture.arms.items()},
        "legs": {name: _points_data(limb.points) for name, limb in picture.legs.items()},
        "feel": list(picture.areas), "props": [_prop_data(prop) for prop in picture.props],
        "moves": [_points_data(move.points) for move in picture.moves], "caption": picture.caption,
    }
    if picture.stretched is not None:
        pose["stretched"] = picture.stretched
    return {"pose": pose}


def _points_data(points: tuple[Point, ...]) -> list[list[float]]:
    return [list(point) for point in points]


def _prop_data(prop: Prop) -> dict[str, Any]:
    settings: dict[str, Any] = {"x": prop.x, "y": prop.y, "width": prop.width, "height": prop.height}
    if prop.points:
        settings["points"] = _points_data(prop.points)
    if prop.label is not None:
        settings["label"] = prop.label
    if prop.label_at is not None:
        settings["label_at"] = list(prop.label_at)
    return {prop.kind: settings}


def _routine_data(routine: Routine, base: Path | None, exercises: dict[str, Exercise],
                  whole: bool = False) -> dict[str, Any]:
    """Each step names its exercise by id. With `whole`, an exercise that `exercises` holds
    differently under its id (a person's file replaced it) is written out in full instead: a
    first-aid routine keeps coach's own. Built again at every start, a whole exercise's picture
    cost more than the rest of the routine."""

    def exercise(step: RoutineStep) -> str | dict[str, Any]:
        if whole and exercises.get(step.exercise.id) != step.exercise:
            return _exercise_data(step.exercise, base)
        return step.exercise.id

    steps = [{"exercise": exercise(step), "dose": _dose_data(step.dose), "sides": step.sides.value,
              "get_ready": step.get_ready, "note": step.note} for step in routine.steps]
    return {"name": routine.name, "title": routine.title, "description": routine.description,
            "steps": steps, "get_ready": routine.get_ready, "switch_legs": routine.switch_legs,
            "origin": _origin_data(routine.origin, base)}


def _origin_data(origin: Path | None, base: Path | None) -> str | None:
    if origin is None:
        return None
    if base is not None and origin.is_relative_to(base):
        return origin.relative_to(base).as_posix()
    return str(origin)


def _library(data: dict[str, Any], base: Path | None) -> Library:
    library = Library()
    for item in _list(data["exercises"]):
        exercise = _exercise(item, base)
        library.exercises[exercise.id] = exercise
    for item in _list(data["routines"]):
        routine = _routine(item, library.exercises, base)
        library.routines[routine.name] = routine
    for item in _list(data["first_aid"]):
        routine = _routine(item, library.exercises, base)
        library.first_aid[routine.name] = routine
    library.overridden = {_text(name) for name in _list(data["overridden"])}
    return library


def _exercise(item: dict[str, Any], base: Path | None) -> Exercise:
    return Exercise(id=_text(item["id"]), name=_text(item["name"]), position=Position(item["position"]),
                    steps=_texts(item["steps"]), per_side=_flag(item["per_side"]), dose=_dose(item["dose"]),
                    cautions=_texts(item["cautions"]), sources=_texts(item["sources"]),
                    origin=_origin(item["origin"], base), picture=_picture(item["picture"]))


def _picture(item: Any) -> Picture | None:
    """A picture as `_picture_data` wrote it (checked when it was read from its file)."""
    if item is None:
        return None
    if set(item) == {"text"}:
        return text_picture_from(item["text"])
    if set(item) == {"pose"}:
        return _pose(item["pose"])
    raise CacheMismatch(f"a picture of {sorted(item)}")


def _pose(data: dict[str, Any]) -> Pose:
    """Built as written, with only the checks that keep a wrongly shaped file from being drawn."""
    stretched = data.get("stretched")
    _expect(stretched is None or stretched in STRETCH_LEGS, "a stretched leg")
    areas = tuple(_list(data["feel"]))
    _expect(all(area in STRETCH_AREAS for area in areas), "where a stretch is felt")
    moves = tuple(Move(_points(points)) for points in _list(data["moves"]))  # type: ignore[arg-type]
    _expect(all(len(move.points) == 3 for move in moves), "an arrow")
    return Pose(head=_point(data["head"]), neck=_point(data["neck"]), hip=_point(data["hip"]),
                arms=_limbs(data["arms"]), legs=_limbs(data["legs"]), stretched=stretched, areas=areas,
                props=tuple(_prop(prop) for prop in _list(data["props"])), moves=moves,
                caption=_text(data["caption"]))


def _limbs(item: dict[str, Any]) -> dict[str, Limb]:
    _expect(isinstance(item, dict) and all(name in LIMBS for name in item), "limbs")
    return {name: Limb(_points(points)) for name, points in item.items()}


def _prop(item: dict[str, Any]) -> Prop:
    ((kind, settings),) = item.items()
    _expect(kind in PROP_KINDS, "a prop")
    label = settings.get("label")
    _expect(label is None or isinstance(label, str), "a label")
    x, y, width, height = (settings[key] for key in ("x", "y", "width", "height"))
    _expect(all(type(number) is float for number in (x, y, width, height)), "a prop's place")
    return Prop(kind=kind, x=x, y=y, width=width, height=height, points=_points(settings.get("points", [])),
                label=label, label_at=_point(settings["label_at"]) if "label_at" in settings else None)


def _point(item: list[float]) -> Point:
    x, y = _list(item)
    _expect(type(x) is float and type(y) is float, "a point")  # written from floats, read back as floats
    return (x, y)


def _points(items: list[list[float]]) -> tuple[Point, ...]:
    return tuple(_point(item) for item in _list(items))


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise CacheMismatch(f"not {what} as coach writes it")


def _routine(item: dict[str, Any], exercises: dict[str, Exercise], base: Path | None) -> Routine:
    steps = tuple(RoutineStep(exercise=_step_exercise(step["exercise"], exercises, base), dose=_dose(step["dose"]),
                              sides=Sides(step["sides"]), get_ready=_count(step["get_ready"]),
                              note=None if step["note"] is None else _text(step["note"]))
                  for step in _list(item["steps"]))
    if not steps:
        raise CacheMismatch("a routine without steps")
    return Routine(name=_text(item["name"]), title=_text(item["title"]), description=_text(item["description"]),
                   steps=steps, get_ready=_count(item["get_ready"]), switch_legs=_count(item["switch_legs"]),
                   origin=_origin(item["origin"], base))


def _step_exercise(item: Any, exercises: dict[str, Exercise], base: Path | None) -> Exercise:
    return _exercise(item, base) if isinstance(item, dict) else exercises[_text(item)]


def _dose(item: dict[str, Any]) -> Dose:
    if set(item) == {"duration"}:
        return Timed(_count(item["duration"]))
    if set(item) == {"hold", "rest", "reps"}:
        return Holds(hold=_count(item["hold"]), rest=_count(item["rest"]), reps=_count(item["reps"]))
    raise CacheMismatch(f"a dose of {sorted(item)}")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise CacheMismatch("not a list")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise CacheMismatch("not text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(_text(item) for item in _list(value))


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise CacheMismatch("not true or false")
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CacheMismatch("not a whole number")
    return value


def _origin(value: Any, base: Path | None) -> Path | None:
    if value is None:
        return None
    origin = Path(_text(value))
    if base is not None and not origin.is_absolute():
        return base / origin
    return origin
