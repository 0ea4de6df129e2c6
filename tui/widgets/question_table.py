"""The bank as a filterable table, grouped by round: the drill picker and the bank browser share it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from question_bank import ROUND_IDS, Bank, Lang, Question
from tui.core.bank_words import difficulty_name, kind_name, type_name
from tui.core.messages import language, t
from tui.core.table_fit import fit_columns


def round_titles(bank: Bank, lang: Lang | None = None) -> dict[str, str]:
    """Round ids to display titles: from the loops when they name the round (default: the interface language)."""
    lang = lang or language()
    titles = {rid: rid.replace("-", " ").title() for rid in ROUND_IDS}
    for loop in bank.loops.values():
        titles |= {r.id: r.title.get(lang) for r in loop.rounds}
    return titles


def matches(question: Question, words: Iterable[str], round_title: str) -> bool:
    """Every word of the filter appears in the id, title, round, kind, type, difficulty or tags."""
    haystack = " ".join(
        (
            question.id,
            question.title.en,
            question.title.fr,
            round_title,
            question.kind.value,
            kind_name(question.kind),
            question.type,
            type_name(question.type),
            question.difficulty.value,
            difficulty_name(question.difficulty),
            *question.tags,
        )
    ).lower()
    return all(word in haystack for word in words)


def label(key: str) -> str:
    """A column's heading in the interface language (``bank.column.<key>``)."""
    return t(f"bank.column.{key}")


#: What a flexible column keeps at least when the table is narrow, in the order they give way.
SHRINKABLE = {"tags": 8, "round": 12, "question": 14}
#: The vertical scrollbar.
SCROLLBAR = 2


class QuestionTable(DataTable[Text]):
    """One row per question in interview order; ``filter`` narrows as the candidate types."""

    @dataclass
    class Chosen(Message):
        """Enter (or a click on a highlighted row) on a question."""

        table: QuestionTable
        question: Question

        @property
        def control(self) -> QuestionTable:
            return self.table

    @dataclass
    class Highlighted(Message):
        table: QuestionTable
        question: Question

        @property
        def control(self) -> QuestionTable:
            return self.table

    #: Every column; ``compact`` tables (beside a preview) keep the first two.
    COLUMNS = ("round", "question", "kind", "level", "minutes", "tags")

    def __init__(self, bank: Bank, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.columns_shown = self.COLUMNS[:2] if compact else self.COLUMNS
        self.bank = bank
        self.titles = round_titles(bank)
        order = {rid: i for i, rid in enumerate(ROUND_IDS)}
        self.lang: Lang = language()
        self.ordered = sorted(bank, key=lambda q: (order.get(q.round, len(order)), q.title.get(self.lang).lower()))
        self.shown: list[Question] = []
        self._filter_text = ""
        self._laid_out_for = 0

    def on_mount(self) -> None:
        self._add_columns()
        self.filter("")

    def on_resize(self) -> None:
        if self._laid_out_for != self.size.width:
            self.clear(columns=True)
            self._add_columns()
            self.filter(self._filter_text)

    def _add_columns(self) -> None:
        self._laid_out_for = self.size.width
        natural = {key: self._natural_width(key) for key in self.columns_shown}
        widths = fit_columns(natural, self.size.width or 10_000, SHRINKABLE, reserve=SCROLLBAR)
        for key in self.columns_shown:
            self.add_column(Text(label(key)), key=key, width=widths[key])

    def _natural_width(self, key: str) -> int:
        cells = (
            [self._cells(q, "")[key].cell_len for q in self.ordered]
            if key != "round"
            else list(map(len, self.titles.values()))
        )
        return max([len(label(key)), *cells])

    def _cells(self, question: Question, round_cell: str) -> dict[str, Text]:
        """The row's cells; the ones that can be too long end in an ellipsis when cut."""
        return {
            "round": Text(round_cell, "bold", no_wrap=True, overflow="ellipsis"),
            "question": Text(question.title.get(self.lang), no_wrap=True, overflow="ellipsis"),
            "kind": Text(kind_name(question.kind)),
            "level": Text(difficulty_name(question.difficulty)),
            "minutes": Text(str(question.minutes)),
            "tags": Text(", ".join(question.tags[:3]), no_wrap=True, overflow="ellipsis"),
        }

    def filter(self, text: str) -> None:
        self._filter_text = text
        words = text.lower().split()
        self.clear()
        self.shown = [q for q in self.ordered if matches(q, words, self.titles.get(q.round, q.round))]
        previous_round = None
        for question in self.shown:
            round_cell = self.titles.get(question.round, question.round) if question.round != previous_round else ""
            previous_round = question.round
            cells = self._cells(question, round_cell)
            self.add_row(*(cells[key] for key in self.columns_shown), key=question.id)
        if self.shown:
            self.move_cursor(row=0, animate=False)

    @property
    def highlighted_question(self) -> Question | None:
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        question = self.highlighted_question
        if question is not None:
            self.post_message(self.Chosen(self, question))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        question = self.highlighted_question
        if question is not None:
            self.post_message(self.Highlighted(self, question))
