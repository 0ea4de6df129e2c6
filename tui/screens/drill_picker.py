"""Pick a question to drill: the bank by round, filter as you type, Enter to start."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from question_bank import Question
from tui.core.messages import t
from tui.screens.localized import Localized
from tui.services import services
from tui.widgets.question_table import QuestionTable


class DrillPickerScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("enter", "start", "key.start_drill", priority=True),
        Binding("down", "move(1)", "key.down", show=False),
        Binding("up", "move(-1)", "key.up", show=False),
        Binding("f1", "app.help", "key.help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content(t("picker.title")), classes="screen-title", markup=False)
            yield Input(placeholder=t("picker.filter"), id="picker-filter")
            yield QuestionTable(services(self).bank, id="picker-table")
            yield Static(
                Content(t("picker.help")),
                id="picker-help",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#picker-filter", Input).focus()

    @property
    def table(self) -> QuestionTable:
        return self.query_one(QuestionTable)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.table.filter(event.value)

    def action_move(self, step: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)), animate=False)

    def action_start(self) -> None:
        question = self.table.highlighted_question
        if question is None:
            self.app.bell()
            return
        self.start(question)

    def on_question_table_chosen(self, event: QuestionTable.Chosen) -> None:
        self.start(event.question)

    def start(self, question: Question) -> None:
        self.app.switch_screen(services(self).drill_screen(question))

    def action_back(self) -> None:
        self.dismiss(None)
