"""Bedtime reminders: when they are due, where they are kept, and how they reach the person.

`schedule` is pure (times, days, the next due moment); `store` keeps reminders beside the
history; `due` is the idempotent check that the system scheduler runs; `notify` delivers to the
desktop or the terminal; `scheduler_files` and `scheduler_install` write and install the systemd,
cron, launchd and Task Scheduler entries. May import the shared modules, `coach.engine` and
`coach.history`; never the command line or the UI.
"""
