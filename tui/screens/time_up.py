"""Time's up in an onsite: the answers are locked and submitted; say so, then move on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.core.messages import t
from tui.core.report import round_report
from tui.core.session import RoundState, Session
from tui.screens.localized import Localized
from tui.services import services


class TimeUpScreen(Localized, ModalScreen[None]):
    """Shows each question's submission as it completes; Continue goes to the round summary."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,escape", "continue", "key.continue")]

    def __init__(self, session: Session, state: RoundState) -> None:
        super().__init__(classes="modal")
        self.session = session
        self.state = state

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="time-up"):
            yield Static(Content(t("time_up.title")), classes="dialog-title", markup=False)
            yield Static(
                Content(t("time_up.body", n=self.state.index + 1, title=self.state.round.title.get(self.session.lang))),
                classes="dialog-body",
                markup=False,
            )
            yield Static(self._status(), id="time-up-status", markup=False)
            yield Button(t("key.continue"), id="continue", variant="primary", compact=True)

    def _status(self) -> Content:
        record = services(self).live_record(self.session)
        summary = round_report(record.rounds[self.state.index], self.session.lang)
        lines = [f"• {q.title}: {q.result_text()}" for q in summary.questions]
        return Content("\n".join(lines))

    def on_mount(self) -> None:
        services(self).session_changed.subscribe(self, self._session_changed)
        self.query_one("#continue", Button).focus()

    def _session_changed(self, session: Session) -> None:
        """A background submission made progress."""
        if session is not self.session:
            return
        self.query_one("#time-up-status", Static).update(self._status())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_continue(self) -> None:
        self.dismiss(None)
