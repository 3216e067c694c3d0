"""Remembering that the person has seen the safety page, so it is shown once, not every night."""

from __future__ import annotations

import contextlib

from coach import locations
from coach.files import write_private

MARKER = "safety-seen"


def safety_seen() -> bool:
    return (locations.data_dir() / MARKER).exists()


def mark_safety_seen() -> None:
    """Best effort: a read-only folder means the page shows again next time, nothing worse."""
    with contextlib.suppress(OSError):
        write_private(locations.data_dir() / MARKER, "")
