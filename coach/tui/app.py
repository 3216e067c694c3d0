"""The coach app: routines in, a calm guided session out. All timing lives in the core engine."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.screen import Screen

from coach.clock import monotonic, now_local
from coach.engine.timeline import build_timeline
from coach.first_run import mark_safety_seen, safety_seen
from coach.i18n import _, use_language
from coach.model import Routine, Side
from coach.routines.library import Library
from coach.settings import Settings, load_settings, save_settings
from coach.settings_text import CUE_MODE_LABELS, next_cue_mode
from coach.tui import key_characters
from coach.tui.keyboard_layout import latin_twin
from coach.tui.theme import NIGHT

if TYPE_CHECKING:
    from coach.cues.announcer import Announcer
    from coach.engine.session import Session
    from coach.history.store import HistoryStore

HistoryOpener = Callable[[], "tuple[HistoryStore | None, list[str]]"]

REMINDER_CHECK_SECONDS = 30
HANGUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
HOME_MODE = "home"
SESSION_MODE = "session"


class CoachApp(App[None]):
    # Absolute: Textual resolves a relative path against a subclass's own module.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "coach"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # F1 works even in a text box; ? only where it is not typed into one.
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?", show=False),
    ]

    def __init__(self, library: Library | Callable[[], Library], *, clock: Callable[[], float] = monotonic,
                 quiet: bool = False, start: str | Routine | None = None, side: Side | None = None,
                 show_safety: bool | None = None, history: HistoryStore | None = None,
                 open_history: HistoryOpener | None = None,
                 now: Callable[[], datetime] = now_local, notices: list[str] | None = None,
                 settings: Settings | None = None, announcer: Callable[[CoachApp], Announcer] | None = None,
                 after_first_frame: Callable[[], None] | None = None):
        """`library` may be a function that reads it: it is then read when first needed, or just
        after the first frame (a first run shows the safety page without it). `open_history`
        opens the history just after the first frame, and says what to tell the person;
        `after_first_frame` is called once that frame is drawn."""
        super().__init__()
        key_characters.install()
        self._notices = list(notices or [])
        if settings is None:
            loaded = load_settings()
            settings = loaded.settings
            self._notices += loaded.problems
        self.settings = settings
        # --quiet silences this run only; the mute key changes the saved setting.
        self.cue_mode = "silent" if quiet else settings.cues
        self._make_announcer = announcer or CoachApp._system_announcer
        self._announcer: Announcer | None = None
        self._library = library if isinstance(library, Library) else None
        self._read_library = None if isinstance(library, Library) else library
        self.history = history
        self._open_history = open_history
        self._unrecorded: list[tuple[Session, str]] = []  # started before the history was open
        self._leaving = False
        self.now = now
        self.clock = clock
        self._start = start
        self._start_side = side
        self.last_routine: str | None = None
        self._signals: list[int] = []
        self._show_safety = (not safety_seen()) if show_safety is None else show_safety
        self._checkin_asked = False  # once per opening: "later" means later, not in a minute
        self.pregnant = settings.pregnant  # None: not asked yet
        self._ask_side_for: Routine | None = None
        self._home_mode_added = False
        self._after_first_frame = after_first_frame
        # Set without the watcher before the app runs: the first stylesheet parse then uses this
        # theme, instead of parsing everything once more for a theme change (about 30 ms).
        self.register_theme(NIGHT)
        self.set_reactive(App.theme, NIGHT.name)
        self.add_class(f"-theme-{NIGHT.name}")  # what the watcher would have added (dark already is)
        self._theme_chosen = True
        self.stylesheet.set_variables(self.get_css_variables())  # nothing is parsed yet: no cost

    _theme_chosen = False

    def get_css_variables(self) -> dict[str, str]:
        """Textual works out its default theme's colours inside App.__init__ (about 1 ms); coach
        sets its own theme just after and works out those instead, so the first is skipped."""
        return super().get_css_variables() if self._theme_chosen else {}

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, with an input thread that sleeps until a key on
        Linux and macOS (see quiet_driver)."""
        driver = super().get_driver_class()
        linux = sys.modules.get("textual.drivers.linux_driver")  # never imported on Windows
        if linux is not None and driver is linux.LinuxDriver:
            from coach.tui.quiet_driver import QuietLinuxDriver

            return QuietLinuxDriver
        return driver

    @property
    def library(self) -> Library:
        if self._library is None:
            assert self._read_library is not None
            self._library = self._read_library()
            self._read_library = None
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        self._library = library
        self._read_library = None

    def speak_language(self, language: str) -> None:
        """From now on, coach's words and its own routines and exercises in `language`; the
        person's own files keep theirs. Screens follow as they are shown again."""
        from coach.routines.library import load_library

        use_language(language)
        self.library = load_library()  # the same files as at start, with this language's texts

    def get_default_screen(self) -> Screen[Any]:
        """The first screen, built straight away. As a mode it would cost a full restyle before
        the first frame; `coach run` and `coach sos` never build the home screen at all."""
        routine = self._start if isinstance(self._start, Routine) or self._start is None \
            else self.library.routines[self._start]
        if routine is not None:
            if routine.asks_for_side and self._start_side is None:
                self._ask_side_for = routine  # the question goes over the home screen
                return self._home_screen()
            self.last_routine = routine.name  # 'coach run quick': home highlights it afterwards too
            return self._run_screen(routine, self._start_side)
        if self._show_safety:
            from coach.tui.screens.safety import SafetyScreen

            return SafetyScreen(first_run=True)  # home is built only once the person goes on
        return self._home_screen()

    @staticmethod
    def _home_screen() -> Screen[Any]:
        # Imported only here: `coach run` and `coach sos --side` never load the home screen.
        from coach.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self._listen_for_hangup()
        for notice in self._notices:  # anything printed before the full screen opened is hidden
            self.notify(notice, severity="warning", timeout=20, markup=False)
        if self._ask_side_for is not None:
            self.begin(self._ask_side_for)
        if self._show_safety:
            mark_safety_seen()
        # What the first frame does not need waits until it is on screen.
        if self._after_first_frame is not None:
            self.call_after_refresh(self._after_first_frame)
        if self._open_history is not None:
            self.call_after_refresh(self.open_history)
        else:
            self._history_ready()
        if self._read_library is not None:
            self.call_after_refresh(lambda: self.library)  # read while the safety page is read

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None:
        self._leaving = True
        super().exit(result, return_code, message)

    async def run_action(self, action: str | ActionParseResult, default_namespace: DOMNode | None = None,
                         namespaces: Mapping[str, DOMNode] | None = None) -> bool:
        """Nothing more once coach is closing: keys typed just after q (a fast "qe") would open a
        screen while the others come down, and Textual would show its traceback on the way out."""
        if self._leaving:
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def on_key(self, event: events.Key) -> None:
        # Runs only for a key that nothing focused took (a text box keeps its Cyrillic letters).
        latin = latin_twin(event.key)
        if latin is not None and event.key not in self.screen.active_bindings:
            event.prevent_default()
            self.simulate_key(latin)  # see coach.tui.keyboard_layout

    def open_history(self) -> None:
        """Open the history (see __init__); the screen on show then catches up with it."""
        if self._open_history is None:
            return
        opener, self._open_history = self._open_history, None
        self.history, notices = opener()
        for notice in notices:
            self.notify(notice, severity="warning", timeout=20, markup=False)
        self._history_ready()
        for screen in self.screen_stack:
            refresh = getattr(screen, "history_opened", None)
            if refresh is not None:
                refresh()

    def _history_ready(self) -> None:
        if self.history is None:
            self._unrecorded.clear()
            return
        self.set_interval(REMINDER_CHECK_SECONDS, self.look_for_reminders, name="reminders")
        for session, routine_name in self._unrecorded:
            self._record(session, routine_name)
        self._unrecorded.clear()

    def _listen_for_hangup(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends coach by default without a
        word to history; this records the routine up to now, with the time actually spent."""
        loop = asyncio.get_running_loop()
        for signal_number in HANGUP_SIGNALS:
            with suppress(NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
                loop.add_signal_handler(signal_number, self.closed_from_outside)
                self._signals.append(signal_number)

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for signal_number in self._signals:
            loop.remove_signal_handler(signal_number)

    def closed_from_outside(self) -> None:
        for session in self._sessions_in_progress():
            session.stop()  # the history recorder writes the step in progress and the end
        self.exit()

    def _sessions_in_progress(self) -> list[Session]:
        """The routine on screen (or under a dialog or help), if it is not over yet."""
        sessions = [getattr(screen, "session", None) for screen in self.screen_stack]  # only run screens have one
        return [session for session in sessions if session is not None and not session.is_over]

    @property
    def following_a_routine(self) -> bool:
        return bool(self._sessions_in_progress())

    def ask_about_last_night(self) -> None:
        """The morning check-in, once per opening, if last night has no answer yet."""
        if self._checkin_asked or self.history is None or self._start or self._show_safety:
            return
        self._checkin_asked = True
        from coach.history.checkin import night_to_ask_about
        from coach.tui.screens.checkin import LOG, NONE, CheckinQuestion

        night = night_to_ask_about(self.history, self.now())
        if night is None:
            return

        def answered(answer: str | None) -> None:
            if answer == NONE and self.history is not None:
                self.history.check_in(night, self.now())
                self.notify(_("Noted: no cramps last night."), timeout=4)
            elif answer == LOG:
                from coach.tui.screens.cramp_form import CrampForm

                self.push_screen(CrampForm(when_hint="last night 03:00"))

        self.push_screen(CheckinQuestion(), answered)

    def first_safety_page_closed(self) -> None:
        """A first run opens on the safety page alone: then comes home, and the one question
        about pregnancy over it (unless it was answered before)."""
        self.go_home()
        if self.pregnant is None:
            from coach.tui.screens.pregnancy_question import PregnancyQuestion

            self.push_screen(PregnancyQuestion(), self.remember_pregnancy)

    def remember_pregnancy(self, pregnant: bool | None) -> None:
        """Keep the answer in the settings; no answer (escape) leaves it unasked."""
        if pregnant is None:
            return
        self.save_settings({"pregnant": pregnant})
        if pregnant:
            self.notify(_("Your routines are now the pregnancy versions: nothing flat on your back, "
                          "gentle stretches only."), timeout=10)

    def begin(self, routine: Routine, side: Side | None = None, from_step: int = 0) -> None:
        """Start a routine, first asking which leg if the routine works the cramped one.

        `from_step` goes on from a step of a routine stopped earlier tonight: the steps before it
        are left out, and the rest is recorded like any routine (finishing it completes the night)."""
        if routine.asks_for_side and side is None:
            from coach.tui.screens.side_picker import SidePicker

            def begin_on(chosen: Side | None) -> None:
                if chosen is not None:
                    self.begin(routine, chosen)

            self.push_screen(SidePicker(), begin_on)
            return
        self.last_routine = routine.name  # started, not just asked about: home highlights it once after
        if from_step:
            routine = replace(routine, steps=routine.steps[from_step:])
        screen = self._run_screen(routine, side)
        # A routine runs in a screen stack of its own: with the home screen beneath it, Textual
        # would keep repainting the whole terminal every second for a screen nobody can see.
        self._drop_session_mode()
        self.add_mode(SESSION_MODE, lambda: screen)
        self.switch_mode(SESSION_MODE)

    def _run_screen(self, routine: Routine, side: Side | None) -> Screen[None]:
        # Imported here: the home screen paints sooner without them.
        from coach.engine.session import Session
        from coach.tui.screens.run import RunScreen

        session = Session(build_timeline(routine, side), self.clock)
        if self.history is not None:
            self._record(session, routine.name)
        elif self._open_history is not None:
            self._unrecorded.append((session, routine.name))  # recorded once the history is open
        return RunScreen(session, routine, side)

    def _record(self, session: Session, routine_name: str) -> None:
        from coach.history.recorder import Recorder

        assert self.history is not None
        report = lambda problem: self.notify(problem, severity="error", timeout=20, markup=False)  # noqa: E731
        Recorder(self.history, session, routine_name, report)  # lives as long as the session

    def go_home(self) -> None:
        """Leave a finished session and return to the routines, in a screen stack of their own
        (the first screen's stack cannot be switched back to: Textual names no mode for it)."""
        if not self._home_mode_added:
            self.add_mode(HOME_MODE, self._home_screen)
            self._home_mode_added = True
        self.switch_mode(HOME_MODE)
        self.call_later(self._drop_session_mode)

    def _drop_session_mode(self) -> None:
        if SESSION_MODE in self._modes and self.current_mode != SESSION_MODE:
            self.remove_mode(SESSION_MODE)

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Ctrl+Q: a routine in progress asks first, as q does; anywhere else coach just closes."""
        from coach.tui.screens.confirm_stop import ConfirmStop

        if not isinstance(self.screen, ConfirmStop):  # asked already: a second Ctrl+Q means it
            for screen in reversed(self.screen_stack):  # the routine may be under help or a dialog
                ask = getattr(screen, "request_stop", None)
                if ask is not None and not screen.session.is_over:
                    ask(then_quit=True)
                    return
        self.exit()

    def action_command_palette(self) -> None:
        """Ctrl+P: Textual's palette, its search box worded in the person's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P) offers coach's own commands first."""
        from coach.tui.commands import coach_commands

        yield from coach_commands(self)
        for command in super().get_system_commands(screen):
            # Textual's own Keys and Quit are said better by coach's help and quit.
            if command.title == "Theme":
                yield command._replace(title=_("Theme"), help=_("Change the current theme"))

    def look_for_reminders(self) -> None:
        """Every 30 s: a quick read here; a worker only when something is due to be sent.

        Not while a routine is being followed: "time for your stretches" would only interrupt
        them, and the look (its first one loads the reminder modules) was the largest thing
        coach did while a countdown ran. The first look after the routine deals with it."""
        if self.history is None or self.following_a_routine:
            return
        from coach.reminders.due import anything_due
        from coach.reminders.store import ReminderStore

        try:
            if anything_due(ReminderStore(self.history), self.now()):
                self.check_reminders()
        except Exception as error:  # a history problem must not stop the routine on screen
            self.log.warning(f"reminder check failed: {error}")

    @work(thread=True, exclusive=True, group="reminders")
    def check_reminders(self) -> None:
        """Send a due reminder. Off the UI thread: a hung notification server cannot freeze it."""
        from coach.reminders.due import run_due
        from coach.reminders.notify import Delivery, deliver
        from coach.reminders.store import ReminderStore

        if self.history is None:
            return
        store = self.history.another_connection()  # SQLite connections belong to one thread
        try:
            from coach.routines.pregnancy import routine_for

            # Named as it will run: 'coach run evening' runs the pregnancy version for someone pregnant.
            running = {name: routine_for(self.library, name, self.pregnant) for name in self.library.routines}
            routines = {name: (r.title, build_timeline(r).total) for name, r in running.items()}

            def send(title: str, body: str) -> Delivery:
                delivery = deliver(title, body, terminal=False)
                if not delivery.ok:  # the desktop did not show it: the open app does
                    self.call_from_thread(self.notify, body, title=title, timeout=60, markup=False)
                    self.call_from_thread(self.bell)
                return delivery

            run_due(ReminderStore(store), routines, send, self.now())
        finally:
            store.close()

    # --- cues ------------------------------------------------------------------------------

    @property
    def cues(self) -> Announcer:
        """What speaks and plays the cues: made when a routine first starts, not at start-up."""
        if self._announcer is None:
            self._announcer = self._make_announcer(self)
            self._announcer.mode = self.cue_mode
        return self._announcer

    def _system_announcer(self) -> Announcer:
        from coach.cues.system import system_announcer

        return system_announcer(self.settings, bell=lambda: self._from_cue_thread(self.bell),
                                report=lambda problem: self._from_cue_thread(self._cue_problem, problem))

    def _cue_problem(self, problem: str) -> None:
        """A speech engine or player gave up: say so once, and keep the run screen's label true."""
        from coach.tui.widgets.status_line import StatusLine

        self.notify(problem, severity="warning", timeout=8, markup=False)
        # The run screen may be under its help or the stop question: its label is put right too.
        for screen in self.screen_stack:
            for status in screen.query(StatusLine):
                status.show_sound(self.cue_mode_label)

    def _from_cue_thread(self, callback: Callable[..., object], *args: object, **kwargs: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app has closed: nothing left to tell
            self.call_from_thread(callback, *args, **kwargs)

    @property
    def cue_mode_label(self) -> str:
        """The chosen mode, and what is really heard when the system could not do it."""
        label = _(CUE_MODE_LABELS[self.cue_mode]) if self.cue_mode in CUE_MODE_LABELS else self.cue_mode
        announcer = self._announcer
        if announcer is None or self.cue_mode not in ("voice", "tones"):
            return label
        if announcer.player is None and (self.cue_mode == "tones" or announcer.engine is None):
            return _("bell (no sound player)")
        if self.cue_mode == "voice" and announcer.engine is None:
            return _("tones (no voice)")
        return label

    def cycle_cue_mode(self) -> str:
        """The mute key: the next of voice, tones, bell, silent, saved for next time."""
        self.set_cue_mode(next_cue_mode(self.cue_mode))
        return self.cue_mode

    def set_cue_mode(self, mode: str) -> None:
        self.cue_mode = mode
        if self._announcer is not None:
            self._announcer.mode = mode
            if mode in ("bell", "silent"):
                self._announcer.silence()
        self.save_settings({"cues": mode})

    def save_settings(self, changes: dict[str, Any]) -> bool:
        """Save and use at once; a problem is shown, never raised into the routine on screen."""
        try:
            note = save_settings(changes)
        except OSError as error:
            self.notify(_("Settings not saved: {problem}").format(problem=error), severity="error", timeout=15)
            return False
        if note:
            self.notify(note, severity="warning", timeout=15)
        self.settings = replace(self.settings, **changes)
        self.pregnant = self.settings.pregnant
        if self._announcer is not None and set(changes) & {"voice_rate", "volume", "language"}:
            self._announcer.close()  # the next routine makes a new one with the new voice and tones
            self._announcer = None
        return True

    def close_cues(self) -> None:
        if self._announcer is not None:
            self._announcer.close()
            self._announcer = None
