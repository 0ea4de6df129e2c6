"""Shown instead of the app while the terminal is smaller than the layout needs."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.core.messages import t

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """A plain message; it goes away by itself when the terminal is big enough again."""

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small", markup=False)

    def _message(self) -> Content:
        width, height = self.size
        return Content(t("too_small", min_width=MIN_WIDTH, min_height=MIN_HEIGHT, width=width, height=height))

    def on_screen_resume(self) -> None:
        """Back on top after a dialog closed: the terminal may have grown meanwhile."""
        if self.app.screen is self and not too_small(*self.app.size):
            self.dismiss(None)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", Static).update(self._message())
