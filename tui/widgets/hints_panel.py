"""Progressive hints: the cost is stated before any is revealed, then one at a time.

Revealing posts ``HintsPanel.RevealRequested``; the session decides whether a
hint is left and records it with its time; the panel renders what was taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from question_bank import Lang
from tui.core.attempt import HINT_COST, QuestionAttempt
from tui.core.messages import t


class HintsPanel(Vertical):
    """The hints taken so far and a button for the next one."""

    @dataclass
    class RevealRequested(Message):
        """The candidate asked for the next hint (the button; f2 is handled by the screen)."""

        panel: HintsPanel

        @property
        def control(self) -> HintsPanel:
            return self.panel

    def __init__(self, attempt: QuestionAttempt, lang: Lang) -> None:
        super().__init__(classes="hints-panel")
        self.attempt = attempt
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        yield Static(self._status(), markup=False, id="hints-status")
        yield Button(self._button_label(), id="hints-reveal", variant="warning", compact=True)
        with VerticalScroll(id="hints-list"):
            yield Static(self._taken(), markup=False, id="hints-taken")

    def _status(self) -> Content:
        total = len(self.attempt.question.hints)
        taken = len(self.attempt.hints)
        return Content.assemble((t(HINT_COST), "bold $text-warning"), t("hints.revealed", taken=taken, total=total))

    def _button_label(self) -> str:
        if self.attempt.hints_left <= 0:
            return t("hints.no_more")
        return t("hints.reveal", n=len(self.attempt.hints) + 1)

    def _taken(self) -> Content:
        if not self.attempt.hints:
            return Content.styled(t("hints.none"), "$text-muted")
        parts: list[str | tuple[str, str]] = []
        for taken in self.attempt.hints:
            if parts:
                parts.append("\n\n")
            parts += [
                (t("hints.hint", n=taken.index + 1), "bold"),
                self.attempt.question.hints[taken.index].get(self.lang),
            ]
        return Content.assemble(*parts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RevealRequested(self))

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.refresh_attempt()

    def refresh_attempt(self) -> None:
        self.query_one("#hints-status", Static).update(self._status())
        button = self.query_one("#hints-reveal", Button)
        button.label = self._button_label()
        button.disabled = self.attempt.hints_left <= 0 or self.attempt.locked
        self.query_one("#hints-taken", Static).update(self._taken())
