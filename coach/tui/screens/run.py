"""Run: follow a routine hands-free. The session engine keeps time; this screen only shows it.

A one-shot wake-up comes exactly when the shown second changes (or a phase ends), so nothing
runs between seconds and nothing runs at all while paused or finished.
"""

from __future__ import annotations

import asyncio
import math
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from coach.durations import format_clock
from coach.engine.guidance import Guidance, ever_shows_get_help, guidance_at
from coach.engine.session import Ended, Event, Session, State
from coach.engine.text_views import phase_label
from coach.engine.timeline import Phase, PhaseKind
from coach.i18n import N_, _
from coach.model import Routine, Side
from coach.routines.pregnancy import is_pregnancy_variant
from coach.safety import GET_HELP_TITLE
from coach.tui.coach_screen import CoachScreen
from coach.tui.widgets.countdown import Countdown, countdown_rows, side_label_scale
from coach.tui.widgets.exercise_heading import ExerciseHeading
from coach.tui.widgets.exercise_picture import ExercisePicture
from coach.tui.widgets.guidance import GuidanceLines
from coach.tui.widgets.key_hints import KeyHints
from coach.tui.widgets.progress_line import ProgressLine
from coach.tui.widgets.status_line import PhaseLook, StatusLine

if TYPE_CHECKING:
    from coach.cues.driver import CueDriver


def countdown_text(seconds: int) -> str:
    """Plain seconds under a minute, read at a glance; m:ss above."""
    return format_clock(seconds) if seconds >= 60 else str(seconds)


def next_text(session: Session) -> str:
    upcoming, current = session.next_phase, session.phase
    if upcoming is None:
        return _("Next: that is all for tonight")
    if upcoming.kind is PhaseKind.SWITCH:
        return _(SWITCH_TO.get(upcoming.side.value, SWITCH_TO["chosen"]))
    if upcoming.step_index == current.step_index and upcoming.kind is PhaseKind.TIMED:
        # The exercise on screen, after its get-ready: its length says it is this one, not another.
        return _("Next: {exercise} · {seconds}s").format(exercise=upcoming.exercise.name, seconds=upcoming.duration)
    if upcoming.step_index == current.step_index:
        return _("Next: {exercise} · {seconds}s").format(exercise=phase_label(upcoming), seconds=upcoming.duration)
    return _("Next: {exercise} ({position})").format(exercise=upcoming.exercise.name,
                                                    position=upcoming.exercise.position.label)


# Whole sentences: in other languages "left" agrees with "leg" and the sentence is built differently.
SWITCH_TO = {"left": N_("Next: switch to the left leg"), "right": N_("Next: switch to the right leg"),
             "both": N_("Next: switch to both legs"), "chosen": N_("Next: switch to the cramped leg")}


def phase_look(phase: Phase, paused: bool) -> PhaseLook:
    """Holding or moving stands out; getting ready, resting and switching legs are quieter."""
    if paused:
        return "paused"
    return "waiting" if phase.kind in (PhaseKind.GET_READY, PhaseKind.REST, PhaseKind.SWITCH) else "active"


def picture_gives_way(guidance: Guidance) -> bool:
    """On a small screen the picture makes room for cautions and the get-help box."""
    return bool(guidance.get_help or guidance.cautions)


def stays_one_line(widget: Static, text: str) -> bool:
    """`text` fills one line of `widget` without changing its size: no layout pass is needed."""
    width = widget.styles.width  # None: the container's width
    return ((width is None or not width.is_auto) and "\n" not in text
            and 0 < cell_len(text) <= widget.content_size.width)


SESSION_COMMANDS = frozenset({"toggle_pause", "pause", "resume", "skip", "skip_exercise", "back"})


class Backdrop(Vertical):
    """A container that is only background. Textual redraws every direct child of the screen
    whenever the countdown changes; a blank one is drawn as plain lines, without styling."""

    BLANK = True


