"""The recruiter screen's motivation answer: one text, the question's guidance, its length.

One text area under the guidance bullets (in the round's language), with the
live word count and speaking time (~140 words a minute; aim for about two
minutes) labelled short, good length or long exactly as the analyzer's
length findings would (``checkers.text.speech.MOTIVATION_LENGTH``). The
answer is the text as written.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from question_bank import Kind, Lang
from tui.core.feedback import MOTIVATION_LENGTH, Pace, count_words, spoken
from tui.widgets.answer_panel import register_panel
from tui.widgets.written_answer import WrittenAnswerPanel, say, words_text

PACE_STYLE = {Pace.SHORT: "$text-warning", Pace.GOOD: "$text-success", Pace.LONG: "$text-warning"}


def guidance_bullets(items: list[str]) -> Content:
    return Content.assemble(
        *(piece for n, item in enumerate(items) for piece in (("\n" if n else ""), ("• ", "bold"), item))
    )


def motivation_summary(text: str, lang: Lang) -> Content:
    """The line above the answer: words, speaking time, short / good length / long, the aim."""
    length = spoken(count_words(text), MOTIVATION_LENGTH)
    pace = say(length.pace.value) if length.words else ""
    aim = say("aim_about")
    return Content.assemble(
        (words_text(length.words), "bold"),
        " · ",
        say("spoken", clock=length.clock),
        " · ",
        (pace, PACE_STYLE[length.pace]) if pace else "",
        f" ({aim}, {length.range_text})" if pace else f"{aim} ({length.range_text})",
    )


@register_panel(Kind.MOTIVATION)
class MotivationPanel(WrittenAnswerPanel):
    """Guidance, one text area, words and speaking time."""

    DEFAULT_CSS = """
    MotivationPanel .motivation-guidance {
        height: auto;
        max-height: 10;
        padding: 0 1;
        color: $text-muted;
        scrollbar-size-vertical: 1;
    }
    MotivationPanel #answer-text {
        height: 1fr;
    }
    """

    def compose_header(self) -> ComposeResult:
        yield Static("", id="motivation-stats", classes="answer-stats", markup=False)

    def compose_main(self) -> ComposeResult:
        with VerticalScroll(classes="motivation-guidance"):
            yield Static(self._guidance(self.lang), id="guidance", markup=False)
        yield TextArea(
            self.attempt.answer,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            read_only=self.attempt.locked,
            id="answer-text",
            placeholder=say("placeholder_motivation"),
        )

    def _guidance(self, lang: Lang) -> Content:
        motivation = self.attempt.question.motivation
        return guidance_bullets([item.get(lang) for item in motivation.guidance] if motivation else [])

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

    def refresh_counts(self) -> None:
        self.query_one("#motivation-stats", Static).update(motivation_summary(self.text_area.text, self.lang))

    def set_lang(self, lang: Lang) -> None:
        self.query_one("#guidance", Static).update(self._guidance(lang))
        super().set_lang(lang)
