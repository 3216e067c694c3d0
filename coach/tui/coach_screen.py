"""A screen that knows it runs inside CoachApp, so screens reach the app's library and history typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

ResultT = TypeVar("ResultT")


class CoachScreen(Screen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)


class CoachModalScreen(ModalScreen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)
