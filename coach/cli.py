"""The `coach` command: parses arguments and hands each subcommand to the code that does it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from coach import __version__
from coach.library import Library, default_layers, load_library
from coach.nodes import suggestion
from coach.text_views import exercise_table, exercise_text, routine_table, timeline_text
from coach.timeline import build_timeline
from coach.model import Side

SAFETY_LINE = "coach coaches stretches, not medicine. See a doctor for a swollen, red or hot calf."


class UserError(Exception):
    """A problem the person can fix; printed as one line, never as a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="A calm bedtime stretching coach for night calf cramps. "
                    "Run with no command to open the coach in your terminal.",
        epilog=SAFETY_LINE,
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("list", help="list the routines with their total time",
                        description="List every routine: its name, total time and title.")
    show = commands.add_parser("show", help="show a routine minute by minute",
                               description="Show the whole timeline of a routine, with every "
                                           "hold, rest and leg switch, then how to do each exercise.")
    show.add_argument("name", help="the routine's name, as in 'coach list'")
    show.add_argument("--side", choices=["left", "right", "both"],
                      help="for routines that ask which leg (cramp-now): the leg to show")
    exercises = commands.add_parser("exercises", help="list the exercise library",
                                    description="List every exercise, or show one in full.")
    exercises.add_argument("id", nargs="?", help="an exercise id to show in full")
    validate = commands.add_parser("validate", help="check routine files for mistakes",
                                   description="Check routine and exercise files. With no files, "
                                               "checks every routine coach can see. Exits 1 "
                                               "if anything is wrong.")
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        return run(arguments)
    except UserError as error:
        print(f"coach: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run(arguments: argparse.Namespace) -> int:
    handler = {
        None: command_home,
        "list": command_list,
        "show": command_show,
        "exercises": command_exercises,
        "validate": command_validate,
    }[arguments.command]
    return handler(arguments)


def _library_or_warn() -> Library:
    library = load_library()
    if library.problems:
        files = len({problem.path for problem in library.problems})
        print(f"coach: {files} routine file(s) have mistakes and were left out; "
              f"run 'coach validate' to see them", file=sys.stderr)
    return library


def find_routine(library: Library, name: str):
    if name in library.routines:
        return library.routines[name]
    hint = suggestion(name, library.routines) or "run 'coach list' to see them"
    raise UserError(f"there is no routine called '{name}' — {hint}")


def command_home(arguments: argparse.Namespace) -> int:
    return command_list(arguments)


def command_list(arguments: argparse.Namespace) -> int:
    library = _library_or_warn()
    totals = {name: build_timeline(r).total for name, r in library.routines.items()}
    print(routine_table(library.routines.values(), totals, library.overridden))
    return 0


def command_show(arguments: argparse.Namespace) -> int:
    library = _library_or_warn()
    routine = find_routine(library, arguments.name)
    chosen = Side(arguments.side) if arguments.side else None
    print(timeline_text(routine, build_timeline(routine, chosen)))
    return 0


def command_exercises(arguments: argparse.Namespace) -> int:
    library = _library_or_warn()
    if arguments.id is None:
        print(exercise_table(library.exercises.values()))
        return 0
    if arguments.id not in library.exercises:
        hint = suggestion(arguments.id, library.exercises) or "run 'coach exercises' to list them"
        raise UserError(f"there is no exercise called '{arguments.id}' — {hint}")
    print(exercise_text(library.exercises[arguments.id]))
    return 0


def command_validate(arguments: argparse.Namespace) -> int:
    layers = default_layers()
    checked = [path for layer in layers for path in layer]
    if arguments.files:
        missing = [str(path) for path in arguments.files if not path.exists()]
        if missing:
            raise UserError(f"no such file: {', '.join(missing)}")
        checked = list(arguments.files)
        layers = layers + [checked]
    library = load_library(layers)
    problems = library.problems_in(checked)
    for problem in problems:
        print(problem)
    if problems:
        files = len({problem.path for problem in problems})
        print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(checked)} file(s) checked, no problems")
    return 0
