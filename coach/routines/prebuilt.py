"""coach's own library, read when coach was made: a first start, or the first after an update, reads no YAML.

Reading coach's own routine files is the one costly part of a first start: the YAML parser and
the node tree of every file take about 2 MiB of memory and 50 ms on a 2-core machine, while
the safety page is on screen. So `scripts/make_prebuilt_library.py` reads them once, in each
language, into `prebuilt/<language>.json` beside this module, in the cache's own format (see
cache), with each file's SHA-256 in place of its size and time. A prebuilt file is used only
for a person with no routine files of their own, and only when it was made from exactly the
files coach has now; otherwise the files are read, as before. Either way the person's cache is
then written, so the next start uses that.

tests/routines/test_prebuilt.py fails while a committed file differs from what the script writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coach.routines import cache
from coach.routines.library import Library

FOLDER = Path(__file__).with_name("prebuilt")
FORMAT = 1


def prebuilt_path(language: str) -> Path:
    return FOLDER / f"{language}.json"


def folder_of(shipped: Sequence[Path]) -> Path:
    """Where coach's own routine files are: their paths in a prebuilt file are relative to it."""
    return Path(shipped[0]).parent


def content_key(shipped: Sequence[Path], translation: Path | None) -> list[list[str]]:
    """What identifies coach's own files by their contents, wherever coach is installed."""
    import hashlib  # only when the person's cache is missing or stale: it costs 0.6 MiB to import

    files = [*shipped, *([translation] if translation is not None else [])]
    return [[Path(path).relative_to(folder_of(shipped)).as_posix(), hashlib.sha256(Path(path).read_bytes()).hexdigest()]
            for path in files]


def header(shipped: Sequence[Path], translation: Path | None, language: str) -> dict[str, Any]:
    return {"format": cache.FORMAT, "prebuilt": FORMAT, "language": language,
            "files": content_key(shipped, translation)}


def read(shipped: Sequence[Path], translation: Path | None, language: str) -> Library | None:
    """The prebuilt library in `language`, if it was made from exactly these files; else None."""
    if not shipped:
        return None
    try:
        expected = header(shipped, translation, language)
    except OSError:
        return None
    return cache.read_file(prebuilt_path(language), expected, base=folder_of(shipped))


def data(library: Library, shipped: Sequence[Path], translation: Path | None, language: str) -> dict[str, Any]:
    """What `prebuilt/<language>.json` holds for `library`, read from these files."""
    return {**header(shipped, translation, language), **cache.library_data(library, base=folder_of(shipped))}


def prebuilt_text() -> dict[str, str]:
    """Each language's prebuilt file, read now from coach's own routine files (for the script and its test)."""
    import json

    from coach import locations
    from coach.i18n import LANGUAGES, current_language, use_language
    from coach.routines.library import read_library, routine_files, translation_path

    shipped = routine_files(locations.shipped_routines_dir())
    spoken = current_language()
    texts = {}
    try:
        for language in sorted(LANGUAGES):
            use_language(language)  # the library's own words (messages, fallbacks) in that language
            library = read_library([shipped], language)
            if library.problems:
                raise ValueError(f"coach's own files have problems: {library.problems[0]}")
            translation = translation_path(shipped, language)
            content = data(library, shipped, translation, language)
            if not cache.kept_whole(content, library, base=folder_of(shipped)):
                raise ValueError(f"the {language} library does not read back as itself from the cache's format")
            texts[language] = json.dumps(content, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    finally:
        use_language(spoken)
    return texts
