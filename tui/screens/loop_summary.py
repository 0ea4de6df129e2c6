"""After the last round: every round of the onsite on one page, with its band and the session's.

Everything shown is ``tui.core.report.build_report`` of the record the app is
writing: the same verdicts as the report (``r``), history and replay.
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

from tui.core.messages import plural, t
from tui.core.report import Report, build_report
from tui.core.session import Session
from tui.core.timer import format_duration
from tui.screens.localized import Localized
from tui.screens.round_summary import SCREEN_PADDING, fill_fitted
from tui.services import services
from tui.widgets.feedback_view import summary_feedback


class LoopSummaryScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "home", "key.home", priority=True),
        Binding("r", "report", "key.report"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def report(self) -> Report:
        return build_report(services(self).live_record(self.session), self.session.lang)

    def compose(self) -> ComposeResult:
        report = self.report()
        with VerticalScroll(id="loop-summary"):
            yield Static(Text(t("loop.title", title=report.title)), classes="screen-title", markup=False)
            yield Static(self._totals(report), id="loop-totals", markup=False)
            yield Static(self._verdict(report), id="loop-verdict", markup=False)
            yield DataTable(id="loop-table", cursor_type="none", show_cursor=False)
            with Horizontal(classes="buttons"):
                yield Button(t("loop.button.home"), id="go-home", variant="primary", compact=True)
                yield Button(t("loop.button.report"), id="report", compact=True)
            for state, summary in zip(self.session.rounds, report.rounds, strict=True):
                if summary.started:
                    questions = [(a.question, q) for a, q in zip(state.attempts, summary.questions, strict=True)]
                    yield from summary_feedback(questions, self.session.lang, prefix=f"{state.index + 1} · ")
        yield Footer()

    @staticmethod
    def _totals(report: Report) -> Text:
        taken = [r for r in report.rounds if r.started]
        hints = sum(len(q.hints) for r in taken for q in r.questions)
        asks = sum(len(q.asks) for r in taken for q in r.questions)
        seed = t("loop.seed", seed=report.seed) if report.seed is not None else ""
        return Text(
            t(
                "loop.totals",
                rounds=plural("count.round", len(taken)),
                used=format_duration(report.used),
                hints=plural("count.hint", hints),
                asks=plural("count.asked", asks),
                seed=seed,
            )
        )

    @staticmethod
    def _verdict(report: Report) -> Content:
        reasons = "".join(f"\n• {reason}" for reason in report.verdict.reasons) if report.verdict else ""
        return Content.assemble((t("loop.overall"), "bold"), (report.label, "bold $accent"), reasons)

    def on_mount(self) -> None:
        services(self).session_changed.subscribe(self, self._session_changed)
        self._fill(self.report())
        self.query_one("#go-home", Button).focus()

    def on_resize(self) -> None:
        self._fill(self.report())

    async def relabel(self) -> None:
        await super().relabel()
        self._fill(self.report())
        self.query_one("#go-home", Button).focus()

    def _fill(self, report: Report) -> None:
        rows: list[list[Text]] = []
        for summary in report.rounds:
            if not summary.started:
                continue
            rows.append(
                [
                    Text(f"{summary.index + 1} · {summary.title}", "bold"),
                    Text(summary.time_text()),
                    Text(""),
                    Text(summary.label, "bold"),
                    Text(""),
                ]
            )
            rows += [
                [
                    Text(f"  {question.title}"),
                    Text(""),
                    Text(question.result_text()),
                    Text(question.verdict.label),
                    Text(f"{len(question.hints)}/{question.hints_total}"),
                ]
                for question in summary.questions
            ]
        labels = [t(f"loop.column.{c}") for c in ("round", "time", "result", "band", "hints")]
        fill_fitted(self.query_one("#loop-table", DataTable), labels, rows, self.size.width - SCREEN_PADDING)

    def _session_changed(self, session: Session) -> None:
        if session is not self.session:
            return
        report = self.report()
        self._fill(report)
        self.query_one("#loop-totals", Static).update(self._totals(report))
        self.query_one("#loop-verdict", Static).update(self._verdict(report))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "report":
            self.action_report()
        else:
            self.action_home()

    def action_home(self) -> None:
        self.dismiss(None)

    def action_report(self) -> None:
        """The full report: per question the answer, the runs, hints, danger zones and a band with its reasons."""
        from tui.screens.report import ReportScreen

        app = services(self)
        app.save_session(force=True)
        self.app.push_screen(ReportScreen(app.live_record(self.session)))
