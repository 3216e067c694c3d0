"""A screen that knows it runs inside CoachApp, so screens reach the app's library and history typed.

Each screen also remembers the language it was drawn in: when the person changes the language
in the settings, a screen beneath them is drawn again in the new one as soon as it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from textual import events
from textual.screen import ModalScreen, Screen

from coach.i18n import current_language

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

ResultT = TypeVar("ResultT")


class _Retranslated:
    """Draws the screen again (compose) when it is shown after the language changed."""

    drawn_in: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drawn_in = current_language()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls this beside Screen's own handler and the screen's on_screen_resume.
        if self.drawn_in != current_language():
            cast(Screen[Any], self).call_next(self.redraw_in_language)

    async def redraw_in_language(self) -> None:
        """Compose the screen again in the language now spoken; the first box or list gets the focus."""
        screen = cast(Screen[Any], self)
        self.drawn_in = current_language()
        await screen.recompose()
        if screen.focused is None:
            screen.focus_next()
        screen.refresh_bindings()


class CoachScreen(_Retranslated, Screen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)


class CoachModalScreen(_Retranslated, ModalScreen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)
