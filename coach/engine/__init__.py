"""Running a routine: the timeline of phases, the session state machine and its summary.

No I/O and no wall clock: the session takes its time from an injected clock, and every countdown
is a deadline minus that clock. `text_views` renders routines and timelines as plain text for any
front end; `guidance` says which cautions and "Stop and get help" lines go with each phase.
May import the shared modules and `coach.routines`; knows nothing of history, reminders, the
command line or the terminal UI.
"""
