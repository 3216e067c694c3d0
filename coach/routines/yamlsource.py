"""Turning a file into a YAML node tree safely, or into problems that say exactly why not.

Nodes (not Python objects) are kept so every later message can name a line and column, and
because composing never constructs objects: a routine file cannot run code.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coach.i18n import N_, _
from coach.problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
# Whichever limit is met first (libyaml's, Python's or coach's), the person reads the same thing.
TOO_DEEP = N_("the file is nested too deeply (more than {levels} levels of lists and mappings)")
TOO_DEEP_FIX = N_("a routine file needs only a few levels: check the brackets and indentation")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_KINDS = ((stat.S_ISDIR, N_("a folder")), (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
          (stat.S_ISSOCK, N_("a socket")), (stat.S_ISCHR, N_("a device")), (stat.S_ISBLK, N_("a device")))
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
        if "nesting depth" in str(error.problem):  # libyaml's own limit, met before coach's
            _too_deep(document, line, column)
            return document
        # PyYAML's own words stay English: they name YAML's parts, which have no other names here.
        reason = " ".join(part for part in (error.context, error.problem) if part) or "malformed YAML"
        fix = _("check the indentation and the colons on this line and the one before")
        if "another document" in reason:
            fix = _("a file holds one routine: remove the '---' line or split the file")
        document.add(line, column, _("YAML syntax error: {reason}").format(reason=reason), fix)
        return document
    except yaml.YAMLError as error:
        document.add(1, 1, _("YAML syntax error: {reason}").format(reason=error), _("check the file is YAML text"))
        return document
    except RecursionError:  # the pure-Python composer's limit, met before coach's
        _too_deep(document, 1, 1)
        return document
    if root is None:
        document.add(1, 1, _("the file is empty"),
                     _("add a routine or an exercise list (see 'coach help routines')"))
        return document
    if _shape_ok(document, root):
        document.root = root
    return document


def _read_bytes(document: Document) -> bytes | None:
    data = _read_regular_file(document)
    if data is None:
        return None
    if len(data) > MAX_FILE_BYTES:
        document.add(1, 1, _("the file is larger than {size} KiB").format(size=MAX_FILE_BYTES // 1024),
                     _("a routine file is a few KiB: check this is the right file"))
        return None
    encoding = _wide_encoding(data)
    if encoding:
        document.add(1, 1, _("the file is {encoding} text, not UTF-8").format(encoding=encoding),
                     _("save it as UTF-8 in your editor (\"Save with encoding\")"))
        return None
    if b"\0" in data:
        document.add(1, 1, _("this is a binary file, not text"),
                     _("routine files are plain text (YAML): check this is the right file"))
        return None
    return data


def _read_regular_file(document: Document) -> bytes | None:
    """The first bytes of a regular file, never blocking: a FIFO or a device is refused unopened.

    stat() comes first so a pipe is never opened; O_NONBLOCK and fstat() catch a file swapped
    for one between the two calls.
    """
    cannot_read = _("check the file exists, is a regular file and you may read it")
    try:
        kind = _not_a_file(os.stat(document.path).st_mode)
        if kind:
            document.add(1, 1, _("this is {kind}, not a file").format(kind=_(kind)),
                         _("routine files are plain text files: move it out of the routines folder or give it "
                           "another name"))
            return None
        descriptor = os.open(document.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            kind = _not_a_file(os.fstat(handle.fileno()).st_mode)
            if kind:
                document.add(1, 1, _("this is {kind}, not a file").format(kind=_(kind)), cannot_read)
                return None
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        if error.errno == errno.ELOOP:
            document.add(1, 1, _("this is a symbolic link that leads back to itself (a link loop)"),
                         _("point the link at a real file, or remove it"))
        else:
            document.add(1, 1, _("cannot read the file: {reason}").format(reason=error.strerror or error), cannot_read)
        return None


def _not_a_file(mode: int) -> str | None:
    return next((kind for test, kind in _KINDS if test(mode)), None)


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' for text saved that way (with or without a byte-order mark)."""
    if data.startswith(_UTF32_BOMS):
        return "UTF-32"
    if data.startswith(_UTF16_BOMS):
        return "UTF-16"
    sample = data[:200]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    enough = len(sample) // 2 * 0.7
    if len(sample) >= 4 and ((even_zeros == 0 and odd_zeros >= enough) or (odd_zeros == 0 and even_zeros >= enough)):
        return "UTF-16"
    return None


def _decode(document: Document, data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        document.add(line, column, _("the file is not UTF-8 text"),
                     _("save it as UTF-8 in your editor (\"Save with encoding\")"))
        return None


def _editor_lines(text: str) -> str:
    """Line breaks as an editor counts them, all as \\n; YAML reads \\r\\n and \\r the same."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS_ONLY_YAML_SEES)


def _too_deep(document: Document, line: int, column: int) -> None:
    document.add(line, column, _(TOO_DEEP).format(levels=MAX_DEPTH), _(TOO_DEEP_FIX))


def _indentation_ok(document: Document, text: str) -> bool:
    clean = True
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            document.add(number, indent.index("\t") + 1, _("a tab is used for indentation"),
                         _("YAML indents with spaces: replace the tab with spaces"))
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
                         _("anchors and aliases (&name, *name) are not supported"),
                         _("write the value out in full"))
            return False
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            document.add(node.start_mark.line + 1, node.start_mark.column + 1,
                         _("the YAML tag '{tag}' is not allowed").format(tag=node.tag),
                         _("remove the tag (the part starting with !): routine files hold plain values"))
            return False
        if depth > MAX_DEPTH:
            _too_deep(document, node.start_mark.line + 1, node.start_mark.column + 1)
            return False
        if isinstance(node, yaml.MappingNode):
            pending.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((child, depth + 1) for child in node.value)
    return True
