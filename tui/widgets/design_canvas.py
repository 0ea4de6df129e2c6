"""The system-design canvas: seven sections, and a capacity calculator beside them.

Sections in the order of a well-run design interview (Requirements, Scale
estimates, API, Data model, High-level design, Deep dives, Bottlenecks &
trade-offs), each a text area under the question's guidance for it (the
focused section's guidance unfolds). The calculator turns six whiteboard
inputs into rates, storage and bandwidth; its Insert button (or ctrl+g, from any
section) appends the estimate to Scale estimates. The answer is Markdown with
one heading per section, the format ``mockloop check`` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from checkers.text.messages import section_name
from question_bank import DESIGN_SECTIONS, Kind, Lang
from tui.core.answer_markdown import design_from_markdown, design_to_markdown
from tui.core.feedback import count_words
from tui.widgets.answer_panel import register_panel
from tui.widgets.capacity_calculator import CapacityCalculator
from tui.widgets.written_answer import SectionedAnswerPanel, say, words_text


@register_panel(Kind.DESIGN)
class DesignCanvas(SectionedAnswerPanel):
    """Seven sections and the calculator."""

    DEFAULT_CSS = """
    DesignCanvas .written-side {
        width: 36;
    }
    DesignCanvas.-feedback .written-side {
        width: 45%;
    }
    DesignCanvas .part-text {
        height: 7;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "insert_estimate", "key.insert_estimate", tooltip="tip.insert_estimate"),
    ]

    KEYS = DESIGN_SECTIONS

    def to_markdown(self, parts: Mapping[str, str]) -> str:
        return design_to_markdown(parts)

    def from_markdown(self, text: str) -> dict[str, str]:
        return design_from_markdown(text)

    def compose_header(self) -> ComposeResult:
        yield Static("", id="design-stats", classes="answer-stats", markup=False)

    def compose_side(self) -> ComposeResult:
        yield CapacityCalculator(self.lang, id="calculator")

    @property
    def has_side_tools(self) -> bool:
        return True

    @property
    def calculator(self) -> CapacityCalculator:
        return self.query_one("#calculator", CapacityCalculator)

    def part_title(self, key: str, lang: Lang) -> str:
        return section_name(key, lang)

    def part_guidance(self, key: str, lang: Lang) -> str:
        design = self.attempt.question.design
        return design.guidance(key).get(lang) if design is not None else ""

    def refresh_counts(self) -> None:
        super().refresh_counts()
        texts = self.part_texts()
        total = sum(count_words(text) for text in texts.values())
        filled = sum(1 for text in texts.values() if text.strip())
        self.query_one("#design-stats", Static).update(
            Content.assemble((words_text(total), "bold"), say("sections_filled", filled=filled, total=len(self.KEYS)))
        )

    def set_lang(self, lang: Lang) -> None:
        self.calculator.set_lang(lang)
        super().set_lang(lang)

    def lock_answer(self) -> None:
        super().lock_answer()
        self.calculator.lock_inputs()

    # -- the estimate into Scale estimates -------------------------------------------

    def action_insert_estimate(self) -> None:
        if not self.calculator.request_insert():
            self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "insert_estimate":
            return not self.has_class("-locked") and not self.format_error
        return True

    @on(CapacityCalculator.InsertRequested)
    def _insert(self, event: CapacityCalculator.InsertRequested) -> None:
        event.stop()
        if self.has_class("-locked") or self.format_error:
            self.app.bell()
            return
        self.insert_estimate(event.markdown)

    def insert_estimate(self, markdown: str) -> None:
        """Append ``markdown`` to Scale estimates (one undoable edit) and put the cursor after it."""
        area = self.part_area("scale")
        end = area.document.end
        before = area.text
        separator = (
            ""
            if not before.strip()
            else ("\n" if before.endswith("\n\n") else "\n\n" if not before.endswith("\n") else "\n")
        )
        result = area.insert(separator + markdown + "\n", end)
        area.focus()
        area.move_cursor(result.end_location)
        self.query_one("#part-scale").scroll_visible()
