"""A paused drill: the clock is stopped and the answer hidden until the candidate resumes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.messages import t
from tui.screens.localized import Localized


class PausedScreen(Localized, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f8,enter,escape", "resume", "key.resume")]

    def __init__(self) -> None:
        super().__init__(classes="modal")  # centred over the round, like every dialog

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="paused"):
            yield Static(Content(t("paused.title")), classes="dialog-title", markup=False)
            yield Static(Content(t("paused.body")), markup=False)

    def action_resume(self) -> None:
        self.dismiss(None)
