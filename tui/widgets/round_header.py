"""The strip at the top of a round: loop name, "Round k/5 · title", progress, countdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.core.messages import t
from tui.core.session import Mode, RoundState, Session
from tui.widgets.round_timer import RoundTimerDisplay


def progress_dots(done: int, current: int | None, total: int) -> str:
    """``●●◉○○``: finished rounds, the current one, the ones to come."""
    return "".join("◉" if i == current else "●" if i < done else "○" for i in range(total))


class RoundHeader(Horizontal):
    """Where am I and how long do I have: always visible during a round."""

    def __init__(self, session: Session, state: RoundState) -> None:
        super().__init__()
        self.session = session
        self.state = state

    def compose(self) -> ComposeResult:
        loop_name, where, progress = self._labels()
        yield Static(Content(loop_name), id="header-loop", markup=False)
        yield Static(Content(where), id="header-round", markup=False)
        yield Static(Content(progress), id="header-progress", markup=False)
        yield RoundTimerDisplay(self.state.timer, id="header-timer")

    def _labels(self) -> tuple[str, str, str]:
        lang = self.session.lang
        total = len(self.session.rounds)
        if self.session.mode is Mode.ONSITE:
            where = t("header.round", n=self.state.index + 1, total=total, title=self.state.round.title.get(lang))
            progress = progress_dots(self.state.index, self.state.index, total)
        else:
            question = self.state.attempts[0].question
            where = t("header.drill", title=question.title.get(lang), minutes=question.minutes)
            progress = ""
        loop_name = self.session.loop.title.get(lang) if self.session.loop is not None else "mockloop"
        return loop_name, where, progress

    def refresh_labels(self) -> None:
        """Re-read the labels (after a language switch)."""
        loop_name, where, progress = self._labels()
        self.query_one("#header-loop", Static).update(Content(loop_name))
        self.query_one("#header-round", Static).update(Content(where))
        self.query_one("#header-progress", Static).update(Content(progress))

    def refresh_time(self) -> None:
        self.query_one(RoundTimerDisplay).refresh_time()
