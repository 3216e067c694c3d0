"""Values the history keeps as SQLite text or numbers, read back and checked."""

from __future__ import annotations

import math
from datetime import datetime


def stored_moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:  # coach writes every moment with its offset: this was not coach
        raise ValueError(f"'{text}' has no time zone")
    return moment


def stored_minutes(value: float | None) -> float | None:
    if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value)):
        raise ValueError(f"'{value}' is not a number of minutes")
    return value
