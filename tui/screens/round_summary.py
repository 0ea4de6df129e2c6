"""Between rounds (and after a drill): time used, each question's result and band, hints and asks taken.

Everything shown is ``tui.core.report.round_report`` of the record the app is
writing, the same function the report, history and replay use, so the band
here is the band there (``tui.core.verdict``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from tui.core.messages import t
from tui.core.report import RoundReport, round_report
from tui.core.session import Mode, RoundState, Session
from tui.core.table_fit import fit_columns
from tui.screens.localized import Localized
from tui.services import services
from tui.widgets.feedback_view import summary_feedback

#: The summary screens' padding (``padding: 1 2`` in app.tcss) and a scrollbar's width.
SCREEN_PADDING = 2 * 2 + 2


def fill_fitted(table: DataTable[Text], labels: list[str], rows: list[list[Text]], width: int) -> None:
    """Refill ``table`` with columns sized to fit ``width``; the first column (titles) gives way
    first, then the second, and cut cells end in an ellipsis (``tui.core.table_fit``)."""
    natural = {str(i): max([len(label), *(row[i].cell_len for row in rows)]) for i, label in enumerate(labels)}
    widths = fit_columns(natural, width, {"0": 16, "2": 10})
    table.clear(columns=True)
    for index, label in enumerate(labels):
        table.add_column(Text(label), key=str(index), width=widths[str(index)])
    for row in rows:
        for cell in row:
            cell.no_wrap, cell.overflow = True, "ellipsis"
        table.add_row(*row)


def fill_summary_table(table: DataTable[Text], summary: RoundReport, width: int) -> None:
    rows = [
        [
            Text(question.title, "bold"),
            Text(question.result_text()),
            Text(question.verdict.label),
            Text(f"{len(question.hints)}/{question.hints_total}"),
            Text(str(len(question.asks))),
        ]
        for question in summary.questions
    ]
    labels = [t(f"summary.column.{c}") for c in ("question", "result", "band", "hints", "asked")]
    fill_fitted(table, labels, rows, width)


def verdict_text(summary: RoundReport) -> Content:
    """The round's band and why, as the report words it (a one-question round: that question's reasons)."""
    if summary.verdict is None:
        return Content("")
    said = summary.questions[0].verdict.reasons if len(summary.questions) == 1 else summary.verdict.reasons
    reasons = "".join(f"\n• {reason}" for reason in said)
    return Content.assemble((t("summary.verdict"), "bold"), (summary.label, "bold $accent"), reasons)


class RoundSummaryScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "key.continue", priority=True),
        Binding("escape", "home", "key.home"),  # drills (enter is taken by "drill another", even on the Home button)
        Binding("f5", "reference", "key.reference"),
        Binding("f1", "app.help", "key.help"),
    ]

    def __init__(self, session: Session, state: RoundState) -> None:
        super().__init__()
        self.session = session
        self.state = state

    def summary(self) -> RoundReport:
        record = services(self).live_record(self.session)
        return round_report(record.rounds[self.state.index], self.session.lang)

    def compose(self) -> ComposeResult:
        summary = self.summary()
        drill = self.session.mode is Mode.DRILL
        with VerticalScroll(id="round-summary"):
            if drill:
                heading = t("summary.drill_over", title=summary.questions[0].title)
            else:
                heading = t(
                    "summary.round_over", n=self.state.index + 1, total=len(self.session.rounds), title=summary.title
                )
            yield Static(Text(heading), classes="screen-title", markup=False)
            yield Static(self._time_line(summary), id="summary-time", markup=False)
            yield Static(verdict_text(summary), id="summary-verdict", markup=False)
            yield DataTable(id="summary-table", cursor_type="none", show_cursor=False)
            with Horizontal(classes="buttons"):
                if drill:
                    yield Button(t("summary.button.home"), id="go-home", compact=True)
                    if self._can_show_reference():
                        yield Button(t("summary.button.reference"), id="reference", compact=True)
                    yield Button(t("summary.button.another"), id="next", variant="primary", compact=True)
                elif self.session.is_last_round:
                    yield Button(t("summary.button.summary"), id="next", variant="primary", compact=True)
                else:
                    upcoming = self.session.rounds[self.state.index + 1].round
                    label = t(
                        "summary.button.next", n=self.state.index + 2, title=upcoming.title.get(self.session.lang)
                    )
                    yield Button(Content(label), id="next", variant="primary", compact=True)
            questions = [(a.question, q) for a, q in zip(self.state.attempts, summary.questions, strict=True)]
            yield from summary_feedback(questions, self.session.lang)
        yield Footer()

    def _time_line(self, summary: RoundReport) -> Content:
        return Content.assemble((t("summary.time_used"), "bold"), summary.time_text())

    def _can_show_reference(self) -> bool:
        attempt = self.state.attempts[0]
        return self.session.mode is Mode.DRILL and attempt.question.code is not None

    def on_mount(self) -> None:
        services(self).session_changed.subscribe(self, self._session_changed)
        self._fill(self.summary())
        self.query_one("#next", Button).focus()

    def on_resize(self) -> None:
        self._fill(self.summary())

    async def relabel(self) -> None:
        await super().relabel()
        self._fill(self.summary())
        self.query_one("#next", Button).focus()

    def _fill(self, summary: RoundReport) -> None:
        table = self.query_one("#summary-table", DataTable)
        fill_summary_table(table, summary, self.size.width - SCREEN_PADDING)

    def _session_changed(self, session: Session) -> None:
        """A final submission's results came in: the results and bands change."""
        if session is not self.session:
            return
        summary = self.summary()
        self._fill(summary)
        self.query_one("#summary-verdict", Static).update(verdict_text(summary))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reference":
            return self._can_show_reference()
        if action == "home":
            return self.session.mode is Mode.DRILL
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "reference":
            self.action_reference()
        elif event.button.id == "go-home":
            self.action_home()

    def action_home(self) -> None:
        if self.session.mode is Mode.DRILL:
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
