"""Ask the interviewer: pick a clarifying question, read the answer.

The questions a candidate may ask come from the question's data. Picking one
posts ``AskPanel.Asked``; the session records the ask with its time, and the
panel then shows the exchange. Answers already given stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from question_bank import Lang
from tui.core.attempt import QuestionAttempt
from tui.core.messages import t


class AskPanel(Vertical):
    """The list of clarifying questions and the interviewer's answers so far."""

    @dataclass
    class Asked(Message):
        panel: AskPanel
        index: int

        @property
        def control(self) -> AskPanel:
            return self.panel

    def __init__(self, attempt: QuestionAttempt, lang: Lang) -> None:
        super().__init__(classes="ask-panel")
        self.attempt = attempt
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        clarifications = self.attempt.question.clarifications
        if not clarifications:
            yield Static(
                Content(t("ask.nothing")),
                markup=False,
                classes="ask-none",
            )
            return
        yield Static(Content(t("ask.pick")), markup=False)
        yield OptionList(*self._options(), id="ask-options")
        with VerticalScroll(id="ask-transcript"):
            yield Static(self._transcript(), markup=False, id="ask-answers")

    def _options(self) -> list[Option]:
        options = []
        for index, clarification in enumerate(self.attempt.question.clarifications):
            mark = "✓ " if self.attempt.asked(index) else "  "
            options.append(Option(Content(mark + clarification.question.get(self.lang)), id=f"ask-{index}"))
        return options

    def _transcript(self) -> Content:
        if not self.attempt.asks:
            return Content.styled(t("ask.none"), "$text-muted")
        parts: list[str | tuple[str, str]] = []
        for ask in self.attempt.asks:
            clarification = self.attempt.question.clarifications[ask.index]
            if parts:
                parts.append("\n\n")
            parts += [(t("ask.you"), "bold"), clarification.question.get(self.lang), "\n"]
            parts += [(t("ask.interviewer"), "bold $accent"), clarification.answer.get(self.lang)]
        return Content.assemble(*parts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Asked(self, event.option_index))

    def focus_options(self) -> None:
        if self.attempt.question.clarifications:
            self.query_one("#ask-options", OptionList).focus()

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.refresh_attempt()

    def refresh_attempt(self) -> None:
        if not self.attempt.question.clarifications:
            return
        options = self.query_one("#ask-options", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = highlighted
        self.query_one("#ask-answers", Static).update(self._transcript())
