"""Rows of the history as JSON values for `coach history --json`, checked a column at a time.

An export writes each date and moment as the ISO 8601 text it is stored as: coach stores every one
with isoformat(), so reading it into a datetime only to write the same text back would cost a
microsecond and more for each of ten years' moments. Each value is still checked as the store
checks a record's. The checks run over whole columns with map() in C, because one Python call a
row costs more than reading the row. Only when a column fails is each row checked on its own,
so that the damaged ones are named and left out as the store leaves them out.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from datetime import date, datetime
from functools import partial
from itertools import repeat
from operator import attrgetter, is_not
from typing import Any

from coach.history.stored_values import stored_minutes, stored_moment

# woke is stored as 0 or 1 (a CHECK constraint), written out as false or true.
_WOKE = {None: None, 0: False, 1: True}


def session_rows_sound(rows: list[tuple[Any, ...]]) -> bool:
    """Whether every row (the store's session columns) passes session_row's checks."""
    if not rows:
        return True
    _, _, _, started, nights, ended, *_ = zip(*rows, strict=True)
    return _moments(started) and _dates(nights) and "" not in ended and _moments(filter(None, ended))


def session_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """One session row checked on its own; ValueError or TypeError when damaged."""
    stored_moment(row[3])
    date.fromisoformat(row[4])
    if row[5]:
        stored_moment(row[5])
        return row
    return (*row[:5], None, *row[6:])


def cramp_rows_if_sound(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]] | None:
    """The cramp rows as JSON values when every one passes cramp_row's checks, else None."""
    if not rows:
        return []
    ids, at, nights, legs, severities, minutes, notes, places, woke = zip(*rows, strict=True)
    if not (_moments(at) and _dates(nights) and _minutes(minutes) and set(woke) <= _WOKE.keys()):
        return None
    woke_flags = map(_WOKE.__getitem__, woke)
    return list(zip(ids, at, nights, legs, severities, minutes, notes, places, woke_flags, strict=True))


def cramp_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """One cramp row checked on its own; ValueError or TypeError when damaged."""
    stored_moment(row[1])
    date.fromisoformat(row[2])
    return (*row[:5], stored_minutes(row[5]), row[6], row[7], None if row[8] is None else bool(row[8]))


def as_dicts(fields: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return list(map(dict, map(zip, repeat(fields), rows)))  # each dict built in C


def _moments(texts: Iterable[Any]) -> bool:
    try:
        return None not in map(attrgetter("tzinfo"), map(datetime.fromisoformat, texts))
    except (ValueError, TypeError, OverflowError):
        return False


def _dates(texts: Iterable[Any]) -> bool:
    try:
        deque(map(date.fromisoformat, texts), maxlen=0)  # each one read, none kept
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def _minutes(values: Iterable[Any]) -> bool:
    present = list(filter(partial(is_not, None), values))
    try:
        return set(map(type, present)) <= {int, float} and all(map(math.isfinite, present))
    except (ValueError, TypeError, OverflowError):
        return False
