"""Quitting an interview that is not finished: finish it now, keep it to resume later, or discard it.

The dialog only asks; the app does what was chosen (``MockloopApp.quit_as``)
and ``tui.core.session`` decides what each choice means for the session's
lifecycle. "Keep" has the focus: pressing Enter by reflex never loses work.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.core.messages import t
from tui.screens.localized import Localized

QuitChoice = Literal["finish", "keep", "discard"]
CHOICES: dict[str, QuitChoice] = {"finish": "finish", "keep": "keep", "discard": "discard"}


class QuitScreen(Localized, ModalScreen[QuitChoice | None]):
    """Dismisses with the choice, or None (escape: back to the interview)."""

    DEFAULT_CSS = """
    #quit-dialog .dialog-buttons Button { min-width: 8; margin: 0 0 0 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(None)", "key.back"),
        Binding("f", "choose('finish')", "key.finish_now"),
        Binding("k", "choose('keep')", "key.keep"),
        Binding("d", "choose('discard')", "key.discard"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__(classes="modal")
        self.what = what  # "drill" or "onsite"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quit-dialog"):
            yield Static(Content(t(f"quit.title.{self.what}")), classes="dialog-title", markup=False)
            yield Static(
                Content.assemble(
                    t(f"quit.body.{self.what}.before"),
                    ("mockloop onsite --resume", "bold"),  # a command: the same in every language
                    t(f"quit.body.{self.what}.after"),
                ),
                classes="dialog-body",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("key.back"), id="back", compact=True)
                yield Button(t("key.discard"), id="discard", variant="error", compact=True)
                yield Button(t("key.finish_now"), id="finish", compact=True)
                yield Button(t("quit.keep_for_later"), id="keep", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(CHOICES.get(event.button.id or ""))

    def action_choose(self, choice: QuitChoice | None) -> None:
        self.dismiss(choice)
