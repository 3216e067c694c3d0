"""Python's cyclic garbage collector, held off while the full screen starts.

Opening coach's full screen makes some 85,000 objects (Textual's modules, the screen and its
styles) and almost no cyclic garbage (about 1,400 objects). Left on, the collector walks the new
objects again and again as they are made: 30 to 55 ms before the first frame on a 2-core machine,
where a person woken by a cramp is waiting. Once the first frame is drawn, everything made so far
is frozen (later collections skip it: nearly all of it lives as long as coach does, and the little
garbage among it is kept rather than paying a full collection then) and the collector resumes.
"""

from __future__ import annotations

import gc


def hold() -> None:
    gc.disable()


def resume() -> None:
    """Freeze what start-up made and collect as usual from here on. Safe to call more than once."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
