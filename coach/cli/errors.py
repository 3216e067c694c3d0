"""The one kind of error every command shares: a problem the person can fix."""

from __future__ import annotations


class UserError(Exception):
    """Printed as one line ('coach: ...'), never as a traceback; the command exits with 2."""
