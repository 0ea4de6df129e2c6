"""The answer panel of written questions: a labelled text area and the kind's guidance.

Behavioral, design and motivation questions use it until their dedicated
panels are registered (see ``answer_panel``). The guidance comes from the
question's data, in the session's language.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Collapsible, Static, TextArea

from question_bank import DESIGN_SECTIONS, STAR_PARTS, Kind, Lang, Question
from tui.widgets.answer_panel import AnswerPanel, register_fallback

KIND_LABELS: dict[Kind, str] = {
    Kind.BEHAVIORAL: "Your answer: tell one story, Situation → Task → Action → Result → Reflection",
    Kind.DESIGN: "Your answer: requirements, scale, API, data model, high-level design, deep dives, trade-offs",
    Kind.MOTIVATION: "Your answer: why this company, why this role, what you bring",
}


SECTION_LABELS: dict[str, str] = {
    "requirements": "Requirements",
    "scale": "Scale",
    "api": "API",
    "data_model": "Data model",
    "high_level": "High-level design",
    "deep_dives": "Deep dives",
    "tradeoffs": "Trade-offs",
}


def guidance(question: Question, lang: Lang) -> Content:
    """The kind's guidance as a short list, from the question's data."""
    lines: list[tuple[str, str]] = []
    if question.star is not None:
        lines = [(f"{part.title()}:", question.star.guidance(part).get(lang)) for part in STAR_PARTS]
    elif question.design is not None:
        lines = [
            (f"{SECTION_LABELS.get(section, section)}:", question.design.guidance(section).get(lang))
            for section in DESIGN_SECTIONS
        ]
    elif question.motivation is not None:
        lines = [("•", item.get(lang)) for item in question.motivation.guidance]
    parts: list[str | tuple[str, str]] = []
    for head, text in lines:
        if parts:
            parts.append("\n")
        parts += [(f"{head} ", "bold"), text]
    return Content.assemble(*parts)


@register_fallback
class TextAnswerPanel(AnswerPanel):
    """A plain text area for a written answer, under its label and guidance."""

    def compose(self) -> ComposeResult:
        kind = self.attempt.question.kind
        label = KIND_LABELS.get(kind, "Your answer")
        yield Static(Content(label), markup=False, classes="answer-label")
        # Design guidance is long (it walks through each section), so it starts folded.
        with Collapsible(title="Guidance", collapsed=kind is Kind.DESIGN, classes="answer-guidance-box"):
            with VerticalScroll(classes="answer-guidance"):
                yield Static(guidance(self.attempt.question, self.lang), markup=False, id="guidance")
        yield TextArea(
            self.attempt.answer,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            read_only=self.attempt.locked,
            id="answer-text",
            placeholder="Write your answer here.",
        )

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#answer-text", TextArea)

    def answer_text(self) -> str:
        return self.text_area.text

    def load_answer(self, text: str) -> None:
        area = self.text_area
        area.replace(text, (0, 0), area.document.end)

    def lock_answer(self) -> None:
        self.text_area.read_only = True
        self.add_class("-locked")

    def focus_answer(self) -> None:
        self.text_area.focus()

    def set_lang(self, lang: Lang) -> None:
        super().set_lang(lang)
        self.query_one("#guidance", Static).update(guidance(self.attempt.question, lang))
