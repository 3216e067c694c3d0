"""The installed `coach` command: the collector is held while coach's own modules load.

Most of what coach imports before its first frame is loaded here, before `main` knows which
command runs; `main` lets the collector go again at once for every command but the full
screen, which resumes it after its first frame (see coach.cli.collector).
"""

from __future__ import annotations

from coach.cli import collector


def main() -> int:
    collector.hold()
    try:
        from coach.cli.main import main as run_command

        return run_command()
    finally:
        collector.resume()
