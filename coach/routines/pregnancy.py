"""Pregnancy variants: a routine named NAME-pregnancy stands in for NAME when the person is pregnant.

The variants have nothing flat on the back and only gentle stretches. A person who is not pregnant
(or has not said) sees the usual routines; the variants are still there by name.
"""

from __future__ import annotations

from coach.model import Routine
from coach.routines.library import FIRST_AID_ROUTINE, Library

SUFFIX = "-pregnancy"


def is_pregnancy_variant(routine: Routine) -> bool:
    return routine.name.endswith(SUFFIX)


def routine_for(library: Library, name: str, pregnant: bool | None) -> Routine:
    """The routine to run for `name`: its pregnancy variant when there is one and it applies."""
    if pregnant and not name.endswith(SUFFIX) and name + SUFFIX in library.routines:
        return library.routines[name + SUFFIX]
    return library.routines[name]


def first_aid_for(library: Library, pregnant: bool | None) -> Routine | None:
    """coach's own cramp-now, or its pregnancy variant; never a routine from the person's files."""
    if pregnant and FIRST_AID_ROUTINE + SUFFIX in library.first_aid:
        return library.first_aid[FIRST_AID_ROUTINE + SUFFIX]
    return library.first_aid.get(FIRST_AID_ROUTINE)


def routines_for(library: Library, pregnant: bool | None) -> dict[str, Routine]:
    """The routines to offer: each with its variant in its place when pregnant, and the variants
    of routines that exist left out otherwise (a variant with no base routine is always shown)."""
    offered: dict[str, Routine] = {}
    for name in library.routines:
        if name.endswith(SUFFIX) and name.removesuffix(SUFFIX) in library.routines:
            continue  # offered in its base routine's place, below
        offered[name] = routine_for(library, name, pregnant)
    return offered
