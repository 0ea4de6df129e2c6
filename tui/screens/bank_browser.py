"""Browse the question bank: the list on the left, the prompt on the right; Enter drills the highlighted one."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Markdown, Static

from question_bank import Lang, Question
from tui.services import services
from tui.widgets.prompt_markdown import PromptMarkdown
from tui.widgets.question_table import QuestionTable


class BankBrowserScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("enter", "drill", "Drill it", priority=True),  # before the filter's own Enter, so the footer shows it
        Binding("ctrl+t", "translate", "FR/EN"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lang: Lang = "en"
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="browser"):
            with Vertical(id="browser-list"):
                yield Static(Content("Question bank"), classes="screen-title", markup=False)
                yield Input(placeholder="Filter", id="browser-filter")
                yield QuestionTable(services(self).bank, id="browser-table", compact=True)
            with VerticalScroll(id="browser-preview"):
                yield Static(Content(""), id="browser-meta", markup=False)
                yield PromptMarkdown("", id="browser-prompt", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#browser-filter", Input).focus()
        self._show(self.query_one(QuestionTable).highlighted_question)

    def on_input_changed(self, event: Input.Changed) -> None:
        table = self.query_one(QuestionTable)
        table.filter(event.value)
        self._show(table.highlighted_question)

    def on_question_table_highlighted(self, event: QuestionTable.Highlighted) -> None:
        self._show(event.question)

    def on_question_table_chosen(self, event: QuestionTable.Chosen) -> None:
        self._drill(event.question)

    def action_drill(self) -> None:
        self._drill(self.query_one(QuestionTable).highlighted_question)

    def _drill(self, question: Question | None) -> None:
        if question is None:
            self.app.bell()
            return
        self.app.switch_screen(services(self).drill_screen(question))

    def action_move(self, step: int) -> None:
        table = self.query_one(QuestionTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)), animate=False)

    def action_translate(self) -> None:
        self.lang = "fr" if self.lang == "en" else "en"
        self._show(self.question)

    def _show(self, question: Question | None) -> None:
        self.question = question
        meta = self.query_one("#browser-meta", Static)
        prompt = self.query_one("#browser-prompt", Markdown)
        if question is None:
            meta.update(Content("No question matches the filter."))
            prompt.update("")
            return
        meta.update(
            Content.assemble(
                (question.title.get(self.lang), "bold"),
                "\n",
                (f"{question.id} · {question.type} · {question.kind} · {question.difficulty}", "$text-muted"),
                (f" · {question.minutes} min · {len(question.hints)} hints", "$text-muted"),
            )
        )
        prompt.update(question.prompt.get(self.lang))

    def action_back(self) -> None:
        self.dismiss(None)
