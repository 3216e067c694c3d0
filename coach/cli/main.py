"""The `coach` command: parses arguments and hands each subcommand to the code that does it."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach import __version__, locations, safety
from coach.cli import collector
from coach.cli.argparse_words import speak_the_persons_language
from coach.cli.errors import UserError
from coach.engine.timeline import build_timeline
from coach.i18n import LANGUAGES, N_, _, choose_language, pgettext, use_language
from coach.model import Routine, Side
from coach.printable import visible
from coach.routines.library import FIRST_AID_ROUTINE, Library, default_layers, load_library, shipped_library
from coach.routines.pregnancy import first_aid_for, is_pregnancy_variant, routine_for
from coach.settings import load_settings, save_settings
from coach.words import count_of, count_words

if TYPE_CHECKING:
    from coach.engine.session import Session
    from coach.history.store import HistoryStore

CRAMP_ROUTINE = FIRST_AID_ROUTINE
PREGNANCY_QUESTION = N_("Are you pregnant? (y)es or (n)o (coach then offers gentle routines with nothing "
                        "flat on your back): ")


def safety_line() -> str:
    return _("coach coaches stretches, not medicine. {emergency} {urgent}").format(
        emergency=safety.EMERGENCY.line(), urgent=safety.URGENT.line())


# Commands that live in modules of their own. A module is imported only when one of its commands
# runs, or when every command must be listed: the full-screen coach opens sooner without them.
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "coach.cli.history": ("cramp", "checkin", "plan", "history", "stats", "report"),
    "coach.cli.remind": ("remind",),
    "coach.cli.own": ("new", "edit"),
    "coach.cli.sound": ("settings", "voice"),
}
BUILT_IN_COMMANDS = ("list", "show", "exercises", "validate", "run", "sos", "help")
HELP_OPTIONS = ("-h", "--help")


def keep_negative_durations(argv: list[str]) -> list[str]:
    """'coach remind snooze -5m' is a duration to refuse with a reason, not an unknown option."""
    for index in range(len(argv) - 2):
        if argv[index:index + 2] == ["remind", "snooze"] and argv[index + 2].startswith("-") \
                and argv[index + 2] not in (*HELP_OPTIONS, "--"):
            return [*argv[:index + 2], "--", *argv[index + 2:]]
    return argv


def requested_language(argv: Sequence[str]) -> str | None:
    """The --lang given, read before parsing: the parser's own help is already in that language.
    An unknown one is left for the parser to refuse, with the list."""
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None


def groups_needed(argv: Sequence[str]) -> list[str]:
    """The command-group modules that parsing `argv` needs: the command's own, or all of them
    for help and for a mistyped command (whose error lists every command)."""
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--lang")]
    command = words[0] if words else None
    if command is None:
        return list(COMMAND_GROUPS) if any(a in HELP_OPTIONS for a in argv) else []
    for module, names in COMMAND_GROUPS.items():
        if command in names:
            return [module]
    return [] if command in BUILT_IN_COMMANDS else list(COMMAND_GROUPS)


def build_parser(groups: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with only the given command groups (see groups_needed)."""
    parser = argparse.ArgumentParser(
        prog="coach",
        description=_("A calm bedtime stretching coach for night calf cramps. "
                      "Run with no command to open the coach in your terminal."),
        epilog=safety_line(),
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES), metavar="LANGUAGE",
                        help=_("the language coach speaks this time: {languages} "
                               "(default: the settings file's, else the system's)").format(
                            languages=", ".join(sorted(LANGUAGES))))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("list", help=_("list the routines with their total time"),
                        description=_("List every routine: its name, total time and title."))
    show = commands.add_parser("show", help=_("show a routine step by step, every hold and rest"),
                               description=_("Show the whole timeline of a routine, with every "
                                             "hold, rest and leg switch, then how to do each exercise."))
    show.add_argument("name", help=_("the routine's name, as in 'coach list'"))
    show.add_argument("--side", choices=["left", "right", "both"],
                      help=_("for routines that ask which leg (cramp-now): the leg to show"))
    show.add_argument("--cues", action="store_true",
                      help=_("print what coach says and plays at each change: time, sound and words"))
    exercises = commands.add_parser("exercises", help=_("list the exercise library"),
                                    description=_("List every exercise, or show one in full."))
    exercises.add_argument("id", nargs="?", help=_("an exercise id to show in full"))
    exercises.add_argument("--side", choices=["left", "right"], default="left",
                           help=_("draw the picture for this leg (default: left)"))
    exercises.add_argument("--plain", action="store_true",
                           help=_("words only, no picture (for screen readers)"))
    validate = commands.add_parser("validate", help=_("check routine files for mistakes"),
                                   description=_("Check routine and exercise files. With no files, "
                                                 "checks every file in your own routines folder. "
                                                 "Exits 1 if anything is wrong."))
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")

    run = commands.add_parser("run", help=_("start a routine now"),
                              description=_("Start a routine straight away in the full-screen coach, "
                                            "or with --plain as one line of text per change."))
    run.add_argument("name", help=_("the routine's name, as in 'coach list'"))
    _session_options(run)
    sos = commands.add_parser("sos", help=_("a cramp right now: start first aid at once"),
                              description=_("Start the cramp-now first aid routine at once. "
                                            "It asks only which leg."))
    _session_options(sos)
    for module in COMMAND_GROUPS if groups is None else groups:
        importlib.import_module(module).add_commands(commands)
    guide = commands.add_parser("help", help=_("guides: 'coach help routines' explains the routine file format"),
                                description=_("Show a guide that comes with coach. 'routines': how a routine "
                                              "or exercise file is written, for 'coach new' and 'coach edit'."))
    guide.add_argument("topic", nargs="?", choices=sorted(GUIDES), help=_("the guide to show"))
    return parser


