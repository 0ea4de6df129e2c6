"""The question side of a round: the prompt, the interviewer, the hints.

Three tabs: "Prompt" (Markdown, English or French; both side by side on a
wide terminal), "Ask the interviewer" and "Hints". The panel renders the
attempt it is given; asking and revealing are requests posted upward
(``AskPanel.Asked``, ``HintsPanel.RevealRequested``), recorded by the
session, then rendered back here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import TabbedContent, TabPane

from question_bank import Lang, Question
from tui.core.attempt import QuestionAttempt
from tui.core.messages import t
from tui.widgets.ask_panel import AskPanel
from tui.widgets.hints_panel import HintsPanel
from tui.widgets.prompt_markdown import PromptMarkdown

TAB_PROMPT = "tab-prompt"
TAB_ASK = "tab-ask"
TAB_HINTS = "tab-hints"


class PromptText(Horizontal):
    """The prompt in the chosen language, or in both (``-both``) on wide terminals."""

    def __init__(self, question: Question, lang: Lang) -> None:
        super().__init__(classes="prompt-text")
        self.question = question
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="prompt-en pane-focus"):
            yield PromptMarkdown(self.question.prompt.en, open_links=False)
        with VerticalScroll(classes="prompt-fr pane-focus"):
            yield PromptMarkdown(self.question.prompt.fr, open_links=False)

    def on_mount(self) -> None:
        self.set_lang(self.lang)

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.set_class(lang == "fr", "-fr")


class PromptPanel(Vertical):
    """Prompt, interviewer and hints for one question, in tabs."""

    def __init__(self, attempt: QuestionAttempt, lang: Lang) -> None:
        super().__init__(classes="prompt-panel pane")
        self.attempt = attempt
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with TabbedContent(initial=TAB_PROMPT):
            with TabPane(t("prompt.tab.prompt"), id=TAB_PROMPT):
                yield PromptText(self.attempt.question, self.lang)
            with TabPane(t("prompt.tab.ask"), id=TAB_ASK):
                yield AskPanel(self.attempt, self.lang)
            with TabPane(t("prompt.tab.hints"), id=TAB_HINTS):
                yield HintsPanel(self.attempt, self.lang)

    def relabel(self) -> None:
        """The tab titles in the interface language (after it changed)."""
        tabs = self.query_one(TabbedContent)
        for tab_id, key in ((TAB_PROMPT, "prompt"), (TAB_ASK, "ask"), (TAB_HINTS, "hints")):
            tabs.get_tab(tab_id).label = t(f"prompt.tab.{key}")
        self.refresh_attempt()

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one(PromptText).set_lang(lang)
        self.query_one(AskPanel).set_lang(lang)
        self.query_one(HintsPanel).set_lang(lang)

    def show_tab(self, tab_id: str) -> None:
        """Switch tabs from code. The caller moves focus out of the panel first:
        TabbedContent re-activates the pane that holds the focused widget."""
        self.query_one(TabbedContent).active = tab_id

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def refresh_attempt(self) -> None:
        """Re-render asks and hints after the session recorded something."""
        self.query_one(AskPanel).refresh_attempt()
        self.query_one(HintsPanel).refresh_attempt()
