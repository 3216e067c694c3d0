"""The current cue mode, always on the run screen: the mute key's state should not be a guess."""

from __future__ import annotations

from textual.widgets import Static

from coach.i18n import _


class CueModeLabel(Static):
    DEFAULT_CSS = """
    CueModeLabel {
        width: auto;
        margin-top: 1;
        padding: 0 1;
        color: $text-muted;
        /* On a narrow screen the phase beside it matters more: this gives way first. */
        max-width: 40%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, label: str) -> None:
        text = _("sound: {mode} (m)").format(mode=label)
        if self.content != text:
            self.update(text)
            # The leg label beside it takes the room this leaves on the line: a longer label here
            # may mean smaller block letters there, so the phase between them is never cut.
            for neighbour in self.siblings:
                neighbour.refresh(layout=True)
