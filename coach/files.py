"""Writing the person's files so that a crash, a full disk or a loose umask never costs them anything.

Every file coach writes goes to a temporary file in the same folder, is flushed to disk, and is then
renamed over the old one, so a reader sees either the old file or the new one, never half of it.
Folders are made 0700 and files 0600 whatever the umask: routines, settings and reports can say
what runs at bedtime or hold health data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(folder: Path) -> Path:
    """Create `folder` (and missing parents) as 0700; an existing folder keeps its mode."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir()
            # mkdir's mode is filtered by the umask; chmod is not.
            path.chmod(PRIVATE_DIR)
    return folder


def _temporary_copy(path: Path, data: bytes, mode: int, durable: bool = True) -> str:
    """A fully written (and unless not `durable`, fsynced) temporary file beside `path`, ready to
    be renamed or linked there."""
    private_dir(path.parent)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def write_private(path: Path, content: str | bytes, *, encoding: str = "utf-8", mode: int = PRIVATE_FILE,
                  durable: bool = True) -> None:
    """Replace `path` with `content` atomically; on any error the previous file is untouched.

    `durable=False` skips waiting for the disk: only for a file coach can always rebuild and
    checks before use (a cache), where a write lost in a power cut costs nothing."""
    data = content.encode(encoding) if isinstance(content, str) else content
    temporary = _temporary_copy(path, data, mode, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def create_private(path: Path, content: str, *, encoding: str = "utf-8") -> None:
    """Write a new file, refusing (FileExistsError) if one appeared there meanwhile: never replace."""
    temporary = _temporary_copy(path, content.encode(encoding), PRIVATE_FILE)
    try:
        # link() fails if the name exists, so a file made by someone else at the same moment survives.
        os.link(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
