"""Remembering that the person has seen the safety page, so it is shown once, not every night."""

from __future__ import annotations

from coach import locations

MARKER = "safety-seen"


def safety_seen() -> bool:
    return (locations.data_dir() / MARKER).exists()


def mark_safety_seen() -> None:
    """Best effort: a read-only folder means the page shows again next time, nothing worse."""
    try:
        folder = locations.data_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        (folder / MARKER).touch()
    except OSError:
        pass
