"""The texts of coach's own exercises and routines in another language, laid over the English.

One file per language, `translations/LANG.yaml` beside the shipped routine files, so a translator
works in one file. It holds, by exercise id, the name, steps, cautions and picture caption; by
routine name, the title, description and step notes (by exercise id); the words written beside
the shipped pictures; and the sources' titles. Ids, doses and positions are never in it: they stay
the English files'. Anything missing stays English. Every entry is checked against the English
texts it translates (same number of steps and cautions, known ids), so a broken entry is reported
with its line and left English rather than shown half-done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import yaml

from coach.frozen import frozen
from coach.i18n import _
from coach.model import Exercise, Routine
from coach.pictures.pose import Pose
from coach.routines.nodes import NodeReader, suggestion
from coach.routines.yamlsource import Document

TOP_KEYS = ("language", "exercises", "routines", "labels", "sources")
EXERCISE_KEYS = ("name", "steps", "cautions", "caption")
ROUTINE_KEYS = ("title", "description", "notes")


@frozen
class ExerciseText:
    name: str | None = None
    steps: tuple[str, ...] | None = None
    cautions: tuple[str, ...] | None = None
    caption: str | None = None


@frozen
class RoutineText:
    title: str | None = None
    description: str | None = None
    notes: Mapping[str, str] = field(default_factory=dict)  # exercise id -> its step's note


@dataclass
class Translation:
    language: str
    exercises: dict[str, ExerciseText] = field(default_factory=dict)
    routines: dict[str, RoutineText] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # a picture's English word -> this language's
    sources: dict[str, str] = field(default_factory=dict)  # a source's English title -> this language's


def is_translation_file(document: Document) -> bool:
    root = document.root
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value == "language" for key, _value in root.value
    )


def picture_words(exercises: Iterable[Exercise]) -> set[str]:
    """The words written beside these exercises' pictures (a prop's label, or its kind)."""
    return {prop.caption for exercise in exercises if isinstance(exercise.picture, Pose)
            for prop in exercise.picture.props if prop.caption and prop.kind != "floor"}


def read_translation(document: Document, exercises: Mapping[str, Exercise],
                     routines: Mapping[str, Routine]) -> Translation | None:
    """The entries of a translation file that fit the English `exercises` and `routines`;
    every mistake goes into the document, and its entry is left out."""
    reader = NodeReader(document)
    if document.root is None:
        return None
    top = reader.fields(document.root, TOP_KEYS, ["language"], "a translation file")
    if top is None or "language" not in top:
        return None
    language = reader.name(top["language"], "the language")
    if language is None:
        return None
    translation = Translation(language)
    if "exercises" in top:
        for exercise_id, (key, body) in (reader.mapping(top["exercises"], "'exercises'") or {}).items():
            if exercise_id not in exercises:
                reader.problem(key, _("there is no exercise '{id}' to translate").format(id=exercise_id),
                               suggestion(exercise_id, exercises) or _("use an id from 'coach exercises'"))
                continue
            text = _exercise_text(reader, body, exercises[exercise_id])
            if text is not None:
                translation.exercises[exercise_id] = text
    if "routines" in top:
        for name, (key, body) in (reader.mapping(top["routines"], "'routines'") or {}).items():
            if name not in routines:
                reader.problem(key, _("there is no routine '{name}' to translate").format(name=name),
                               suggestion(name, routines) or _("use a name from 'coach list'"))
                continue
            routine_text = _routine_text(reader, body, routines[name])
            if routine_text is not None:
                translation.routines[name] = routine_text
    if "labels" in top:
        known = picture_words(exercises.values())
        for word, (key, value) in (reader.mapping(top["labels"], "'labels'") or {}).items():
            if word not in known:
                reader.problem(key, _("no picture has the word '{word}'").format(word=word),
                               suggestion(word, known) or _("use a word shown beside a picture"))
                continue
            label = reader.text(value, f"the word for '{word}'")
            if label is not None:
                translation.labels[word] = label
    if "sources" in top:
        titles = {title for exercise in exercises.values() for title in exercise.sources}
        for title, (key, value) in (reader.mapping(top["sources"], "'sources'") or {}).items():
            if title not in titles:
                reader.problem(key, _("no exercise names the source '{title}'").format(title=title),
                               suggestion(title, titles) or _("use a title from the exercises' sources"))
                continue
            translated = reader.text(value, f"the title for '{title}'")
            if translated is not None:
                translation.sources[title] = translated
    return translation


def _exercise_text(reader: NodeReader, body: yaml.Node, english: Exercise) -> ExerciseText | None:
    what = f"the translation of exercise '{english.id}'"
    before = len(reader.document.problems)
    value = reader.fields(body, EXERCISE_KEYS, (), what)
    if value is None:
        return None
    name = reader.text(value["name"], f"the name of exercise '{english.id}'") if "name" in value else None
    steps = _same_count(reader, value.get("steps"), english.steps, "steps")
    cautions = _same_count(reader, value.get("cautions"), english.cautions, "cautions")
    caption = None
    if "caption" in value:
        if not (isinstance(english.picture, Pose) and english.picture.caption):
            reader.problem(value["caption"], _("exercise '{id}' has no picture caption to translate")
                           .format(id=english.id), _("remove the 'caption' line"))
        else:
            caption = reader.text(value["caption"], f"the caption of exercise '{english.id}'")
    if len(reader.document.problems) > before:
        return None
    return ExerciseText(name=name, steps=steps, cautions=cautions, caption=caption)


def _same_count(reader: NodeReader, node: yaml.Node | None, english: tuple[str, ...],
                key: str) -> tuple[str, ...] | None:
    if node is None:
        return None
    texts = reader.text_list(node, key)
    if texts is not None and len(texts) != len(english):
        # `key` is the file's own word (steps, cautions): it stays as written, in every language.
        reader.problem(node, _("'{key}' has {count} lines here and {english} in English").format(
            key=key, count=len(texts), english=len(english)),
            _("translate each English line as one line, in the same order"))
        return None
    return texts


def _routine_text(reader: NodeReader, body: yaml.Node, english: Routine) -> RoutineText | None:
    what = f"the translation of routine '{english.name}'"
    before = len(reader.document.problems)
    value = reader.fields(body, ROUTINE_KEYS, (), what)
    if value is None:
        return None
    title = reader.text(value["title"], f"the title of routine '{english.name}'") if "title" in value else None
    description = reader.text(value["description"], f"the description of routine '{english.name}'",
                                  multiline=True) \
        if "description" in value else None
    notes: dict[str, str] = {}
    with_notes = {step.exercise.id for step in english.steps if step.note}
    for exercise_id, (key, note_node) in (reader.mapping(value["notes"], "'notes'") or {}).items() \
            if "notes" in value else ():
        if exercise_id not in with_notes:
            reader.problem(key, _("no step of '{name}' with exercise '{id}' has a note").format(
                name=english.name, id=exercise_id),
                suggestion(exercise_id, with_notes) or _("use the id of a step that has a note"))
            continue
        note = reader.text(note_node, f"the note for '{exercise_id}'")
        if note is not None:
            notes[exercise_id] = note
    if len(reader.document.problems) > before:
        return None
    return RoutineText(title=title, description=description, notes=notes)


def translate_exercise(exercise: Exercise, translation: Translation, picture_too: bool = True) -> Exercise:
    """`exercise` with the texts this translation has for it (and for its picture, unless that is
    a person's own, which keeps its words)."""
    text = translation.exercises.get(exercise.id, ExerciseText())
    picture = exercise.picture
    if picture_too and isinstance(picture, Pose):
        props = tuple(replace(prop, label=translation.labels[prop.caption])
                      if prop.caption in translation.labels else prop for prop in picture.props)
        picture = replace(picture, caption=text.caption or picture.caption, props=props)
    return replace(exercise, name=text.name or exercise.name, steps=text.steps or exercise.steps,
                   cautions=text.cautions or exercise.cautions, picture=picture,
                   sources=tuple(translation.sources.get(title, title) for title in exercise.sources))


def translate_routine(routine: Routine, translation: Translation, exercises: Mapping[int, Exercise]) -> Routine:
    """`routine` with this translation's texts, its steps using the translated `exercises`
    (by the identity of the English exercise they replace)."""
    text = translation.routines.get(routine.name, RoutineText())
    steps = tuple(replace(step, exercise=exercises.get(id(step.exercise), step.exercise),
                          note=text.notes.get(step.exercise.id, step.note) if step.note else None)
                  for step in routine.steps)
    return replace(routine, title=text.title or routine.title,
                   description=text.description or routine.description, steps=steps)
