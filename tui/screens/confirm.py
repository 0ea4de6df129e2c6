"""A yes/no question as a modal: finishing early, quitting an onsite."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.core.messages import t
from tui.screens.localized import Localized


class ConfirmScreen(Localized, ModalScreen[bool]):
    """Dismisses with True (confirm) or False (cancel, escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "cancel", "key.cancel"),
        Binding("y", "confirm", "key.confirm"),
    ]

    def __init__(self, title: str, message: str, *, confirm: str | None = None, cancel: str | None = None) -> None:
        super().__init__(classes="modal")
        self.title_text = title
        self.message = message
        self.confirm_label = confirm or t("confirm.yes")
        self.cancel_label = cancel or t("key.cancel")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title", markup=False)
            yield Static(Content(self.message), classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.cancel_label, id="cancel", compact=True)
                yield Button(self.confirm_label, id="confirm", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)
