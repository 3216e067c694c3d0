"""Python's cyclic garbage collector, held off while the full screen starts.

Opening coach's full screen makes some 85,000 objects (Textual's modules, the screen and its
styles) and little cyclic garbage (about 1,800 objects). Left on, the collector walks the new
objects again and again as they are made: 30 to 55 ms before the first frame on a 2-core machine,
where a person woken by a cramp is waiting. Once the first frame is drawn, the collector runs once
(25 to 55 ms there, while the screen is already up) so that the history and the cues, loaded next,
reuse the memory of that garbage: 0.3 MiB of the run screen's peak (argparse's help formatters,
the pure-Python datetime classes that _datetime replaces, Textual's first arrangements). Then
everything left is frozen (later collections skip it: nearly all of it lives as long as coach
does) and the collector resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def hold() -> None:
    gc.disable()


def resume() -> None:
    """Freeze what start-up made and collect as usual from here on. Safe to call more than once.
    A command that prints and ends needs no collection first: its memory goes with it."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def resume_after_first_frame() -> None:
    """As `resume`, once start-up's garbage is collected (see above). Safe to call more than once."""
    if gc.isenabled():
        return
    gc.collect()
    resume()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while a command builds many objects that hold no cycles, such as ten years
    of history as dicts for an export: left on, it walks them again each time more are made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
