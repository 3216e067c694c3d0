"""Small builders shared by the tests."""

from __future__ import annotations

from coach.model import Exercise, Holds, Position, Routine, RoutineStep, Sides, Timed


def exercise(exercise_id: str = "stretch", per_side: bool = False, dose=None) -> Exercise:
    return Exercise(id=exercise_id, name=exercise_id.title(), position=Position.STANDING,
                    steps=("Do it.",), per_side=per_side, dose=dose or Timed(30))


def step(exercise_id="stretch", dose=None, sides=Sides.BOTH, get_ready=0, note=None) -> RoutineStep:
    dose = dose or Timed(30)
    return RoutineStep(exercise(exercise_id, dose=dose), dose, sides, get_ready, note)


def routine(*steps: RoutineStep, get_ready: int = 5, switch_legs: int = 5) -> Routine:
    return Routine(name="test", title="Test", description="", steps=tuple(steps),
                   get_ready=get_ready, switch_legs=switch_legs)


def holds(hold=10, rest=10, reps=3) -> Holds:
    return Holds(hold, rest, reps)


def history_at_schema(path, version: int):
    """A history file as coach left it at schema `version`, open for rows to be added the old way."""
    import sqlite3

    from coach.history.store import MIGRATIONS, _statements

    connection = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:version]:
        for statement in _statements(script):
            connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version}")
    return connection
