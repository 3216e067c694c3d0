"""The cyclic garbage collector is held off while the full screen starts, and always resumes."""

from __future__ import annotations

import gc
import os
import weakref

import pytest

from coach.cli import collector, main


@pytest.fixture(autouse=True)
def collector_restored():
    yield
    gc.enable()
    gc.unfreeze()


def test_resuming_freezes_what_start_up_made_and_collects_again():
    collector.hold()
    assert not gc.isenabled()
    made_while_held = [[] for _ in range(1000)]
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made_while_held)  # later collections skip them


class Node:
    pass


def garbage_cycle() -> weakref.ref[Node]:
    """A cycle that only the collector can free, and a way to see whether it did."""
    node = Node()
    node.itself = node
    return weakref.ref(node)


def test_resuming_after_the_first_frame_collects_the_garbage_made_while_held():
    collector.hold()
    alive = garbage_cycle()
    collector.resume_after_first_frame()
    assert alive() is None
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_a_command_that_prints_and_ends_pays_for_no_collection():
    collector.hold()
    alive = garbage_cycle()
    collector.resume()
    assert gc.isenabled() and alive() is not None  # frozen with the rest, not collected


def test_resuming_twice_changes_nothing_the_second_time():
    collector.hold()
    collector.resume()
    frozen = gc.get_freeze_count()
    collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_collector_that_was_never_held_is_left_as_it_is():
    collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_full_screen_holds_the_collector_until_its_first_frame(monkeypatch):
    seen: dict[str, object] = {}

    class App:
        def __init__(self, library, *, after_first_frame, **options):
            seen["held at start"] = not gc.isenabled()
            self.after_first_frame = after_first_frame

        def run(self):
            seen["garbage"] = garbage_cycle()
            self.after_first_frame()
            seen["enabled after the first frame"] = gc.isenabled()

        def close_cues(self):
            pass

    monkeypatch.setattr("coach.tui.app.CoachApp", App)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main.open_app(lambda: None) == 0
    garbage = seen.pop("garbage")
    assert seen == {"held at start": True, "enabled after the first frame": True}
    assert garbage() is None  # start-up's garbage collected once the first frame is drawn


def test_the_collector_resumes_even_when_the_app_fails_before_its_first_frame(monkeypatch):
    class App:
        def __init__(self, library, **options):
            pass

        def run(self):
            raise OSError(os.strerror(5))

        def close_cues(self):
            pass

    monkeypatch.setattr("coach.tui.app.CoachApp", App)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    with pytest.raises(OSError):
        main.open_app(lambda: None)
    assert gc.isenabled()


def test_the_installed_command_holds_the_collector_only_for_the_full_screen(monkeypatch, capsys):
    from coach.cli import launch

    on_while: dict[str, bool] = {}

    def open_app(library, **options):
        on_while["full screen starts"] = gc.isenabled()
        return 0

    def command_list(arguments):
        on_while["coach list"] = gc.isenabled()
        return 0

    monkeypatch.setattr(main, "open_app", open_app)
    monkeypatch.setattr(main, "command_list", command_list)
    for argv in (["coach", "run", "quick"], ["coach", "list"]):
        monkeypatch.setattr("sys.argv", argv)
        assert launch.main() == 0
        assert gc.isenabled()  # whatever happened, on again once the command is done
    assert on_while == {"full screen starts": False, "coach list": True}


def test_plain_mode_runs_with_the_collector_on():
    parser = main.build_parser(main.groups_needed(["run", "quick", "--plain"]))
    assert not main.opens_full_screen(parser.parse_args(["run", "quick", "--plain"]))
    assert main.opens_full_screen(parser.parse_args(["sos"]))
    assert main.opens_full_screen(parser.parse_args([]))
    assert not main.opens_full_screen(parser.parse_args(["list"]))
