"""Turning a file into a YAML node tree safely, or into problems that say exactly why not.

Nodes (not Python objects) are kept so every later message can name a line and column, and
because composing never constructs objects: a routine file cannot run code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coach.problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
# libyaml is far faster on large input; the pure-Python loader gives the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# YAML also ends a line at NEL, LS and PS, which editors show inside a line. As spaces they
# read the same in plain and quoted values (YAML folds a single line break into a space), and
# every line a message names is the line the editor shows.
_BREAKS_ONLY_YAML_SEES = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


@dataclass
class Document:
    path: Path
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, column: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, column, message, fix))


def read_document(path: Path) -> Document:
    document = Document(path)
    data = _read_bytes(document)
    if data is None:
        return document
    text = _decode(document, data)
    if text is None:
        return document
    text = _editor_lines(text)
    if not _indentation_ok(document, text):
        return document
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (error.context, error.problem) if part) or "malformed YAML"
        fix = "check the indentation and the colons on this line and the one before"
        if "another document" in reason:
            fix = "a file holds one routine: remove the '---' line or split the file"
        document.add(line, column, f"YAML syntax error: {reason}", fix)
        return document
    except yaml.YAMLError as error:
        document.add(1, 1, f"YAML syntax error: {error}", "check the file is YAML text")
        return document
    except RecursionError:
        document.add(1, 1, "the file is nested too deeply", "a routine file needs only a few levels")
        return document
    if root is None:
        document.add(1, 1, "the file is empty",
                     "add a routine or an exercise list (see 'coach help routines')")
        return document
    if _shape_ok(document, root):
        document.root = root
    return document


def _read_bytes(document: Document) -> bytes | None:
    try:
        with open(document.path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop on some Pythons
        reason = getattr(error, "strerror", None) or str(error)
        document.add(1, 1, f"cannot read the file: {reason}",
                     "check the file exists, is a regular file and you may read it")
        return None
    if len(data) > MAX_FILE_BYTES:
        document.add(1, 1, f"the file is larger than {MAX_FILE_BYTES // 1024} KiB",
                     "a routine file is a few KiB: check this is the right file")
        return None
    if b"\0" in data:
        document.add(1, 1, "this is a binary file, not text",
                     "routine files are plain text (YAML): check this is the right file")
        return None
    return data


def _decode(document: Document, data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        document.add(line, column, "the file is not UTF-8 text",
                     "save it as UTF-8 in your editor (\"Save with encoding\")")
        return None


def _editor_lines(text: str) -> str:
    """Line breaks as an editor counts them, all as \\n; YAML reads \\r\\n and \\r the same."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS_ONLY_YAML_SEES)


def _indentation_ok(document: Document, text: str) -> bool:
    clean = True
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            document.add(number, indent.index("\t") + 1, "a tab is used for indentation",
                         "YAML indents with spaces: replace the tab with spaces")
            clean = False
    return clean


def _shape_ok(document: Document, root: yaml.Node) -> bool:
    """Reject aliases and deep nesting before anything walks the tree.

    An alias makes the composer reuse one node object, so seeing a node twice means an alias;
    refusing them is what stops a "billion laughs" file from expanding.
    """
    seen: set[int] = set()
    pending: list[tuple[yaml.Node, int]] = [(root, 1)]
    while pending:
        node, depth = pending.pop()
        if id(node) in seen:
            document.add(node.start_mark.line + 1, node.start_mark.column + 1,
                         "anchors and aliases (&name, *name) are not supported",
                         "write the value out in full")
            return False
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            document.add(node.start_mark.line + 1, node.start_mark.column + 1,
                         f"the YAML tag '{node.tag}' is not allowed",
                         "remove the tag (the part starting with !): routine files hold plain values")
            return False
        if depth > MAX_DEPTH:
            document.add(node.start_mark.line + 1, node.start_mark.column + 1,
                         "the file is nested too deeply", "a routine file needs only a few levels")
            return False
        if isinstance(node, yaml.MappingNode):
            pending.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((child, depth + 1) for child in node.value)
    return True
