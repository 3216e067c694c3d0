"""Cues for following a routine by ear: what to say and which tone to play at each change.

`script` turns the engine's phases into short calm words and a sound kind (pure, no I/O);
`tones` makes the soft WAV tones; `players` and `speech` find the system's sound player and
speech engine and run them in child processes; `announcer` plays a cue off the caller's thread,
cancelling the one before; `driver` follows a session and hands the announcer one cue per change.
May import the shared modules, `coach.engine` and `coach.routines`; never Textual or Rich.
"""
