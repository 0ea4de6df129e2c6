"""Progress: per round and per question, how practice went, what is due, and the trend of bands.

It renders ``tui.core.progress_report`` (the same words as ``mockloop
stats``) and decides nothing: a table per round (the one to read at a
glance), the trend of the highlighted row drawn as a chart, and a table per
question. Enter on a question drills it; ``n`` drills the one the schedule
says is next.

The chart is textual-plotext (plotext in a widget) rather than Textual's
``Sparkline``: a trend of four bands needs its axis named (a sparkline's bars
have no scale, and four heights read as noise) and its attempts dated, and
plotext draws both, following the app's theme. The tables carry a one-line
``▁▃▅█`` trend too, for the rows the chart is not showing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual_plotext import PlotextPlot

from question_bank import UnknownQuestion
from tui.core.messages import t
from tui.core.progress_report import (
    QUESTION_HEADER,
    ROUND_HEADER,
    ProgressReport,
    collect,
    next_line,
    question_rows,
    round_rows,
    summary_line,
)
from tui.core.progress_report import (
    header as progress_header,
)
from tui.core.stats import Point
from tui.core.verdict import Band, band_label
from tui.screens.localized import Localized
from tui.services import services

BAND_LOOK: dict[Band, tuple[str, bool]] = {  # a band's cell: the theme variable of its colour, bold or not
    Band.STRONG_HIRE: ("status-passed", True),
    Band.HIRE: ("status-passed", False),
    Band.NO_HIRE: ("status-timeout", False),
    Band.STRONG_NO_HIRE: ("status-failed", True),
}
BAND_COLUMNS = {"last", "best"}  # catalogue keys of the columns that hold bands


def cell(text: str, column: str, colours: Mapping[str, str]) -> Text:
    """A table cell as Rich ``Text`` (never markup); bands in their colour, looked up in the theme.

    ``column`` is the column's key (``tui.core.progress_report.ROUND_HEADER``); ``text`` is the
    band as the interface says it.
    """
    looks = {band_label(band): look for band, look in BAND_LOOK.items()}
    if column in BAND_COLUMNS and text in looks:
        variable, bold = looks[text]
        colour = colours.get(variable, "")
        style = ("bold " if bold else "") + (colour if colour.startswith("#") else "")
        return Text(text, style.strip())
    return Text(text, no_wrap=True, overflow="ellipsis")


class ProgressScreen(Localized, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("n", "drill_next", "key.drill_next"),
        Binding("tab", "app.focus_next", "key.rounds_questions", show=False),
    ]

    def __init__(self, *, now: dt.datetime | None = None) -> None:
        super().__init__()
        self._now = now  # tests fix the date; otherwise the wall clock when the screen opens
        self.report: ProgressReport | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="progress"):
            yield Static(Content(t("progress.title")), classes="screen-title", markup=False)
            yield Static(id="progress-summary", markup=False)
            yield DataTable[Text](id="progress-rounds", cursor_type="row", zebra_stripes=True)
            yield PlotextPlot(id="progress-trend")
            yield DataTable[Text](id="progress-questions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.reload())
        self.reload()
        self.query_one("#progress-rounds", DataTable).focus()

    def reload(self) -> None:
        """Read history and the schedule again (cheap: the index), then redraw everything."""
        now = self._now or dt.datetime.now(dt.UTC)
        try:
            report = collect(now, bank=services(self).bank)
        except OSError as exc:
            self.notify(t("sessions.cannot_list", reason=exc.strerror or exc), severity="error", markup=False)
            return
        if report.problem is not None and self.report is None:
            self.notify(report.problem, title=t("home.due.schedule"), severity="warning", markup=False)
        self.report = report
        self._fill("#progress-rounds", ROUND_HEADER, round_rows(report))
        self._fill("#progress-questions", QUESTION_HEADER, question_rows(report))
        how = t("progress.how")
        if report.progress.trend:
            summary = f"{summary_line(report)} {next_line(report, how)}"
        else:
            summary = f"{t('progress.none')} {next_line(report, how)}"
        self.query_one("#progress-summary", Static).update(Content(summary))
        self.show_trend()

    def _fill(self, selector: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        table = self.query_one(selector, DataTable)
        row, colours = table.cursor_row, self.app.theme_variables
        table.clear()
        if not table.columns:
            table.add_columns(*(Text(name) for name in progress_header(header)))
        for values in rows:
            table.add_row(*(cell(v, c, colours) for v, c in zip(values, header, strict=True)))
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1), animate=False)

    # -- the chart follows the highlighted row ---------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.data_table.has_focus:
            self.show_trend()

    def on_descendant_focus(self) -> None:
        self.show_trend()

    def _highlighted(self) -> tuple[str, Sequence[Point]]:
        report = self.report
        if report is None or not report.progress.trend:
            return "", ()
        questions = self.query_one("#progress-questions", DataTable)
        if questions.has_focus and report.progress.questions:
            q = report.progress.questions[min(questions.cursor_row, len(report.progress.questions) - 1)]
            return f"{q.title} ({q.id})", q.trend
        rounds = self.query_one("#progress-rounds", DataTable)
        if report.progress.rounds:
            r = report.progress.rounds[min(rounds.cursor_row, len(report.progress.rounds) - 1)]
            return r.title, r.trend
        return "", ()

    def show_trend(self) -> None:
        title, points = self._highlighted()
        plot = self.query_one("#progress-trend", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        if points:
            xs = [float(x) for x in range(1, len(points) + 1)]
            plt.plot(xs, [p.band.rank for p in points], marker="braille")
            plt.scatter(xs, [p.band.rank for p in points], marker="●")
            step = max(1, len(points) // 6)
            ticks = xs[::step]
            plt.xticks(ticks, [points[int(i) - 1].at.astimezone().strftime("%d %b") for i in ticks])
            plt.xlim(0.5, len(points) + 0.5)
            plt.title(t("progress.chart", title=title))
        else:
            plt.title(t("progress.chart_empty"))
        plt.yticks([b.rank for b in Band], [band_label(b) for b in Band])
        plt.ylim(-0.5, 3.5)
        plot.refresh()

    # -- actions -----------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        report = self.report
        if report is not None and event.data_table.id == "progress-questions" and report.progress.questions:
            self.drill(report.progress.questions[event.cursor_row].id)

    def action_drill_next(self) -> None:
        if self.report is not None and self.report.next_up is not None:
            self.drill(self.report.next_up)
        else:
            self.notify(t("home.due.nothing"), markup=False)

    def drill(self, question_id: str) -> None:
        app = services(self)
        try:
            question = app.bank.question(question_id)
        except UnknownQuestion as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.app.push_screen(app.drill_screen(question))

    def on_screen_resume(self) -> None:
        self.reload()  # back from a drill: its attempt is in the tables

    async def relabel(self) -> None:
        await super().relabel()
        self.reload()
        self.query_one("#progress-rounds", DataTable).focus()

    def action_back(self) -> None:
        self.dismiss(None)
