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
from tui.services import services
from tui.widgets.question_table import QuestionTable


class DrillPickerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("enter", "start", "Start drill", priority=True),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("f1", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content("Drill a question"), classes="screen-title", markup=False)
            yield Input(placeholder="Filter: words from the title, round, kind, level or tags", id="picker-filter")
            yield QuestionTable(services(self).bank, id="picker-table")
            yield Static(
                Content("Enter starts the highlighted question with its suggested time. Escape goes back."),
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
