"""argparse's own words ("usage:", "options", "invalid choice: ...") in the person's language.

argparse looks its texts up with gettext's module-level `_` and `ngettext` each time it shows one;
`speak_the_persons_language` points those two names at coach's catalogue. The texts argparse asks
for (their Python 3.11-3.13 forms, the ones a person can meet at the command line) are marked
here, so that the extractor puts them in coach's catalogue under the very ids argparse uses.
"""

from __future__ import annotations

import argparse

from coach.i18n import N_, _, ngettext

ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def expected_arguments(count: int) -> str:
    """argparse's one text with a number (nargs=2 given one); written out so the extractor finds it."""
    return ngettext("expected %s argument", "expected %s arguments", count) % count


def speak_the_persons_language() -> None:
    """argparse's texts from coach's catalogue from now on (English stays argparse's own words)."""
    setattr(argparse, "_", _)  # noqa: B010  # argparse's stub does not declare its private names
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
