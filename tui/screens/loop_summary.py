"""After the last round: every round of the onsite on one page, plainly."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from tui.core.session import Session
from tui.core.summary import summarize_session
from tui.core.timer import format_duration
from tui.screens.round_summary import END_TEXT
from tui.services import services
from tui.widgets.feedback_view import summary_feedback


class LoopSummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "home", "Home", priority=True),
        Binding("r", "report", "Report"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        title = self.session.title.get(self.session.lang)
        with VerticalScroll(id="loop-summary"):
            yield Static(Text(f"Onsite complete · {title}"), classes="screen-title", markup=False)
            yield Static(self._totals(), id="loop-totals", markup=False)
            table: DataTable[Text] = DataTable(id="loop-table", cursor_type="none", show_cursor=False)
            table.add_columns(
                Text("Round"), Text("Time"), Text("Question"), Text("Result"), Text("Hints"), Text("Asked")
            )
            yield table
            with Horizontal(classes="buttons"):
                yield Button("Home (Enter)", id="go-home", variant="primary", compact=True)
            for state in self.session.rounds:
                if state.started:
                    yield from summary_feedback(state.attempts, self.session.lang, prefix=f"{state.index + 1} · ")
        yield Footer()

    def _totals(self) -> Text:
        rounds = summarize_session(self.session)
        used = sum(r.used for r in rounds)
        hints = sum(q.hints_used for r in rounds for q in r.questions)
        asks = sum(q.asks for r in rounds for q in r.questions)
        seed = f" · seed {self.session.seed}" if self.session.seed is not None else ""
        return Text(f"{len(rounds)} rounds in {format_duration(used)} · {hints} hints · {asks} questions asked{seed}")

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#go-home", Button).focus()

    def _fill(self) -> None:
        table = self.query_one("#loop-table", DataTable)
        table.clear()
        for summary in summarize_session(self.session):
            for position, question in enumerate(summary.questions):
                first = position == 0
                reason = END_TEXT.get(summary.end_reason, "") if summary.end_reason else ""
                table.add_row(
                    Text(f"{summary.index + 1} · {summary.title}", "bold") if first else Text(""),
                    Text(f"{summary.time_text()} {reason}".strip()) if first else Text(""),
                    Text(question.title),
                    Text(question.tests_text()),
                    Text(f"{question.hints_used}/{question.hints_total}"),
                    Text(str(question.asks)),
                )

    def on_state_changed(self) -> None:
        self._fill()
        self.query_one("#loop-totals", Static).update(self._totals())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_home()

    def action_home(self) -> None:
        self.dismiss(None)

    def action_report(self) -> None:
        """The full report: per question the results, hints, danger zones and a band with its evidence."""
        from tui.screens.report import ReportScreen

        app = services(self)
        keeper = app.keeper
        if keeper is not None and keeper.session is self.session:
            app.save_session(force=True)
            self.app.push_screen(ReportScreen(keeper.recorder.record))
