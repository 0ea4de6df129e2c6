"""A session's report: per round and question what happened, the band, and the evidence for it.

It shows ``tui.core.report.format_text`` of the record, the same text
``mockloop report FILE`` prints, so what the app shows and what a person
shares cannot disagree. Never markup: answers and messages may contain anything.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.messages import t
from tui.core.record import SessionRecord
from tui.core.report import build_report
from tui.core.report_format import format_text
from tui.screens.localized import Localized


class ReportScreen(Localized, Screen[None]):
    DEFAULT_CSS = """
    #report { padding: 0 2; }
    #report-title { text-style: bold; color: $accent; padding: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "back", "key.back")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        report = build_report(self.record)
        with VerticalScroll(id="report"):
            yield Static(Content(t("report.screen_title", title=report.title)), id="report-title", markup=False)
            yield Static(Content(format_text(report)), id="report-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report").focus()

    def action_back(self) -> None:
        self.dismiss(None)
