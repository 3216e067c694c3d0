"""Cramp first aid asks one thing only: which leg."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.model import Side


class SidePicker(ModalScreen[Side | None]):
    BINDINGS = [
        Binding("l", "pick('left')", "Left"),
        Binding("r", "pick('right')", "Right"),
        Binding("b", "pick('both')", "Both"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Which leg is cramping?", id="question")
            with Horizontal(id="buttons"):
                yield Button("Left (l)", id="left", variant="primary")
                yield Button("Right (r)", id="right", variant="primary")
                yield Button("Both (b)", id="both")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(Side(event.button.id))

    def action_pick(self, side: str) -> None:
        self.dismiss(Side(side))

    def action_cancel(self) -> None:
        self.dismiss(None)
