"""One question in a round: the prompt panel beside the answer panel for its kind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from question_bank import Lang
from tui.core.attempt import QuestionAttempt
from tui.widgets.answer_panel import AnswerPanel, panel_for
from tui.widgets.prompt_panel import PromptPanel


class QuestionView(Horizontal):
    """Prompt on the left, answer on the right; ``index`` is the question's place in the round."""

    def __init__(self, index: int, attempt: QuestionAttempt, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question-view")
        self.index = index
        self.attempt = attempt
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        yield PromptPanel(self.attempt, self.lang)
        yield panel_for(self.attempt.question.kind)(self.attempt, self.lang)

    @property
    def prompt_panel(self) -> PromptPanel:
        return self.query_one(PromptPanel)

    @property
    def answer_panel(self) -> AnswerPanel:
        return self.query_one(AnswerPanel)

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.prompt_panel.set_lang(lang)
        self.answer_panel.set_lang(lang)
