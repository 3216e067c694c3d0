"""Plays cues off the caller's thread: a tone through the system player, then the words.

One worker thread owns every child process. A new cue, a pause or a skip stops whatever is still
playing or speaking; a player or engine that will not start, crashes or hangs past its time is
stopped, reported once, and the next one is used; when no engine is left the cues are tones
only, and when no player is left the terminal bell stands in for the tones.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from coach.cues.players import Player
from coach.cues.script import Cue, Sound
from coach.cues.speech import SpeechEngine, Voice
from coach.i18n import _

POLL_SECONDS = 0.05  # how often the worker looks at running children; idle, it only waits
TONE_TIMEOUT = 3.0  # every tone is shorter than 1.5 s
SPEECH_START_LATEST = 1.2  # words follow the tone, even if the player is slow to exit


def speech_timeout(words: str, rate: int) -> float:
    """Twice the time the words should take, plus a margin for a slow engine to start."""
    return 3.0 + 2 * len(words.split()) * 60 / max(rate, 40)


def shortest_speech(words: str, rate: int) -> float:
    """Less time than any engine takes to say `words`: a quarter of their time at the rate."""
    count = len(words.split())
    return 0.0 if count < 3 else count * 60 / max(rate, 40) / 4


class Running(Protocol):
    def poll(self) -> int | None: ...
    def kill(self) -> None: ...
    def wait(self, timeout: float | None = None) -> int: ...


Popen = Callable[..., Running]
_SILENCE = "silence"
_CLOSE = "close"


class _Child:
    def __init__(self, name: str, process: Running, deadline: float, at_least: float = 0.0):
        self.name = name
        self.process = process
        self.deadline = deadline
        self.at_least = at_least  # ending sooner than this, it cannot have said the words (0: no check)
        self.stopped_by_us = False

    def stop(self) -> None:
        self.stopped_by_us = True
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=1.0)


class _WinsoundPlay:
    """winsound plays asynchronously inside this process: nothing to wait for."""

    def __init__(self, sound: Path):
        self._winsound: Any = importlib.import_module("winsound")  # Windows only
        self._winsound.PlaySound(str(sound), self._winsound.SND_FILENAME | self._winsound.SND_ASYNC)

    def poll(self) -> int | None:
        return 0

    def kill(self) -> None:
        self._winsound.PlaySound(None, 0)

    def wait(self, timeout: float | None = None) -> int:
        return 0


class Announcer:
    def __init__(self, *, mode: str, voice: Voice, tones: Callable[[Sound], Path],
                 engines: Sequence[SpeechEngine], players: Sequence[Player],
                 bell: Callable[[], None], report: Callable[[str], None],
                 popen: Popen = subprocess.Popen, clock: Callable[[], float] = time.monotonic,
                 started: Callable[[str, float], None] | None = None):
        self.mode = mode  # voice, tones, bell or silent: read at each cue, so it can change any time
        self.voice = voice
        self._tone_file = tones  # a tone's WAV at the person's volume, scaled on first use (milliseconds)
        self._engines = list(engines)
        self._players = list(players)
        self._bell = bell
        self._report = report
        self._popen = popen
        self._clock = clock
        self._started = started  # told each child's name and start time (for the latency bench)
        self._queue: queue.Queue[Cue | str] = queue.Queue()
        self._tone: _Child | None = None
        self._speech: _Child | None = None
        self._words: tuple[str, float] | None = None  # to say once the tone is done, by this time
        self._thread = threading.Thread(target=self._work, name="coach-cues", daemon=True)
        self._thread.start()

    # --- from any thread ---------------------------------------------------------------

    @property
    def engine(self) -> SpeechEngine | None:
        return self._engines[0] if self._engines else None

    @property
    def player(self) -> Player | None:
        return self._players[0] if self._players else None

    def announce(self, cue: Cue) -> None:
        if self.mode != "silent":
            self._queue.put(cue)

    def silence(self) -> None:
        self._queue.put(_SILENCE)

    def close(self) -> None:
        """Stop anything still sounding and end the worker."""
        self._queue.put(_CLOSE)
        self._thread.join(timeout=3.0)

    def idle(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is queued, playing or speaking (for tests and `coach voice test`)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if (not self._queue.unfinished_tasks and self._tone is None and self._speech is None
                    and self._words is None):
                return True
            time.sleep(POLL_SECONDS / 2)
        return False

    # --- the worker --------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            busy = self._tone or self._speech or self._words
            taken = 0
            try:
                item: Cue | str | None = self._queue.get(timeout=POLL_SECONDS if busy else None)
                taken = 1
                while not self._queue.empty():  # only the newest cue matters
                    newer = self._queue.get_nowait()
                    taken += 1
                    item = _CLOSE if _CLOSE in (item, newer) else newer
            except queue.Empty:
                item = None
            if isinstance(item, Cue) and item.sound is Sound.TICK and not item.words:
                self._stop_tone()  # a tick goes under the words still being said
            elif item is not None:
                self._stop_all()
            if isinstance(item, Cue):
                self._start(item)
            self._watch()
            for _taken in range(taken):  # `idle` waits for this: taken off the queue is not yet handled
                self._queue.task_done()
            if item == _CLOSE:
                return

    def _start(self, cue: Cue) -> None:
        mode = self.mode
        if mode == "bell":
            if cue.sound not in (None, Sound.TICK):
                self._bell()
            return
        if mode not in ("voice", "tones"):
            return
        if cue.sound is not None:
            self._play(cue.sound)
        if mode == "voice" and cue.words and self._engines:
            self._words = (cue.words, self._clock() + SPEECH_START_LATEST)
            if self._tone is None:
                self._say()

    def _play(self, sound: Sound) -> None:
        while self._players:
            player = self._players[0]
            try:
                if player.name == "winsound":
                    process: Running = _WinsoundPlay(self._tone_file(sound))
                else:
                    process = self._spawn(player.command(self._tone_file(sound)), {})
            except OSError as error:
                self._drop_player(_("could not start ({error})").format(error=error.strerror or error))
                continue
            self._note_start(player.name)
            self._tone = _Child(player.name, process, self._clock() + TONE_TIMEOUT)
            return
        if sound is not Sound.TICK:
            self._bell()

    def _say(self) -> None:
        assert self._words is not None
        words, _latest = self._words
        try:
            while self._engines:
                engine = self._engines[0]
                utterance = engine.utterance(words, self.voice)
                try:
                    process = self._spawn(utterance.argv, utterance.env)
                except OSError as error:
                    self._drop_engine(_("could not start ({error})").format(error=error.strerror or error))
                    continue
                self._note_start(engine.name)
                now = self._clock()
                shortest = shortest_speech(words, self.voice.rate)
                self._speech = _Child(engine.name, process, now + speech_timeout(words, self.voice.rate),
                                      now + shortest if shortest else 0.0)
                return
        finally:
            # Cleared only once the speech is under way: `idle`, on another thread, must never see
            # the words gone and the speech not yet started, and think everything is done.
            self._words = None

    def _spawn(self, argv: list[str], env: dict[str, str]) -> Running:
        return self._popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env={**os.environ, **env} if env else None,
                           start_new_session=os.name == "posix")

    def _note_start(self, name: str) -> None:
        if self._started is not None:
            self._started(name, self._clock())

    def _watch(self) -> None:
        now = self._clock()
        if self._tone is not None:
            problem = self._problem(self._tone, now)
            if problem is not None:
                self._tone = None
                if problem:
                    self._drop_player(problem)
        if self._words is not None and (self._tone is None or now >= self._words[1]):
            self._say()
        if self._speech is not None:
            problem = self._problem(self._speech, now)
            if problem is not None:
                self._speech = None
                if problem:
                    self._drop_engine(problem)

    def _problem(self, child: _Child, now: float) -> str | None:
        """None while it runs; "" when it ended well; otherwise what went wrong."""
        code = child.process.poll()
        if code is None:
            if now < child.deadline:
                return None
            child.stop()
            return _("stopped answering and was stopped")
        if code != 0:
            return _("failed (exit status {code})").format(code=code)
        if child.at_least and self._clock() < child.at_least:
            # espeak-ng without a sound device says nothing and still exits 0, at once.
            return _("ended at once without speaking (is a sound device there?)")
        return ""

    def _stop_all(self) -> None:
        speaking = self._speech is not None and self._speech.process.poll() is None
        for child in (self._tone, self._speech):
            if child is not None:
                child.stop()
        if speaking and self._speech is not None and self._speech.name == "spd-say" and self._engines:
            # Ending the client does not end speech-dispatcher's speaking: ask it to stop.
            with contextlib.suppress(OSError):
                self._spawn([self._engines[0].path, "--stop"], {})
        self._tone = self._speech = None
        self._words = None

    def _stop_tone(self) -> None:
        if self._tone is not None:
            self._tone.stop()
            self._tone = None

    def _drop_player(self, problem: str) -> None:
        failed = self._players.pop(0).name
        if self._players:
            said = _("Sound: {player} {problem}; using {other} instead.").format(
                player=failed, problem=problem, other=self._players[0].name)
        else:
            said = _("Sound: {player} {problem}; using the terminal bell instead.").format(
                player=failed, problem=problem)
        self._report(said)

    def _drop_engine(self, problem: str) -> None:
        failed = self._engines.pop(0).name
        if self._engines:
            said = _("Voice: {engine} {problem}; using {other} instead.").format(
                engine=failed, problem=problem, other=self._engines[0].name)
        else:
            said = _("Voice: {engine} {problem}; cues are tones only from now on.").format(
                engine=failed, problem=problem)
        self._report(said)
