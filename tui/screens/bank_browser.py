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
from tui.core.bank_words import difficulty_name, kind_name, type_name
from tui.core.messages import language, plural, t
from tui.screens.localized import Localized
from tui.services import services
from tui.widgets.prompt_markdown import PromptMarkdown
from tui.widgets.question_table import QuestionTable


class BankBrowserScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding(
            "enter", "drill", "key.drill_it", priority=True
        ),  # before the filter's own Enter, so the footer shows it
        Binding("ctrl+t", "translate", "key.translate"),
        Binding("down", "move(1)", "key.down", show=False),
        Binding("up", "move(-1)", "key.up", show=False),
        Binding("f1", "app.help", "key.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lang: Lang = language()  # the questions' language: the interface's until ctrl+t
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="browser"):
            with Vertical(id="browser-list"):
                yield Static(Content(t("bank.title")), classes="screen-title", markup=False)
                yield Input(placeholder=t("bank.filter"), id="browser-filter")
                yield QuestionTable(services(self).bank, id="browser-table", compact=True)
            with VerticalScroll(id="browser-preview"):
                yield Static(Content(""), id="browser-meta", markup=False)
                yield PromptMarkdown("", id="browser-prompt", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#browser-filter", Input).focus()
        self._show(self.query_one(QuestionTable).highlighted_question)

    async def relabel(self) -> None:
        await super().relabel()
        self.on_mount()

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
            meta.update(Content(t("bank.no_match")))
            prompt.update("")
            return
        meta.update(
            Content.assemble(
                (question.title.get(self.lang), "bold"),
                "\n",
                (f"{question.id} · {type_name(question.type)} · {kind_name(question.kind)}", "$text-muted"),
                (f" · {difficulty_name(question.difficulty)}", "$text-muted"),
                (f" · {question.minutes} min · {plural('count.hint', len(question.hints))}", "$text-muted"),
            )
        )
        prompt.update(question.prompt.get(self.lang))

    def action_back(self) -> None:
        self.dismiss(None)
