"""The diary: routines done and cramps, kept in SQLite, and everything computed from it.

`store` owns the database file (locking, migrations, damage); `recorder` feeds it from a running
session; `nights`, `stats` and `heatmap` are pure functions over what the store returns; `views`
turns them into text and Markdown; `when` reads times a person types ("last night 03:00"). May
import the shared modules and `coach.engine`; never reminders, the command line or the UI.
"""
