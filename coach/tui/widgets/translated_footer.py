"""Textual's Footer, its key descriptions in the person's language.

The descriptions are written in English in each screen's BINDINGS (built when the class is
defined, before the language is known); the extractor finds them as Binding's third argument,
and they are translated here, each time the Footer builds its keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from coach.i18n import N_, _

# Textual's own description of the command palette key, which the Footer shows too.
PALETTE = N_("palette")


class TranslatedFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
            elif isinstance(widget, FooterLabel):
                widget.update(_(str(widget.content)))
            yield widget
