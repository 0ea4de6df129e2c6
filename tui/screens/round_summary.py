"""Between rounds (and after a drill): time used, tests passed, hints and asks taken."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from tui.core.session import EndReason, Mode, RoundState, Session
from tui.core.summary import RoundSummary, summarize_round
from tui.widgets.feedback_view import summary_feedback

END_TEXT = {EndReason.TIME_UP: "time's up", EndReason.FINISHED: "finished early"}


def summary_table(summary: RoundSummary, *, id: str | None = None) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id=id, cursor_type="none", show_cursor=False)
    table.add_columns(Text("Question"), Text("Result"), Text("Hints"), Text("Asked"))
    fill_summary_table(table, summary)
    return table


def fill_summary_table(table: DataTable[Text], summary: RoundSummary) -> None:
    table.clear()
    for question in summary.questions:
        table.add_row(
            Text(question.title, "bold"),
            Text(question.tests_text()),
            Text(f"{question.hints_used}/{question.hints_total}"),
            Text(str(question.asks)),
        )


class RoundSummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Continue", priority=True),
        Binding("f5", "reference", "Reference"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, session: Session, state: RoundState) -> None:
        super().__init__()
        self.session = session
        self.state = state

    def compose(self) -> ComposeResult:
        summary = summarize_round(self.state, self.session.lang)
        drill = self.session.mode is Mode.DRILL
        with VerticalScroll(id="round-summary"):
            if drill:
                heading = f"Drill over · {summary.questions[0].title}"
            else:
                heading = f"Round {self.state.index + 1}/{len(self.session.rounds)} over · {summary.title}"
            yield Static(Text(heading), classes="screen-title", markup=False)
            yield Static(self._time_line(summary), id="summary-time", markup=False)
            yield summary_table(summary, id="summary-table")
            with Horizontal(classes="buttons"):
                if drill:
                    yield Button("Home", id="go-home", compact=True)
                    if self._can_show_reference():
                        yield Button("Reference answer (f5)", id="reference", compact=True)
                    yield Button("Drill another (Enter)", id="next", variant="primary", compact=True)
                elif self.session.is_last_round:
                    yield Button("See the summary (Enter)", id="next", variant="primary", compact=True)
                else:
                    upcoming = self.session.rounds[self.state.index + 1].round
                    label = f"Start round {self.state.index + 2} · {upcoming.title.get(self.session.lang)} (Enter)"
                    yield Button(Content(label), id="next", variant="primary", compact=True)
            yield from summary_feedback(self.state.attempts, self.session.lang)
        yield Footer()

    def _time_line(self, summary: RoundSummary) -> Content:
        reason = END_TEXT.get(summary.end_reason, "") if summary.end_reason else ""
        return Content.assemble(("Time used ", "bold"), summary.time_text(), f" · {reason}" if reason else "")

    def _can_show_reference(self) -> bool:
        attempt = self.state.attempts[0]
        return self.session.mode is Mode.DRILL and attempt.question.code is not None

    def on_mount(self) -> None:
        self.query_one("#next", Button).focus()

    def on_state_changed(self) -> None:
        summary = summarize_round(self.state, self.session.lang)
        fill_summary_table(self.query_one("#summary-table", DataTable), summary)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reference":
            return self._can_show_reference()
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "reference":
            self.action_reference()
        elif event.button.id == "go-home":
            self.dismiss(None)

    def action_reference(self) -> None:
        from tui.screens.reference import ReferenceScreen

        if self._can_show_reference():
            self.app.push_screen(ReferenceScreen(self.state.attempts[0].question))

    def action_next(self) -> None:
        if self.session.mode is Mode.DRILL:
            from tui.screens.drill_picker import DrillPickerScreen

            self.app.switch_screen(DrillPickerScreen())
            return
        following = self.session.advance()
        if following is None:
            from tui.screens.loop_summary import LoopSummaryScreen

            self.app.switch_screen(LoopSummaryScreen(self.session))
        else:
            from tui.screens.round import RoundScreen

            self.app.switch_screen(RoundScreen(self.session))