GUIDES = {"routines": "routine-format.md"}


def command_help(arguments: argparse.Namespace) -> int:
    if arguments.topic is None:
        build_parser().print_help()
        return 0
    print(locations.guide_path(GUIDES[arguments.topic]).read_text(encoding="utf-8"), end="")
    return 0


def _session_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--plain", action="store_true",
                         help=_("no full-screen app: print one line per change (screen readers, SSH)"))
    command.add_argument("--quiet", action="store_true", help=_("no sound cue at each change"))
    command.add_argument("--side", choices=["left", "right", "both"],
                         help=_("the cramped leg, for routines that ask (cramp-now)"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = keep_negative_durations(sys.argv[1:] if argv is None else list(argv))
    use_language(choose_language(requested_language(argv), load_settings().settings.language))
    speak_the_persons_language()
    arguments = build_parser(groups_needed(argv)).parse_args(argv)
    if not opens_full_screen(arguments):
        collector.resume()  # held by the launcher for the full screen's start only
    try:
        return run(arguments)
    except UserError as error:
        print(f"coach: {visible(str(error))}", file=sys.stderr)  # it may quote what was typed
        return 2
    except _history_failures() as error:  # evaluated only when something was raised
        print(f"coach: {_history_failure_line(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (coach show evening | head): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


Handler = Callable[[argparse.Namespace], int]


def opens_full_screen(arguments: argparse.Namespace) -> bool:
    return arguments.command in (None, "run", "sos") and not getattr(arguments, "plain", False)


def _history_failures() -> tuple[type[BaseException], ...]:
    """A history that cannot be used, or opened but cannot be written (read-only, disk full).
    Only looked up once something was raised: a command that never opened the history never
    pays for importing it."""
    if "coach.history.store" not in sys.modules:
        return ()
    import sqlite3

    from coach.history.store import HistoryError

    return (HistoryError, sqlite3.Error)


def _history_failure_line(error: BaseException) -> str:
    from coach.history.store import HistoryError, default_path, explain

    if isinstance(error, HistoryError):
        return visible(str(error))
    return explain(error, default_path())  # type: ignore[arg-type]  # a sqlite3.Error, as caught


def run(arguments: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {
        "": command_home,
        "list": command_list,
        "show": command_show,
        "exercises": command_exercises,
        "validate": command_validate,
        "run": command_run,
        "sos": command_sos,
        "help": command_help,
    }
    command = arguments.command or ""
    if command not in handlers:
        group = next(module for module, names in COMMAND_GROUPS.items() if command in names)
        handlers = importlib.import_module(group).HANDLERS
    return handlers[command](arguments)


def _library_or_warn() -> Library:
    library = load_library()
    if library.problems:
        files = len({problem.path for problem in library.problems})
        print("coach: " + count_words(files, "{count} routine file has mistakes and was left out; "
                                             "run 'coach validate' to see them",
                                      "{count} routine files have mistakes and were left out; "
                                      "run 'coach validate' to see them"), file=sys.stderr)
    return library


def find_routine(library: Library, name: str, pregnant: bool | None = None) -> Routine:
    """The routine called `name`, or its pregnancy version when the person is pregnant."""
    if name in library.routines:
        routine = routine_for(library, name, pregnant)
        if routine.name != name:
            print("coach: " + pregnancy_version_note(routine.name), file=sys.stderr)
        return routine
    from coach.routines.nodes import suggestion

    hint = suggestion(name, library.routines) or _("run 'coach list' to see them")
    raise UserError(_("there is no routine called '{name}' — {hint}").format(name=name, hint=hint))


def pregnancy_version_note(name: str) -> str:
    return _("you said you are pregnant, so this is '{name}': gentle stretches, nothing flat on your back"
             ).format(name=name)


def command_home(arguments: argparse.Namespace) -> int:
    from coach.first_run import safety_seen

    if not safety_seen():
        # A first run opens on the safety page, which needs no routines: they are read just
        # after it is drawn (on a first run that means YAML, as nothing is cached yet). Their
        # problems are shown on the start screen, since the full screen hides anything printed.
        return open_app(load_library)
    return open_app(_library_or_warn())


def command_run(arguments: argparse.Namespace) -> int:
    library = _library_or_warn()
    routine = find_routine(library, arguments.name, load_settings().settings.pregnant)
    return start_session(library, routine, arguments)


def command_sos(arguments: argparse.Namespace) -> int:
    """First aid is always coach's own routine, built from coach's own exercises: none of the
    person's files (broken, a FIFO, or hostile) can stand between a cramp and the stretch that
    may ease it. Plain mode reads none of the person's files at all."""
    pregnant = load_settings().settings.pregnant
    # The full screen reads the person's library anyway (its cache holds coach's own first aid,
    # read from coach's files alone), so it needs no second, uncached read of coach's YAML.
    library = None if arguments.plain else _library_or_warn()
    routine = first_aid_for(library, pregnant) if library is not None else None
    if routine is None:
        routine = first_aid_for(shipped_library(), pregnant)
    if routine is None:
        raise UserError(_("coach's own cramp-now routine is missing; reinstall coach "
                          "(pip install --force-reinstall coach)"))
    if is_pregnancy_variant(routine):
        print("coach: " + pregnancy_version_note(routine.name), file=sys.stderr)
    if library is None:
        library = Library(routines={routine.name: routine})
    return start_session(library, routine, arguments)


def start_session(library: Library, routine: Routine, arguments: argparse.Namespace) -> int:
    side = Side(arguments.side) if arguments.side else None
    if arguments.plain:
        from coach.history.recorder import Recorder

        first_use_in_plain_mode(during_a_cramp=routine.asks_for_side)
        if routine.asks_for_side and side is None:
            side = ask_side()
        store, notices = _history_if_possible()
        for notice in notices:
            print(f"coach: {notice}", file=sys.stderr)

        def record(session: Session) -> None:
            if store is not None:
                Recorder(store, session, routine.name,
                         report=lambda problem: print(f"coach: {problem}", file=sys.stderr))

        return _run_plain(routine, side, arguments.quiet, record)
    return open_app(library, start=routine, side=side, quiet=arguments.quiet)


def _run_plain(routine: Routine, side: Side | None, quiet: bool, record: Callable[[Session], None]) -> int:
    from coach.cli.keys import terminal_keys
    from coach.cli.plain import run_plain
    from coach.cli.wrapping import for_terminal
    from coach.cues.driver import CueDriver
    from coach.cues.system import system_announcer
    from coach.settings import load_settings

    loaded = load_settings()
    for problem in loaded.problems:
        print(f"coach: {problem}", file=sys.stderr)

    def bell() -> None:
        sys.stdout.write("\a")
        sys.stdout.flush()

    announcer = system_announcer(loaded.settings, bell=bell, mode="silent" if quiet else None,
                                 report=lambda problem: print(f"coach: {problem}", file=sys.stderr))
    interrupted: list[bool] = []
    try:
        with terminal_keys() as keys:
            if keys is not None:
                print(_("Keys: space pause · n skip · b back · q stop"))
            run_plain(build_timeline(routine, side), for_terminal(sys.stdout), bell=False, prepare=record, keys=keys,
                      cues=lambda session: CueDriver(session, announcer.announce, announcer.silence,
                                                     ticks=lambda: loaded.settings.ticks),
                      ticks=loaded.settings.ticks, interrupted=lambda: interrupted.append(True),
                      first_aid=routine.asks_for_side, pregnant=is_pregnancy_variant(routine))
            announcer.idle(timeout=4.0)  # let "Well done" be heard before the program ends
    finally:
        announcer.close()
    return 130 if interrupted else 0


def first_use_in_plain_mode(during_a_cramp: bool) -> None:
    """The first time coach runs in plain mode: the safety page the full screen would show, and
    the pregnancy question, asked only of a person at a keyboard and never during a cramp."""
    from coach.first_run import mark_safety_seen, safety_seen

    if safety_seen():
        return
    pregnant = load_settings().settings.pregnant
    from coach.cli.wrapping import for_terminal, wrap_text

    for_terminal(sys.stdout).write(safety.safety_page(pregnant) + "\n\n")
    sys.stdout.flush()
    mark_safety_seen()
    if pregnant is None and not during_a_cramp and sys.stdin.isatty():
        answer = input(wrap_text(_(PREGNANCY_QUESTION), shutil.get_terminal_size().columns - 1)).strip().lower()
        # The first letters of the answers in the words of the question; English's always work too.
        yes, no = {"y", pgettext("answer", "y").lower()}, {"n", pgettext("answer", "n").lower()}
        if answer[:1] in yes | no:
            try:
                save_settings({"pregnant": answer[:1] in yes})
            except OSError as error:
                print("coach: " + _("could not save your answer: {error}").format(error=error), file=sys.stderr)
            if answer[:1] in yes:
                print(_("From the next routine on, coach offers the pregnancy versions."))


def ask_side() -> Side:
    if not sys.stdin.isatty():
        return Side.CHOSEN
    while True:
        answer = input(_("Which leg is cramping? (l)eft, (r)ight or (b)oth: ")).strip().lower()
        # The words of the question, in the person's language; English's always work too.
        words = ((Side.LEFT, pgettext("leg answer", "left")), (Side.RIGHT, pgettext("leg answer", "right")),
                 (Side.BOTH, pgettext("leg answer", "both")))
        for side, word in words:
            if answer and (side.value.startswith(answer) or word.lower().startswith(answer)):
                return side


def open_app(library: Library | Callable[[], Library], **options: Any) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(_("the full-screen coach needs a terminal; use 'coach list', "
                          "'coach show NAME' or 'coach run NAME --plain' instead"))
    collector.hold()  # until the first frame is drawn (see coach.cli.collector)
    try:
        from coach.tui.app import CoachApp  # Textual loads only when the app really opens

        # The history opens just after the first frame: a person in pain sees the routine sooner.
        app = CoachApp(library, open_history=_history_if_possible,
                       after_first_frame=collector.resume_after_first_frame, **options)
        try:
            app.run()
        finally:
            app.close_cues()  # nothing goes on speaking after coach has closed
    finally:
        collector.resume()
    return 0


def _history_if_possible() -> tuple[HistoryStore | None, list[str]]:
    """The history store and what to tell the person about it; coaching goes on without one."""
    from coach.cli.history_access import HistoryUserError, open_history

    try:
        store = open_history(announce=False)
    except HistoryUserError as error:
        return None, [_("History is off for now: {error}").format(error=error)]
    except _history_failures() as error:  # inside the full screen: said there, never a traceback
        return None, [_("History is off for now: {error}").format(error=_history_failure_line(error))]
    return store, list(store.notices)


def command_list(arguments: argparse.Namespace) -> int:
    from coach.engine.text_views import routine_table  # as every command: only its own imports

    library = _library_or_warn()
    totals = {name: build_timeline(r).total for name, r in library.routines.items()}
    print(routine_table(library.routines.values(), totals, library.overridden))
    return 0


def command_show(arguments: argparse.Namespace) -> int:
    from coach.engine.text_views import timeline_text

    library = _library_or_warn()
    routine = find_routine(library, arguments.name)
    chosen = Side(arguments.side) if arguments.side else None
    if arguments.cues:
        from coach.cli.sound import cue_script_text
        from coach.settings import load_settings

        print(cue_script_text(build_timeline(routine, chosen), load_settings().settings.ticks))
        return 0
    print(timeline_text(routine, build_timeline(routine, chosen)))
    return 0


def command_exercises(arguments: argparse.Namespace) -> int:
    from coach.engine.text_views import exercise_table, exercise_text

    library = _library_or_warn()
    if arguments.id is None:
        print(exercise_table(library.exercises.values()))
        return 0
    if arguments.id not in library.exercises:
        from coach.routines.nodes import suggestion

        hint = suggestion(arguments.id, library.exercises) or _("run 'coach exercises' to list them")
        raise UserError(_("there is no exercise called '{id}' — {hint}").format(id=arguments.id, hint=hint))
    exercise = library.exercises[arguments.id]
    if not arguments.plain:
        from coach.cli.pictures import picture_text

        picture = picture_text(exercise, Side(arguments.side), shutil.get_terminal_size(), sys.stdout.isatty())
        if picture:
            print(picture + "\n")
    print(exercise_text(exercise))
    return 0


def command_validate(arguments: argparse.Namespace) -> int:
    layers = default_layers()
    checked = layers[-1]  # the person's own files
    if not arguments.files and not checked:
        print(_("ok: you have no routine files of your own yet ({folder}); "
                "'coach new NAME' starts one").format(folder=locations.user_routines_dir()))
        return 0
    if arguments.files:
        # lexists: a link that loops or dangles is reported by the loader for what it is.
        missing = [str(path) for path in arguments.files if not os.path.lexists(path)]
        if missing:
            raise UserError(_("no such file: {files}").format(files=", ".join(missing)))
        checked = list(arguments.files)
        # A file named here that also sits in the routines folder is read once, not reported twice.
        # realpath, not resolve(): a link that loops must reach the loader, which reports it.
        named = {os.path.realpath(path) for path in checked}
        layers = [[path for path in layer if os.path.realpath(path) not in named] for layer in layers]
        layers = [*layers, checked]
    library = load_library(layers)
    problems = library.problems_in(checked)
    for problem in problems:
        print(problem)
    if problems:
        files = len({problem.path for problem in problems})
        print(_("{problems} {in_files}").format(
            problems=count_of(len(problems), "problem", "problems"),
            in_files=count_words(files, "in {count} file", "in {count} files")), file=sys.stderr)
        return 1
    print(count_words(len(checked), "ok: {count} file checked, no problems", "ok: {count} files checked, no problems"))
    return 0
