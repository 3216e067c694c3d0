"""All the routines and exercises a person has: shipped ones, overlaid by their own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from coach import locations
from coach.i18n import _
from coach.model import Exercise, Routine
from coach.problems import Problem

if TYPE_CHECKING:
    from coach.routines.yamlsource import Document

ROUTINE_SUFFIXES = (".yaml", ".yml")
FIRST_AID_ROUTINE = "cramp-now"


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Routine names a later layer (the person's folder) took over from an earlier one.
    overridden: set[str] = field(default_factory=set)
    # coach's own cramp-now (and its variants, such as cramp-now-pregnancy) by name, built from
    # coach's own exercises only: first aid never depends on the person's files, whatever they
    # hold (a broken or replaced exercise, a routine of that name, a FIFO).
    first_aid: dict[str, Routine] = field(default_factory=dict)

    def problems_in(self, paths: Iterable[Path]) -> list[Problem]:
        wanted = {Path(path) for path in paths}
        return [problem for problem in self.problems if problem.path in wanted]


def routine_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir()
                  if path.suffix in ROUTINE_SUFFIXES and not path.name.startswith("."))


def default_layers() -> list[list[Path]]:
    return [routine_files(locations.shipped_routines_dir()),
            routine_files(locations.user_routines_dir())]


def load_library(layers: Sequence[Sequence[Path]] | None = None) -> Library:
    """Read every layer of files; a later layer's routines and exercises replace earlier ones.

    A file with problems contributes nothing, but never stops the other files from loading.
    The person's own library (no layers given) comes from the cache while its files are unchanged.
    """
    if layers is not None:
        return read_library(layers)
    from coach.routines import cache

    layers = default_layers()
    key = cache.fingerprint(layers)  # taken before reading: a file changed meanwhile is read next time
    library = cache.read(key) if key is not None else None
    if library is None:
        library = read_library(layers)
        if key is not None:
            cache.write(key, library)
    return library


def read_library(layers: Sequence[Sequence[Path]]) -> Library:
    """The library read from the files themselves (see load_library)."""
    # Imported here: a start with the cache fresh needs no YAML at all.
    from coach.routines.loader import is_exercise_library, read_exercises, read_routine
    from coach.routines.pictures import is_pose_file
    from coach.routines.yamlsource import read_document

    documents = [[read_document(Path(path)) for path in layer] for layer in layers]
    library = Library()
    drawn_by_files: set[str] = set()  # exercises whose picture came from a pose file, not their own
    for number, layer in enumerate(documents):
        for document in layer:
            if document.root is not None and is_exercise_library(document):
                defined = read_exercises(document)
                library.exercises.update(defined)
                drawn_by_files.difference_update(defined)
        _draw_exercises(library, [document for document in layer if document.root is not None
                                  and is_pose_file(document)], drawn_by_files)
        if number == 0:
            library.first_aid = _first_aid(layer, library.exercises)
    for layer in documents:
        named_here: dict[str, Path] = {}
        for document in layer:
            if document.root is None or is_exercise_library(document) or is_pose_file(document):
                continue
            routine = read_routine(document, library.exercises)
            if routine is None:
                continue
            if routine.name in named_here:
                document.add(*_name_position(document),
                             _("the routine name '{name}' is already used by {file}").format(
                                 name=routine.name, file=named_here[routine.name]),
                             _("give one of them another name"))
                continue
            named_here[routine.name] = document.path
            if routine.name in library.routines:
                library.overridden.add(routine.name)
            library.routines[routine.name] = routine
    library.problems = sorted(p for layer in documents for document in layer for p in document.problems)
    return library


def _first_aid(shipped: Sequence[Document], exercises: dict[str, Exercise]) -> dict[str, Routine]:
    from coach.routines.loader import is_exercise_library, read_routine
    from coach.routines.yamlsource import Document

    found = {}
    for document in shipped:
        if document.root is None or is_exercise_library(document):
            continue
        # A scratch document: its problems are reported once, by the full pass.
        routine = read_routine(Document(document.path, document.root), dict(exercises))
        if routine is not None and (routine.name == FIRST_AID_ROUTINE or
                                    routine.name.startswith(f"{FIRST_AID_ROUTINE}-")):
            found[routine.name] = routine
    return found


def shipped_library() -> Library:
    """coach's own routines and exercises, reading none of the person's files."""
    return load_library([routine_files(locations.shipped_routines_dir())])


def _draw_exercises(library: Library, pose_files: Sequence[Document], drawn_by_files: set[str]) -> None:
    """Give the exercises known so far the pictures of these pose files.

    An exercise's own `pose:` or `picture:` wins; otherwise the latest layer's pose file does.
    Pose files draw exercises of their own layer and earlier ones, so an exercise redefined in a
    later layer is never given the picture of the one it replaced.
    """
    from coach.routines.nodes import position, suggestion
    from coach.routines.pictures import read_poses

    for document in pose_files:
        for exercise_id, (key, pose) in read_poses(document).items():
            exercise = library.exercises.get(exercise_id)
            if exercise is None:
                hint = suggestion(exercise_id, library.exercises) or _("use the id of an exercise")
                document.add(*position(key), _("there is no exercise '{id}' for this pose").format(id=exercise_id),
                             hint)
            elif exercise.picture is None or exercise_id in drawn_by_files:
                library.exercises[exercise_id] = replace(exercise, picture=pose)
                drawn_by_files.add(exercise_id)


def _name_position(document: Document) -> tuple[int, int]:
    for key, value in getattr(document.root, "value", []):
        if getattr(key, "value", None) == "name":
            return value.start_mark.line + 1, value.start_mark.column + 1
    return 1, 1