class RunScreen(CoachScreen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    DEFAULT_CSS = """
    #above {
        height: auto;
        padding: 0 2;
    }
    #below {
        height: 1fr;
    }
    #countdown {
        margin-top: 1;
        color: $primary;
    }
    #countdown.-paused {
        color: $text-muted;
    }
    #guide {
        height: 1fr;
    }
    #picture {
        width: 45%;
        max-width: 70;
        margin: 1 2 0 0;
    }
    #instructions {
        height: 1fr;
        min-height: 2;  /* 2, so the "Stop and get help" box below still fits at 60x20 */
        margin: 1 2 0 2;
        scrollbar-size-vertical: 1;
    }
    #steps {
        color: $foreground;
    }
    #note {
        margin-top: 1;
        color: $accent;
    }
    #cautions {
        margin-bottom: 1;
        padding: 0 1;
        border-left: thick $warning;
        color: $foreground;
    }
    /* With the box shown, the gap above the instructions goes, so the box, the next line and the
       progress line all fit at 60x20 even in pregnancy's longer leg check. */
    /* Below 80 columns the words that keep a person safe come first: the picture gives way
       while cautions or the get-help box are shown. */
    RunScreen.-narrow #picture.-gives-way {
        display: none;
    }
    #instructions.-get-help {
        margin: 0 2;
    }
    #red-flags {
        height: auto;
        margin: 0 2;
        padding: 0 1;
        border-left: thick $error;
        color: $foreground;
    }
    #next {
        color: $text-muted;
        height: auto;
        margin-left: 2;
        margin-right: 2;
    }
    #progress {
        margin-left: 2;
        margin-right: 2;
    }
    """
    BLANK = True  # only background too, and redrawn every second for the same reason
    # The instructions take the focus (for scrolling them with the keys) just after the first
    # frame: focused before it, they and all in them were styled a second time, for no change.
    AUTO_FOCUS = ""
    # Short labels: all six must fit in a 60-column terminal.
    BINDINGS = [
        # Two bindings on space: the key line says what it will do now, Pause or Resume.
        Binding("space", "session('pause')", "Pause", key_display="space"),
        Binding("space", "session('resume')", "Resume", key_display="space"),
        Binding("right,n", "session('skip')", "Skip", key_display="→"),
        Binding("shift+right,N", "session('skip_exercise')", "Next", key_display="⇧→"),
        Binding("left,b", "session('back')", "Back", key_display="←"),
        Binding("m", "toggle_sound", "Sound"),
        Binding("q,escape", "request_stop", "Stop", key_display="q"),
        Binding("question_mark,f1", "app.help", "Help", show=False),  # no room on the key line
    ]
    HELP_TITLE = N_("following a routine")
    HELP_INTRO = N_("coach counts each hold and rest for you and sounds a soft cue at every change, "
                    "so you need not look. Nothing you do here is lost: a stopped routine is kept.")
    KEY_HELP = {
        "session('pause')": N_("pause the countdown, or go on after a pause"),
        "session('resume')": N_("go on after a pause"),
        "session('skip')": N_("skip to the next hold, rest or step"),
        "session('skip_exercise')": N_("skip the rest of this exercise"),
        "session('back')": N_("go back: start this part again, or the one before"),
        "toggle_sound": N_("sound, round in turn: voice and tones, tones only, bell, silent (kept for next time)"),
        "request_stop": N_("stop the routine (asks first; what you did is kept)"),
        "app.help": N_("this help"),
    }

    def __init__(self, session: Session, routine: Routine, side: Side | None = None):
        super().__init__()
        self.session = session
        self.routine = routine
        self.side = side  # the leg named for first aid, if any
        self._wake: asyncio.TimerHandle | None = None
        self._shown_phase: tuple[int, bool] | None = None  # (phase, paused) on screen
        self._shown_seconds: int | None = None
        self._fitted_to: tuple[int, int] | None = None  # the window size the big text was sized for
        self._unsubscribe = session.subscribe(self._on_session_event)
        self._cues: CueDriver | None = None  # made just after the first frame (see _begin)

    def compose(self) -> ComposeResult:
        # Few children on the screen itself: Textual redraws every direct child of the screen
        # when the countdown changes, but skips widgets inside containers that it does not touch.
        first = self.session.timeline.phases[0]
        with Backdrop(id="above"):
            yield ExerciseHeading(id="heading")
            yield StatusLine(id="status")
        yield Countdown(id="countdown")
        guidance = self._guidance(first)
        timeline = self.session.timeline
        with Backdrop(id="below"):
            with Horizontal(id="guide"):
                with VerticalScroll(id="instructions", classes="-get-help" if guidance.get_help else ""):
                    yield GuidanceLines(N_("Take care"), id="cautions")
                    yield Static(id="steps", markup=False)
                    # Only in routines that use them: each widget costs its share of the first frame.
                    if any(phase.note for phase in timeline.phases):
                        yield Static(id="note", markup=False)
                yield ExercisePicture(id="picture", classes="-gives-way" if picture_gives_way(guidance) else "")
            # Outside the scrolling instructions, so it stays on screen at every size.
            if ever_shows_get_help(timeline, first_aid=self.routine.asks_for_side):
                yield GuidanceLines(GET_HELP_TITLE, id="red-flags")
            yield Static(id="next", markup=False)
            yield ProgressLine(self.session.timeline.total, id="progress")
            yield KeyHints()

    def on_mount(self) -> None:
        self._countdown = self.query_one(Countdown)  # touched every second
        self._progress = self.query_one(ProgressLine)
        self._status = self.query_one(StatusLine)
        self._status.show_sound(self.app.cue_mode_label)
        # Sized for the terminal before the first frame: sized on the first resize, the screen
        # was drawn four times over in its first tenth of a second, the leg label growing from
        # a line of text through cut block letters.
        self._fit(self.app.size.width, self.app.size.height)
        self.tick()  # the first phase as it begins: the whole of its countdown
        # The routine begins just after its first frame, together with its first cue: the cues
        # (their script, the speech, players and tones) are made first, so the sound starts as
        # the clock does, and the routine is on screen as it is heard.
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        if not self.is_attached:
            return
        from coach.cues.driver import CueDriver

        announcer = self.app.cues
        self._cues = CueDriver(self.session, announcer.announce, announcer.silence,
                               ticks=lambda: bool(self.app.settings.ticks))
        self.session.start()
        self.tick()  # the first cue, then the countdown's next second
        if self.focused is None:
            self.set_focus(self.query_one("#instructions"))
        self._status.show_sound(self.app.cue_mode_label)  # what the system can really do

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        if (width, height) == self._fitted_to:
            return
        self._fit(width, height)

    def _fit(self, width: int, height: int) -> None:
        """Big digits and leg label for the window's size: read from across the room."""
        self._fitted_to = (width, height)
        self._countdown.fit(countdown_rows(height, self.app.settings.countdown_size))
        self._status.fit(side_label_scale(width, height))

    def on_unmount(self) -> None:
        self._unsubscribe()
        if self._cues is not None:
            self._cues.close()
            self.app.cues.silence()
        if self._wake is not None:
            self._wake.cancel()

    # --- time --------------------------------------------------------------------------

    def tick(self) -> None:
        """Bring the engine up to date, redraw what changed, and sleep until the next change."""
        self.session.update()
        if self._cues is not None:
            # Before drawing: the person is listening, not looking, and a new exercise's words,
            # picture and cautions take a few milliseconds to lay out.
            self._cues.flush()  # one cue even when several phases passed at once
        self.refresh_view()
        self._schedule()

    def _schedule(self) -> None:
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None
        wait = self.session.seconds_until_next_change()
        if wait is not None:
            # A plain event-loop handle: a Textual Timer would start a new task every second,
            # and going through the screen's queue would wake it once more each second.
            self._wake = asyncio.get_running_loop().call_later(wait, self._woken)

    def _woken(self) -> None:
        self._wake = None
        if not self.is_attached:
            return
        try:
            self.tick()
        except Exception as error:
            # Raised again inside the screen's own queue, so Textual reports it like any other.
            self.call_next(self._raise, error)

    @staticmethod
    def _raise(error: Exception) -> None:
        raise error

    def _on_session_event(self, event: Event) -> None:
        if isinstance(event, Ended):
            self.call_later(self._show_summary)

    def _show_summary(self) -> None:
        from coach.engine.summary import summarise
        from coach.tui.screens.done import DoneScreen

        cramp_leg = (self.side or Side.CHOSEN) if self.routine.asks_for_side else None
        self.app.push_screen(DoneScreen(summarise(self.session), cramp_leg))

    # --- drawing -----------------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        if session.is_over:
            return
        shown = (session.phase.index, session.state is State.PAUSED)  # ready and running look alike
        if self._shown_phase != shown:
            self._shown_phase = shown
            self._draw_phase(session.phase)
        seconds = math.ceil(session.remaining())
        if seconds != self._shown_seconds:
            self._shown_seconds = seconds
            self._countdown.update(countdown_text(seconds))
            self._progress.show(session.total_remaining())

    def _draw_phase(self, phase: Phase) -> None:
        exercise = phase.exercise
        steps_total = len(self.routine.steps)
        paused = self.session.state is State.PAUSED
        steps = "\n".join(f"{n}. {line}" for n, line in enumerate(exercise.steps, start=1))
        self.query_one(ExerciseHeading).show(
            f"{exercise.name} · {exercise.position.label}",
            _("exercise {number} of {total}").format(number=phase.step_index + 1, total=steps_total))
        self._status.show_side(phase.side.label)
        self._status.show_phase(_("PAUSED · space to go on") if paused else phase_label(phase).upper(),
                                phase_look(phase, paused))
        self._write("#steps", steps)
        for note in self.query("#note").results(Static):
            self._write(note, _("Note: {note}").format(note=phase.note) if phase.note else "")
            note.display = bool(phase.note)
        self._write("#next", next_text(self.session))
        self.query_one(ExercisePicture).show(exercise, phase.side)
        # Classes go on the widgets they style, not the screen or a container: a class change
        # restyles the widget and everything inside it, at each phase change.
        self._countdown.set_class(paused, "-paused")
        guidance = self._guidance(phase)
        self.query_one("#cautions", GuidanceLines).show(guidance.cautions)
        for red_flags in self.query("#red-flags").results(GuidanceLines):
            red_flags.show(guidance.get_help)
        self.query_one("#instructions").set_class(bool(guidance.get_help), "-get-help")
        self.query_one("#picture").set_class(picture_gives_way(guidance), "-gives-way")

    def _guidance(self, phase: Phase) -> Guidance:
        return guidance_at(self.session.timeline, phase.index, first_aid=self.routine.asks_for_side,
                           pregnant=is_pregnancy_variant(self.routine))

    def _write(self, selector: str | Static, text: str) -> None:
        """Update a line only if its words changed: most phase changes (hold, rest, hold) keep
        the exercise, steps and leg. A layout pass costs more than the rest of a phase change,
        so a line whose size cannot change (one line, old and new, in a width of its own) is
        only repainted."""
        widget = selector if isinstance(selector, Static) else self.query_one(selector, Static)
        old = str(widget.content)
        if old != text:
            widget.update(text, layout=not (stays_one_line(widget, old) and stays_one_line(widget, text)))

    # --- keys --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only the one of Pause and Resume that applies is bound (and shown) at a time.
        if action == "session" and parameters in (("pause",), ("resume",)):
            paused = self.session.state is State.PAUSED
            return paused if parameters == ("resume",) else not paused
        return True

    def action_session(self, command: str) -> None:
        """Pass a key straight to the engine: pause, resume, skip, skip_exercise or back."""
        if command in SESSION_COMMANDS:
            getattr(self.session, command)()
            self._after_action()

    def _after_action(self) -> None:
        self._shown_phase = None  # the phase or its paused state may have changed
        self._shown_seconds = None
        self.tick()
        self.refresh_bindings()  # Pause or Resume on the key line

    def action_toggle_sound(self) -> None:
        """The mute key: voice, tones, bell, silent, and round again; saved for next time."""
        self.app.cycle_cue_mode()
        self._status.show_sound(self.app.cue_mode_label)
        self.notify(_("Sound: {mode}").format(mode=self.app.cue_mode_label), timeout=2)

    def action_request_stop(self) -> None:
        self.request_stop()

    def request_stop(self, then_quit: bool = False) -> None:
        """Ask before stopping (q, Esc, or Ctrl+Q with then_quit), pausing while the question is up."""
        from coach.tui.screens.confirm_stop import ConfirmStop

        if self.session.is_over:
            if then_quit:
                self.app.exit()
            return

        was_running = self.session.state is State.RUNNING
        if was_running:
            self.session.pause()
            self._after_action()

        def decided(stop: bool | None) -> None:
            if stop:
                self.session.stop()
                if then_quit:
                    self.app.exit()
                    return
            elif was_running:
                self.session.resume()
            self._after_action()

        self.app.push_screen(ConfirmStop(quitting=then_quit), decided)
