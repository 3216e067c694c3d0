"""A compiled gettext catalogue (.mo) that decodes a translation only when it is first asked for.

gettext's own reader decodes every English text and every translation into Python strings when the
catalogue opens. For Russian that is some 1,200 pairs: about 0.6 MiB of strings and a few
milliseconds of pure Python before the first frame, which shows a few dozen of them. Here opening
only puts the entries in the order of their English texts (an array of numbers); a text is found
by halves, and its translation decoded the first time it is asked for and kept. It answers as
gettext.GNUTranslations answers (a test compares the two on every text).
"""

from __future__ import annotations

import gettext
import struct
from array import array
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

_LITTLE_ENDIAN, _BIG_ENDIAN = 0x950412DE, 0xDE120495
_CONTEXT = "\x04"  # between a context and its text, as gettext writes them


class CatalogueError(OSError):
    """The file is not a compiled catalogue coach can read."""


class Catalogue(gettext.NullTranslations):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self._data = data = path.read_bytes()
        try:
            (magic,) = struct.unpack_from("<I", data)
            order = "<" if magic == _LITTLE_ENDIAN else ">" if magic == _BIG_ENDIAN else None
            if order is None:
                raise CatalogueError(f"{path} is not a compiled catalogue (.mo)")
            version, count, originals, translations = struct.unpack_from(order + "4I", data, 4)
            if version >> 16 not in (0, 1):
                raise CatalogueError(f"{path}: unknown catalogue version {version >> 16}")
            if max(originals, translations) + 8 * count > len(data):
                raise struct.error("its tables end past the end of the file")
        except struct.error as error:
            raise CatalogueError(f"{path} is cut short ({error})") from None
        self._entry = struct.Struct(order + "2I")  # a text's length and offset in the file
        self._originals_at, self._translations_at = originals, translations
        # The entries in the order of their English texts, searched by halves: no Python object
        # is kept for a text until it is asked for.
        texts = [data[offset:offset + length].partition(b"\0")[0]  # let go once sorted
                 for length, offset in self._entry.iter_unpack(memoryview(data)[originals:originals + 8 * count])]
        self._sorted = array("I", sorted(range(count), key=texts.__getitem__))
        del texts
        self._said: dict[str, str] = {}  # what gettext answered, for the texts shown again and again
        self._found: dict[bytes, tuple[int | None, int | None]] = {}
        self._decoded: dict[int, list[str]] = {}
        self._charset = "utf-8"
        self.plural: Callable[[int], int] = lambda count: int(count != 1)  # English until the header says
        header, _ = self._entries(b"")
        if header is not None:
            self._read_header(self._forms(header)[0])

    def _read_header(self, header: str) -> None:
        for line in header.splitlines():
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-type" and "charset=" in value:
                self._charset = value.split("charset=")[1].strip()
            elif name == "plural-forms":
                self.plural = gettext.c2py(value.split(";")[1].strip().removeprefix("plural="))

    def _text(self, table: int, number: int) -> bytes:
        length, offset = self._entry.unpack_from(self._data, table + 8 * number)
        return self._data[offset:offset + length]

    def _original(self, number: int) -> bytes:
        """An entry's English text; a plural entry's singular."""
        return self._text(self._originals_at, number).partition(b"\0")[0]

    def _entries(self, original: bytes) -> tuple[int | None, int | None]:
        """The entry that translates `original` alone and the one that gives its plural forms."""
        found = self._found.get(original)
        if found is None:
            single = plural = None
            at = bisect_left(self._sorted, original, key=self._original)
            while at < len(self._sorted) and self._original(number := self._sorted[at]) == original:
                if b"\0" in self._text(self._originals_at, number):
                    plural = number
                else:
                    single = number
                at += 1
            found = self._found[original] = (single, plural)
        return found

    def _forms(self, number: int) -> list[str]:
        """An entry's translation: one form, or one for each plural form."""
        forms = self._decoded.get(number)
        if forms is None:
            forms = self._decoded[number] = self._text(self._translations_at, number).decode(self._charset).split("\0")
        return forms

    def _single(self, original: bytes) -> str | None:
        """What gettext gives for a text: its own translation, else its plural entry's form for one."""
        single, plural = self._entries(original)
        if single is not None:
            return self._forms(single)[0]
        return None if plural is None else self._forms(plural)[self.plural(1)]

    def gettext(self, message: str) -> str:
        said = self._said.get(message)
        if said is None:
            translated = self._single(message.encode(self._charset))
            said = self._said[message] = message if translated is None else translated
        return said

    def pgettext(self, context: str, message: str) -> str:
        translated = self._single((context + _CONTEXT + message).encode(self._charset))
        return message if translated is None else translated

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        _, plural = self._entries(msgid1.encode(self._charset))
        forms = None if plural is None else self._forms(plural)
        form = self.plural(n)
        if forms is None or form >= len(forms):
            return msgid1 if n == 1 else msgid2
        return forms[form]
