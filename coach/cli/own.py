"""coach new and coach edit: routines of the person's own, safely."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from coach import locations
from coach.cli.errors import UserError
from coach.files import create_private, write_private
from coach.i18n import ENGLISH, _, current_language, pgettext
from coach.model import Routine
from coach.problems import Problem
from coach.routines.library import load_library, routine_files
from coach.routines.nodes import NAME_PATTERN, suggestion
from coach.routines.writer import routine_yaml
from coach.routines.yamlsource import read_document

FALLBACK_EDITORS = ("nano", "vi")
RESERVED_NAME = "exercises"  # exercises.yaml is where a person's own exercises live


class OwnUserError(UserError):
    pass


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser("new", help=_("start a routine of your own from a copy"),
                              description=_("Write a new routine file to start from, in your own folder."))
    new.add_argument("name", help=_("its name: lower-case letters, digits and hyphens"))
    new.add_argument("--from", dest="base", default="evening", help=_("the routine to copy (default: evening)"))
    new.add_argument("--replace-coachs", action="store_true",
                     help=_("allow a name coach's own routines use: yours then replaces coach's for you"))
    edit = commands.add_parser("edit", help=_("change a routine in your text editor"),
                               description=_("Open a routine in $VISUAL or $EDITOR and check it when "
                                             "you save. coach's own routines are copied to your folder "
                                             "first; the originals are never changed."))
    edit.add_argument("name", help=_("the routine's name, as in 'coach list'"))


def user_file_for(name: str) -> Path | None:
    for path in routine_files(locations.user_routines_dir()):
        document = read_document(path)
        for key, value in getattr(document.root, "value", []) or []:
            if getattr(key, "value", None) == "name" and getattr(value, "value", None) == name:
                return path
    return None


def command_new(arguments: argparse.Namespace) -> int:
    name = arguments.name
    if not NAME_PATTERN.match(name):
        raise OwnUserError(_("'{name}' is not a usable name — use lower-case letters, digits and hyphens, "
                             "like my-evening").format(name=name))
    if name == RESERVED_NAME:
        raise OwnUserError(_("'{name}' is the name of your exercise library file — choose another name").format(
            name=name))
    existing = user_file_for(name)
    if existing:
        raise OwnUserError(_("you already have a routine called '{name}' ({file}) — change it with: coach edit {name}"
                             ).format(name=name, file=existing))
    shipped = load_library([routine_files(locations.shipped_routines_dir())]).routines
    if name in shipped and not arguments.replace_coachs:
        raise OwnUserError(_(
            "'{name}' is the name of coach's own '{title}': yours would replace it for you, "
            "and a reminder for '{name}' would run yours — choose another name, or add --replace-coachs "
            "to replace it on purpose").format(name=name, title=shipped[name].title))
    library = load_library()
    if arguments.base not in library.routines:
        hint = suggestion(arguments.base, library.routines) or _("run 'coach list' to see them")
        raise OwnUserError(_("there is no routine called '{name}' to copy — {hint}").format(
            name=arguments.base, hint=hint))
    base = library.routines[arguments.base]
    # The library holds coach's routines in the person's language, so the copy is in it too.
    title = _("{title} (mine)").format(title=base.title) if name != base.name else base.title
    routine = replace(base, name=name, title=title)
    path = locations.user_routines_dir() / f"{name}.yaml"
    try:
        create_private(path, routine_yaml(routine, _("Copied from '{name}'.").format(name=base.name)))
    except FileExistsError:
        raise OwnUserError(_("{path} already exists — choose another name, or edit that file").format(
            path=path)) from None
    except OSError as error:
        raise OwnUserError(_("could not write {path}: {reason} — nothing was saved; "
                             "free some space or check the folder is yours").format(
            path=path, reason=error.strerror or error)) from None
    print(_("Wrote {path}").format(path=path))
    print(_("Change it with: coach edit {name}").format(name=name))
    return 0


def _shipped_copy(shipped: Routine) -> str:
    """coach's own file as it is, with its comments; in another language, the routine as the person
    reads it, so their copy does not turn English."""
    assert shipped.origin is not None
    if current_language() == ENGLISH:
        return shipped.origin.read_text(encoding="utf-8")
    return routine_yaml(shipped, _("Copied from coach's '{name}'.").format(name=shipped.name))


def editor_command() -> list[str]:
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    if sys.platform == "win32":
        return ["notepad"]
    for program in FALLBACK_EDITORS:
        if shutil.which(program):
            return [program]
    raise OwnUserError(_("no text editor found — set EDITOR, for example: export EDITOR=nano"))


def command_edit(arguments: argparse.Namespace) -> int:
    name = arguments.name
    path = user_file_for(name)
    if path is None:
        library = load_library()
        shipped = library.routines.get(name)
        if shipped is None or shipped.origin is None:
            hint = suggestion(name, library.routines) or _("run 'coach list' to see them")
            raise OwnUserError(_("there is no routine called '{name}' — {hint}").format(name=name, hint=hint))
        path = locations.user_routines_dir() / f"{name}.yaml"
        try:
            create_private(path, _shipped_copy(shipped))
        except FileExistsError:
            raise OwnUserError(_("{path} already exists and holds another routine — rename that file, "
                                 "then run coach edit {name} again").format(path=path, name=name)) from None
        except OSError as error:
            raise OwnUserError(_("could not write {path}: {reason} — free some space or check the folder is yours"
                                 ).format(path=path, reason=error.strerror or error)) from None
        print(_("Copied coach's '{name}' to {path}; your copy is used from now on.").format(name=name, path=path))
    editor = editor_command()
    last_good = path.read_text(encoding="utf-8")
    while True:
        try:
            subprocess.run([*editor, str(path)], check=False)
        except OSError as error:
            raise OwnUserError(_("could not start the editor '{editor}': {reason} — set EDITOR to an editor you have"
                                 ).format(editor=editor[0], reason=error.strerror)) from None
        problems = _problems(path)
        if not problems:
            print(_("{path}: no problems.").format(path=path))
            return 0
        for problem in problems:
            print(problem)
        if not sys.stdin.isatty() or _ask_keep():
            write_private(path, last_good)
            print(_("Kept the last good version of {path}; your changes were not saved.").format(path=path))
            return 1


def _ask_keep() -> bool:
    while True:
        answer = input(_("(e)dit again, or (k)eep the last good version? ")).strip().lower()
        # The first letters of the answers in the words of the question; English's always work too.
        keep = {"k", pgettext("answer", "k").lower()}
        if answer[:1] in {"e", pgettext("answer", "e").lower()} | keep:
            return answer[:1] in keep


def _problems(path: Path) -> list[Problem]:
    layers = [routine_files(locations.shipped_routines_dir()), routine_files(locations.user_routines_dir())]
    return load_library(layers).problems_in([path])


HANDLERS = {"new": command_new, "edit": command_edit}
