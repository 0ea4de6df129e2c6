"""The live test results: one row per test, updated in place as events stream in.

The panel renders a ``CheckRun`` from tui.core; it keeps no results of its
own. Rows are updated cell by cell (not rebuilt) while a run streams, so the
cursor and scroll position stay where the candidate left them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from tui.core.checking import TestStatus
from tui.core.messages import t
from tui.core.results import CheckRun, RunOutcome, TestRow

#: Icon and theme variable per status; plain characters only, so every terminal draws
#: them. The icon and the status word carry the meaning; the colour only repeats it.
STATUS_LOOK: dict[TestStatus, tuple[str, str]] = {
    TestStatus.QUEUED: ("·", "text-muted"),
    TestStatus.RUNNING: ("▸", "status-running"),
    TestStatus.PASSED: ("✓", "status-passed"),
    TestStatus.FAILED: ("✗", "status-failed"),
    TestStatus.ERROR: ("!", "status-error"),
    TestStatus.TIMEOUT: ("⧗", "status-timeout"),
    TestStatus.MEMORY: ("M", "status-timeout"),
    TestStatus.OUTPUT_LIMIT: ("O", "status-timeout"),
    TestStatus.CRASHED: ("☠", "status-failed"),
    TestStatus.NOT_RUN: ("-", "text-muted"),
}


def status_word(status: TestStatus) -> str:
    """A status's word in the interface language (the catalogue's ``status.<value>``)."""
    return t(f"status.{status.value}")


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def status_style(status: TestStatus, colours: Mapping[str, str] | None = None) -> str:
    """A Rich style for ``status`` in the active theme (``colours`` is ``app.theme_variables``).

    DataTable cells are drawn by Rich, which knows no theme variables, so the
    variable is looked up here; the panel redraws its rows when the theme changes.
    """
    _, variable = STATUS_LOOK[status]
    colour = (colours or {}).get(variable, "")
    if not colour.startswith("#"):  # "auto 60%" and the like: Rich cannot draw them
        return "dim" if variable == "text-muted" else ""
    return f"bold {colour}" if status is TestStatus.RUNNING else colour


def row_cells(row: TestRow, colours: Mapping[str, str] | None = None) -> tuple[Text, Text, Text, Text]:
    """The four cells of a row, as Rich ``Text`` (never parsed as markup)."""
    icon = STATUS_LOOK[row.status][0]
    style = status_style(row.status, colours)
    muted = status_style(TestStatus.NOT_RUN, colours)  # $text-muted (Rich's "dim" halves any colour)
    name_style = f"{muted} italic" if not row.info.visible else ""
    name = Text(shown_name(row.name), name_style, no_wrap=True, overflow="ellipsis")
    return (
        Text(icon, style),
        name,
        Text(status_word(row.status), style),
        Text(format_seconds(row.duration), muted),
    )


def shown_name(name: str) -> str:
    """A test's name in the table: without pytest's ``test_`` prefix, which every row shares
    (the details pane shows the full name)."""
    return name.removeprefix("test_") or name


COLUMNS = ("icon", "name", "status", "time")
NAME_WIDTH_MIN = 12


def status_width() -> int:
    """The status column: as wide as the longest status word in the interface language."""
    return max(len(status_word(status)) for status in TestStatus)


def fixed_columns_width() -> int:
    """Icon, status and time columns, the cell padding of all four, and a thin scrollbar."""
    return 1 + status_width() + 6 + 4 * 2 + 1


#: The time column and its padding, given to the names when they would be cut.
TIME_COLUMN_WIDTH = 6 + 2


class TestPanel(Vertical):
    """Summary line and test rows; posts ``TestPanel.Selected`` when a row is chosen."""

    __test__ = False

    @dataclass
    class Selected(Message):
        """The candidate moved to (or clicked) a test row."""

        panel: TestPanel
        name: str

        @property
        def control(self) -> TestPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._run: CheckRun | None = None
        self._names: list[str] = []
        self._show_time = True

    def compose(self) -> ComposeResult:
        yield Static(Content(t("tests.empty")), id="test-summary", markup=False)
        table: DataTable[Text] = DataTable(id="test-rows", cursor_type="row", zebra_stripes=False)
        self._add_columns(table, [])
        yield table

    def _add_columns(self, table: DataTable[Text], names: list[str]) -> None:
        """Columns sized up front: the names get what the panel can spare, so no
        horizontal scrolling. (DataTable's auto-width can also leave stale,
        truncated rows behind when cells stream in before a refresh.)"""
        longest = max([4, *(len(shown_name(name)) for name in names)])
        spare = self.size.width - fixed_columns_width() if self.size.width else longest
        # Names first: when they would be cut, the time column (also in the details) makes room.
        self._show_time = spare >= longest
        if not self._show_time:
            spare += TIME_COLUMN_WIDTH
        name_width = max(NAME_WIDTH_MIN, min(longest, spare))
        table.add_column(Text(""), key="icon", width=1)
        table.add_column(Text(t("tests.column.name")), key="name", width=name_width)
        table.add_column(Text(t("tests.column.status")), key="status", width=status_width())
        if self._show_time:
            table.add_column(Text(t("tests.column.time")), key="time", width=6)

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#test-rows", DataTable)

    @property
    def run(self) -> CheckRun | None:
        return self._run

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self._names:
            self._rebuild(self._run)

    def on_resize(self) -> None:
        if self._names:
            self._rebuild(self._run)

    def _rebuild(self, run: CheckRun | None) -> None:
        table = self.table
        names = [row.name for row in run.rows] if run is not None else []
        selected = self.selected_name
        table.clear(columns=True)
        self._add_columns(table, names)
        for row in run.rows if run is not None else []:
            table.add_row(*self._cells(row), key=row.name)
        self._names = names
        if selected in names:
            table.move_cursor(row=names.index(selected), animate=False)

    def _cells(self, row: TestRow) -> tuple[Text, ...]:
        cells = row_cells(row, self.app.theme_variables)
        return cells if self._show_time else cells[:3]

    def show(self, run: CheckRun | None) -> None:
        """Render ``run``: rebuild when the set of tests changed, otherwise update rows in place."""
        table = self.table
        names = [row.name for row in run.rows] if run is not None else []
        if run is None or run is not self._run or names != self._names:
            self._rebuild(run)
        else:
            assert run is not None
            for row in run.rows:
                for key, cell in zip(COLUMNS, self._cells(row), strict=False):
                    table.update_cell(row.name, key, cell)
            self._follow(run)
        self._run = run
        summary = run.summary() if run is not None else t("tests.empty")
        self.query_one("#test-summary", Static).update(Content(summary))
        self.set_class(run is not None and run.running, "-running")
        self.set_class(run is not None and run.outcome is RunOutcome.FAILED, "-failed")
        self.set_class(run is not None and run.all_passed, "-all-passed")

    def _follow(self, run: CheckRun) -> None:
        """Keep the running test in view while results stream in, unless the candidate is
        browsing the rows themselves (the table has focus)."""
        table = self.table
        if table.has_focus:
            return
        running = next((i for i, row in enumerate(run.rows) if row.status is TestStatus.RUNNING), None)
        if running is None:
            return
        visible = max(1, table.scrollable_content_region.height - 1)  # minus the header
        if running >= table.scroll_y + visible:
            table.scroll_to(y=running - visible + 1, animate=False)
        elif running < table.scroll_y:
            table.scroll_to(y=running, animate=False)

    @property
    def selected_name(self) -> str | None:
        table = self.table
        if not self._names or table.cursor_row < 0 or table.cursor_row >= len(self._names):
            return None
        return self._names[table.cursor_row]

    def select(self, name: str) -> None:
        if name in self._names:
            self.table.move_cursor(row=self._names.index(name), animate=False)
            self.post_message(self.Selected(self, name))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Selected(self, event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Selected(self, event.row_key.value))
