"""A screen that knows it runs inside CoachApp, so screens reach the app's library and history typed.

Each screen also remembers the language it was drawn in: when the person changes the language
in the settings, a screen beneath them is drawn again in the new one as soon as it is shown. And
each is styled once before its first frame, for the terminal's size (see _StyledOnce).
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


def breakpoint_class(size: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the largest breakpoint `size` reaches, as Textual chooses it on a resize."""
    reached = [(at, name) for at, name in breakpoints if size >= at]
    return max(reached)[1] if reached else None


class _StyledOnce:
    """Styled once before its first frame, as it will stay.

    Its breakpoint classes (-narrow, -wide, -short...) are there from the start: Textual adds them
    on the screen's first resize, after its widgets were styled and often after its first frame
    (at 60 columns the first frame lacked the narrow layout). And the first showing, just after
    its widgets were mounted and styled one by one, skips Textual's second pass over all of them
    (about 20 ms before the run screen's first frame); later showings are Textual's own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown_before = False
        screen = cast(Screen[Any], self)
        try:
            width, height = screen.app.size
        except RuntimeError:  # Textual's NoActiveAppError: made outside a running app; the first resize sets them
            return
        app = screen.app
        for size, own, apps in ((width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
                                (height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS)):
            name = breakpoint_class(size, (apps if own is None else own) or [])
            if name is not None:
                screen.update_classes({name: True}, update=False)  # styled when it mounts

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls this before Screen's own handler, which restyles when asked to.
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False


class CoachScreen(_Retranslated, _StyledOnce, Screen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)


class CoachModalScreen(_Retranslated, _StyledOnce, ModalScreen[ResultT], Generic[ResultT]):
    @property
    def app(self) -> CoachApp:  # type: ignore[override]
        return cast("CoachApp", super().app)
