"""Atomic private writes, and a settings file that is read leniently and saved without loss."""

from __future__ import annotations

import os
import stat

import pytest

from coach.files import create_private, private_dir, write_private
from coach.settings import Settings, load_settings, save_settings


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_and_files_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "a" / "b" / "file.txt"
        write_private(target, "text")
    finally:
        os.umask(old)
    assert (mode(tmp_path / "a"), mode(tmp_path / "a" / "b"), mode(target)) == (0o700, 0o700, 0o600)


def test_an_existing_folder_keeps_its_mode(tmp_path):
    (tmp_path / "shared").mkdir(mode=0o755)
    (tmp_path / "shared").chmod(0o755)
    private_dir(tmp_path / "shared")
    assert mode(tmp_path / "shared") == 0o755


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "folder" / "routine.yaml"
    write_private(target, "old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_private(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["routine.yaml"]


def test_create_private_never_replaces(tmp_path):
    target = tmp_path / "folder" / "mine.yaml"
    target.parent.mkdir()
    target.write_text("the person's")
    with pytest.raises(FileExistsError):
        create_private(target, "coach's")
    assert target.read_text() == "the person's"
    assert sorted(p.name for p in target.parent.iterdir()) == ["mine.yaml"]


def test_no_settings_file_means_defaults(tmp_path):
    assert load_settings(tmp_path / "settings.toml").settings == Settings()


def test_a_broken_file_gives_a_located_message_and_the_defaults(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('cues = "tones"\nvolume = \n')
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:2: ")
    assert "defaults" in loaded.problems[0]


def test_one_bad_value_keeps_the_good_ones(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('cues = "tones"\n\nvolume = 300\nticks = "yes"\n')
    loaded = load_settings(path)
    assert loaded.settings.cues == "tones"
    assert loaded.settings.volume == Settings().volume
    assert [p.split(": ", 1)[0] for p in loaded.problems] == [f"{path}:3", f"{path}:4"]
    assert "between 0 and 100" in loaded.problems[0]
    assert "true or false" in loaded.problems[1]


def test_saving_changes_only_what_was_asked_and_keeps_comments(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('# my notes\ncues = "tones"\nvolume = 300\nfuture_key = 1\n')
    assert save_settings({"ticks": True}, path) is None
    text = path.read_text()
    assert text.startswith('# my notes\ncues = "tones"\nvolume = 300\nfuture_key = 1\n')
    assert load_settings(path).settings.ticks is True
    assert mode(path) == 0o600


def test_saving_over_an_unreadable_file_keeps_it_aside(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("cues = = =\n")
    note = save_settings({"cues": "bell"}, path)
    assert note and "kept as" in note
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("settings.toml.unreadable-")]
    assert [p.read_text() for p in kept] == ["cues = = =\n"]
    assert load_settings(path).settings.cues == "bell"


def test_saving_an_unknown_key_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not a setting"):
        save_settings({"colour": "red"}, tmp_path / "settings.toml")
