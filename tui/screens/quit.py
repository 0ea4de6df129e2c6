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

QuitChoice = Literal["finish", "keep", "discard"]
CHOICES: dict[str, QuitChoice] = {"finish": "finish", "keep": "keep", "discard": "discard"}


class QuitScreen(ModalScreen[QuitChoice | None]):
    """Dismisses with the choice, or None (escape: back to the interview)."""

    DEFAULT_CSS = """
    #quit-dialog .dialog-buttons Button { min-width: 8; margin: 0 0 0 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(None)", "Back"),
        Binding("f", "choose('finish')", "Finish now"),
        Binding("k", "choose('keep')", "Keep"),
        Binding("d", "choose('discard')", "Discard"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__(classes="modal")
        self.what = what  # "drill" or "onsite"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quit-dialog"):
            yield Static(Content(f"Quit the {self.what}?"), classes="dialog-title", markup=False)
            yield Static(
                Content.assemble(
                    f"The {self.what} is not finished.\n"
                    "• Finish now (f): your answers are locked and submitted, and the report is final.\n"
                    "• Keep for later (k): it is saved as it is; Home (or the command ",
                    ("mockloop onsite --resume", "bold"),
                    ") continues it.\n• Discard (d): it stays in your history as abandoned and is never offered again.",
                ),
                classes="dialog-body",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Back", id="back", compact=True)
                yield Button("Discard", id="discard", variant="error", compact=True)
                yield Button("Finish now", id="finish", compact=True)
                yield Button("Keep for later", id="keep", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(CHOICES.get(event.button.id or ""))

    def action_choose(self, choice: QuitChoice | None) -> None:
        self.dismiss(choice)
