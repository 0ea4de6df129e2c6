"""The model answer of a code question, read-only and highlighted, after a submission."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from question_bank import Question
from tui.core.messages import language, t
from tui.screens.localized import Localized
from tui.widgets.code_editor import CodeEditor


class ReferenceScreen(Localized, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f5", "close", "key.close")]

    def __init__(self, question: Question) -> None:
        super().__init__(classes="modal")
        self.question = question

    def compose(self) -> ComposeResult:
        assert self.question.code is not None
        with Vertical(classes="dialog wide", id="reference"):
            yield Static(
                Content(t("reference.title", title=self.question.title.get(language()))),
                classes="dialog-title",
                markup=False,
            )
            yield CodeEditor.for_python(self.question.code.reference(), read_only=True, id="reference-code")

    def on_mount(self) -> None:
        self.query_one("#reference-code", TextArea).focus()

    def action_close(self) -> None:
        self.dismiss(None)
