"""Write coach/routines/prebuilt/<language>.json: coach's own library, read in each language.

Run it after changing anything in routines/ (or how coach reads them):

    .venv/bin/python scripts/make_prebuilt_library.py

tests/routines/test_prebuilt.py fails while the committed files differ from what this writes.
"""

from __future__ import annotations

import sys

from coach.routines.prebuilt import FOLDER, prebuilt_text


def main() -> int:
    FOLDER.mkdir(exist_ok=True)
    for language, text in prebuilt_text().items():
        path = FOLDER / f"{language}.json"
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
