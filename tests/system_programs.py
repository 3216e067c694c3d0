"""Marks for tests that need a program from the system rather than from PyPI.

On a machine without it the test is skipped with a reason that names the Debian package to
install; `.ci/run` installs every one of them and fails if anything was skipped.
"""

from __future__ import annotations

import shutil

import pytest


def needs(program: str, package: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(program) is None,
                              reason=f"needs {program}: install it with 'apt-get install {package}'")
