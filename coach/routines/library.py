"""All the routines and exercises a person has: shipped ones, overlaid by their own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from coach import locations
from coach.i18n import ENGLISH, _, current_language
from coach.model import Exercise, Routine
from coach.problems import Problem

if TYPE_CHECKING:
    from coach.routines.yamlsource import Document

ROUTINE_SUFFIXES = (".yaml", ".yml")
FIRST_AID_ROUTINE = "cramp-now"
TRANSLATIONS_FOLDER = "translations"


@dataclass
class Library:
    """Every exercise and routine coach knows, and the problems met reading them."""

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


def load_library(layers: Sequence[Sequence[Path]] | None = None, language: str | None = None) -> Library:
    """Read every layer of files; a later layer's routines and exercises replace earlier ones.

    A file with problems contributes nothing, but never stops the other files from loading.
    The first layer is coach's own: its texts are in `language` (the person's, by default) where
    its translation file has them. The person's own library (no layers given) comes from the cache
    while its files, the translation and the language are unchanged.
    """
    if language is None:
        language = current_language()
    if layers is not None:
        return read_library(layers, language)
    from coach.routines import cache

    layers = default_layers()
    translation = translation_path(layers[0], language)
    # Taken before reading: a file changed meanwhile is read next time.
    key = cache.fingerprint([*layers, [translation]] if translation else layers)
    library = cache.read(key, language) if key is not None else None
    if library is None:
        library = _prebuilt(layers, translation, language) or read_library(layers, language)
        if key is not None:
            cache.write(key, library, language)
    return library


def _prebuilt(layers: Sequence[Sequence[Path]], translation: Path | None, language: str) -> Library | None:
    """coach's own library as read when coach was made (see prebuilt), for a person with no files of their own."""
    if any(layers[1:]):
        return None
    from coach.routines import prebuilt

    return prebuilt.read(layers[0], translation, language)


def translation_path(shipped: Iterable[Path], language: str) -> Path | None:
    """coach's translation file for `language`, in `translations/` beside its routine files."""
    if language == ENGLISH:
        return None
    for folder in sorted({Path(path).parent for path in shipped}):
        candidate = folder / TRANSLATIONS_FOLDER / f"{language}.yaml"
        if candidate.is_file():
            return candidate
    return None


def read_library(layers: Sequence[Sequence[Path]], language: str | None = None) -> Library:
    """The library read from the files themselves (see load_library)."""
    # Imported here: a start with the cache fresh needs no YAML at all.
    from coach.routines.loader import is_exercise_library, read_exercises, read_routine
    from coach.routines.pictures import is_pose_file
    from coach.routines.translations import is_translation_file
    from coach.routines.yamlsource import read_document

    language = current_language() if language is None else language
    documents = [[read_document(Path(path)) for path in layer] for layer in layers]
    library = Library()
    drawn_by_files: set[str] = set()  # exercises whose picture came from a pose file, not their own
    shipped_exercises: dict[str, Exercise] = {}
    for number, layer in enumerate(documents):
        for document in layer:
            if document.root is not None and is_exercise_library(document) and not is_translation_file(document):
                defined = read_exercises(document)
                library.exercises.update(defined)
                drawn_by_files.difference_update(defined)
        _draw_exercises(library, [document for document in layer if document.root is not None
                                  and is_pose_file(document)], drawn_by_files)
        if number == 0:
            shipped_exercises = dict(library.exercises)
    shipped_routines: dict[str, Routine] = {}
    for number, layer in enumerate(documents):
        named_here: dict[str, Path] = {}
        for document in layer:
            if document.root is None or is_exercise_library(document) or is_pose_file(document) \
                    or is_translation_file(document):
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
            if number == 0:
                shipped_routines[routine.name] = routine
    if documents:
        library.first_aid = _first_aid(documents[0], shipped_exercises)
    _check_translations([document for layer in documents for document in layer
                         if document.root is not None and is_translation_file(document)],
                        shipped_exercises, shipped_routines)
    translated = translation_path(layers[0], language) if layers else None
    if translated is not None:
        _translate(library, read_document(translated), shipped_exercises, shipped_routines)
    library.problems = sorted({p for layer in documents for document in layer for p in document.problems}
                              | set(library.problems))
    return library


def _check_translations(documents: Sequence[Document], exercises: dict[str, Exercise],
                        routines: dict[str, Routine]) -> None:
    """Translation files named among the layers (`coach validate FILE`) are checked, not applied."""
    from coach.routines.translations import read_translation

    for document in documents:
        read_translation(document, exercises, routines)


def _translate(library: Library, document: Document, exercises: dict[str, Exercise],
               routines: dict[str, Routine]) -> None:
    """Lay the translation over coach's own texts: those still in the library, and first aid.

    A person's own exercise or routine keeps its words; a shipped exercise drawn by the person's
    own pose file keeps that picture's words.
    """
    from coach.routines.translations import read_translation, translate_exercise, translate_routine

    translation = read_translation(document, exercises, routines)
    library.problems.extend(document.problems)
    if translation is None:
        return
    swapped: dict[int, Exercise] = {}
    for exercise_id, english in exercises.items():
        swapped[id(english)] = translate_exercise(english, translation)
        current = library.exercises.get(exercise_id)
        if current is not None and current is not english and current.origin == english.origin:
            # coach's own exercise, drawn by a pose file of the person's
            swapped[id(current)] = translate_exercise(current, translation, picture_too=False)
    library.exercises = {exercise_id: swapped.get(id(exercise), exercise)
                         for exercise_id, exercise in library.exercises.items()}
    library.routines = {name: translate_routine(routine, translation, swapped)
                        if routines.get(name) is routine else replace(routine, steps=tuple(
                            replace(step, exercise=swapped.get(id(step.exercise), step.exercise))
                            for step in routine.steps))
                        for name, routine in library.routines.items()}
    library.first_aid = {name: translate_routine(routine, translation, swapped)
                         for name, routine in library.first_aid.items()}


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
