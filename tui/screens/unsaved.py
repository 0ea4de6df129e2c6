"""Quitting while saves fail: keep trying, save the session to another folder, or quit and lose the last N s.

Shown instead of exiting when the autosave cannot write the session (a
read-only folder, a full disk) and something is not on disk yet. The dialog
only asks and shows what it is told; the app does the saving
(``SessionHost``), and says here why a folder did not work, so the candidate
can try another.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.core.messages import t
from tui.screens.localized import Localized


class UnsavedScreen(Localized, ModalScreen[str | None]):
    """Dismisses with "retry", "lose", or "elsewhere:<folder>"; escape is "retry" (nothing lost)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose('retry')", "unsaved.retry")]

    def __init__(self, seconds: float, path: str, error: str, folder: str, problem: str = "") -> None:
        super().__init__(classes="modal")
        self.seconds = round(seconds)
        self.path = path
        self.error = error
        self.folder = folder
        self.problem = problem  # why the last folder tried did not work

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="unsaved-dialog"):
            yield Static(Content(t("unsaved.title", seconds=self.seconds)), classes="dialog-title", id="unsaved-title")
            yield Static(
                Content(t("unsaved.body", path=self.path, error=self.error, seconds=self.seconds)),
                classes="dialog-body",
                markup=False,
            )
            yield Input(self.folder, placeholder=t("unsaved.placeholder"), id="unsaved-folder")
            yield Static("", id="unsaved-problem", classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("unsaved.lose", seconds=self.seconds), id="lose", variant="error", compact=True)
                yield Button(t("unsaved.elsewhere"), id="elsewhere", compact=True)
                yield Button(t("unsaved.retry"), id="retry", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()
        if self.problem:
            self.show_problem(self.problem)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "elsewhere":
            self._save_elsewhere()
        else:
            self.dismiss(event.button.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_elsewhere()

    def _save_elsewhere(self) -> None:
        folder = self.query_one("#unsaved-folder", Input).value.strip()
        if not folder:
            self.show_problem(t("unsaved.no_folder"))
            return
        self.dismiss(f"elsewhere:{folder}")

    def show_problem(self, sentence: str) -> None:
        self.query_one("#unsaved-problem", Static).update(Content(sentence))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
