"""Typed reading of YAML nodes that records a located problem instead of raising."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

import yaml

from coach.durations import EXAMPLES, DurationError, parse_duration
from coach.i18n import N_, _
from coach.printable import describe, first_unprintable
from coach.routines.yamlsource import Document

E = TypeVar("E", bound=Enum)
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
MAX_DURATION = 60 * 60
MAX_TEXT = 2000

_KIND = {yaml.MappingNode: N_("a mapping (key: value lines)"), yaml.SequenceNode: N_("a list"),
         yaml.ScalarNode: N_("a single value")}


def position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def kind_of(node: yaml.Node) -> str:
    return _(_KIND.get(type(node), N_("something else")))


def suggestion(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _("did you mean '{name}'?").format(name=close[0]) if close else ""


class NodeReader:
    """Reads values of one document; every problem goes into the document."""

    def __init__(self, document: Document):
        self.document = document

    def problem(self, node: yaml.Node, message: str, fix: str) -> None:
        self.document.add(*position(node), message, fix)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, _("{what} should be a mapping of keys, found {kind}").format(
                what=what, kind=kind_of(node)),
                         _("write it as 'key: value' lines (see 'coach help routines')"))
            return None
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.problem(key, _("a key in {what} is not a plain word").format(
                    what=what), _("use a simple key name"))
                continue
            if key.value in result:
                self.problem(key, _("'{key}' appears twice in {what}").format(key=key.value, what=what),
                             _("keep only one of them"))
                continue
            result[key.value] = (key, value)
        return result

    def fields(self, node: yaml.Node, allowed: Iterable[str], required: Iterable[str],
               what: str) -> dict[str, yaml.Node] | None:
        """The values of a mapping by key, after reporting unknown and missing keys.

        A misspelt key close to a missing one ("step" for "steps") is reported, then read as
        the key it was meant to be, so one run shows the mistakes inside it too.
        """
        found = self.mapping(node, what)
        if found is None:
            return None
        allowed = list(allowed)
        values = {name: value for name, (_, value) in found.items() if name in allowed}
        for name, (key, value) in found.items():
            if name in allowed:
                continue
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = _("did you mean '{name}'?").format(name=close[0]) if close else \
                _("allowed keys: {keys}").format(keys=", ".join(allowed))
            self.problem(key, _("unknown key '{key}' in {what}").format(key=name, what=what), hint)
            if close and close[0] not in found:
                values.setdefault(close[0], value)
        for name in required:
            if name not in found and name not in values:
                self.problem(node, _("{what} has no '{key}'").format(what=what, key=name),
                             _("add a '{key}:' line").format(key=name))
        return values

    def text(self, node: yaml.Node, what: str, multiline: bool = False) -> str | None:
        """Printable text only: escape sequences and direction overrides would reach the terminal."""
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            self.problem(node, _("{what} should be text, found {kind}").format(what=what, kind=kind_of(node)),
                         _("write the text on the same line, after the colon"))
            return None
        value = str(node.value).strip()
        if not value:
            self.problem(node, _("{what} is empty").format(what=what), _("write some text, or remove the line"))
            return None
        if len(value) > MAX_TEXT:
            self.problem(node, _("{what} is longer than {limit} characters").format(what=what, limit=MAX_TEXT),
                         _("shorten it"))
            return None
        unprintable = first_unprintable(value, allow_newline=multiline)
        if unprintable is not None:
            self.problem(node, _("{what} contains {character}").format(what=what, character=describe(unprintable)),
                         _("use printable text only: remove it, or retype the line in a plain editor"))
            return None
        return value

    def name(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not NAME_PATTERN.match(value):
            self.problem(node, _("{what} '{value}' is not a usable name").format(what=what, value=value),
                         _("use lower-case letters, digits and hyphens, like 'wall-calf-stretch'"))
            return None
        return value

    def text_list(self, node: yaml.Node, what: str) -> tuple[str, ...] | None:
        if isinstance(node, yaml.ScalarNode):
            single = self.text(node, what)
            return (single,) if single else None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, _("{what} should be a list, found {kind}").format(what=what, kind=kind_of(node)),
                         _("write one '- item' line per entry"))
            return None
        items = [self.text(item, _("an item of {what}").format(what=what)) for item in node.value]
        if any(item is None for item in items):
            return None
        return tuple(items)  # type: ignore[arg-type]

    def duration(self, node: yaml.Node, what: str, allow_zero: bool = False) -> int | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, _("{what} should be a length of time, found {kind}").format(
                what=what, kind=kind_of(node)),
                         _("write it like {examples}").format(examples=_(EXAMPLES)))
            return None
        if allow_zero and str(node.value).strip() in ("0", "0s"):
            return 0
        try:
            seconds = parse_duration(node.value)
        except DurationError as error:
            self.problem(node, _("{what} '{value}' {error}").format(what=what, value=node.value, error=error),
                         _("use a positive time like {examples}").format(examples=_(EXAMPLES)))
            return None
        if seconds > MAX_DURATION:
            self.problem(node, _("{what} is longer than an hour").format(what=what), _("check the number and the unit"))
            return None
        return seconds

    def count(self, node: yaml.Node, what: str, maximum: int) -> int | None:
        raw = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if raw.isdigit() and not raw.isascii():
            self.problem(node, _("{what} uses digits other than 0-9").format(what=what),
                         _("write the number with the digits 0-9"))
            return None
        # Length first: int() of thousands of digits is slow, and refused by Python anyway.
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or not 1 <= int(raw) <= maximum:
            self.problem(node, _("{what} should be a whole number from 1 to {maximum}").format(
                what=what, maximum=maximum),
                         _("write a number such as 3"))
            return None
        return int(raw)

    def flag(self, node: yaml.Node, what: str) -> bool | None:
        raw = str(node.value).strip().lower() if isinstance(node, yaml.ScalarNode) else ""
        if raw in ("true", "yes", "on"):
            return True
        if raw in ("false", "no", "off"):
            return False
        self.problem(node, _("{what} should be true or false").format(what=what), _("write true or false"))
        return None

    def choice(self, node: yaml.Node, options: type[E], what: str) -> E | None:
        raw = str(node.value).strip().lower() if isinstance(node, yaml.ScalarNode) else ""
        names = [option.value for option in options]
        if raw in names:
            return options(raw)
        hint = suggestion(raw, names) if raw else ""
        self.problem(node, _("{what} '{value}' is not one of: {choices}").format(
            what=what, value=raw, choices=", ".join(names)),
                     hint or _("use one of: {choices}").format(choices=", ".join(names)))
        return None
