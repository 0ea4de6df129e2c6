"""The state of one checker run: rows that move queued → running → result.

``CheckRun`` folds the runner's events into rows the test panel renders and
the report reads. It is the single place that decides what a person may see
of a hidden test while the round runs (its name and what it probes, never the
expected value) and how the summary line reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from tui.core.checking import (
    CheckEvent,
    RunCause,
    RunFailed,
    RunFinished,
    RunMode,
    RunStarted,
    TestFinished,
    TestInfo,
    TestStarted,
    TestStatus,
    failure_headline,
)
from tui.core.messages import t


class RunOutcome(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"  # import error or checker error: see ``CheckRun.failure``
    CANCELLED = "cancelled"


@dataclass(slots=True)
class TestRow:
    """One row of the test panel."""

    __test__ = False

    info: TestInfo
    status: TestStatus = TestStatus.QUEUED
    result: TestFinished | None = None

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def duration(self) -> float | None:
        return self.result.duration if self.result is not None else None


@dataclass(frozen=True, slots=True)
class TestDetail:
    """What the details pane shows for a selected row, already filtered for hidden tests."""

    __test__ = False

    name: str
    description: str
    visible: bool
    status: TestStatus
    message: str = ""
    expected: str | None = None
    actual: str | None = None
    output: str = ""
    traceback: str = ""
    duration: float | None = None


#: The longest traceback (in lines) the details pane shows; the end is what matters.
TRACEBACK_LINES = 30


def trim_traceback(text: str, limit: int = TRACEBACK_LINES) -> str:
    lines = text.rstrip().splitlines()
    if len(lines) <= limit:
        return "\n".join(lines)
    return "\n".join([f"… {len(lines) - limit} earlier lines", *lines[-limit:]])


@dataclass
class CheckRun:
    """One Run or Submit of one answer, as it streams in."""

    mode: RunMode
    source: str
    started_at: float  # round-elapsed seconds
    finished_at: float | None = None
    outcome: RunOutcome = RunOutcome.RUNNING
    rows: list[TestRow] = field(default_factory=list)
    failure: RunFailed | None = None
    cause: RunCause = RunCause.CANDIDATE  # who started it: the candidate, finishing early, or time's up
    on_end: Callable[[CheckRun], None] | None = field(
        default=None, repr=False, compare=False
    )  # told once, when it ends

    # -- folding events --------------------------------------------------------------

    def apply(self, event: CheckEvent, at: float) -> None:
        """Fold one event in; events for unknown tests are added rather than lost."""
        if self.outcome is not RunOutcome.RUNNING:
            return
        if isinstance(event, RunStarted):
            self.rows = [TestRow(info) for info in event.tests]
        elif isinstance(event, TestStarted):
            self._row(event.name).status = TestStatus.RUNNING
        elif isinstance(event, TestFinished):
            row = self._row(event.name)
            if not row.info.visible:
                event = replace(event, expected=None, actual=None, output="", traceback="")
            row.status = event.status
            row.result = event
        elif isinstance(event, RunFinished):
            self._close(RunOutcome.FINISHED, at)
        elif isinstance(event, RunFailed):
            self.failure = event
            self._close(RunOutcome.FAILED, at)

    def cancel(self, at: float) -> None:
        if self.outcome is RunOutcome.RUNNING:
            self._close(RunOutcome.CANCELLED, at)

    def _close(self, outcome: RunOutcome, at: float) -> None:
        self.outcome = outcome
        self.finished_at = at
        for row in self.rows:
            if not row.status.is_final:
                row.status = TestStatus.NOT_RUN
        if self.on_end is not None:
            self.on_end(self)

    def _row(self, name: str) -> TestRow:
        for row in self.rows:
            if row.name == name:
                return row
        row = TestRow(TestInfo(name))
        self.rows.append(row)
        return row

    # -- reading ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.outcome is RunOutcome.RUNNING

    @property
    def passed(self) -> int:
        return sum(1 for row in self.rows if row.status is TestStatus.PASSED)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def all_passed(self) -> bool:
        return self.outcome is RunOutcome.FINISHED and self.total > 0 and self.passed == self.total

    def row(self, name: str) -> TestRow | None:
        return next((row for row in self.rows if row.name == name), None)

    def detail(self, name: str) -> TestDetail | None:
        """The selected row's details; hidden tests show their name and what they probe only."""
        row = self.row(name)
        if row is None:
            return None
        result = row.result
        if result is None or not row.info.visible:
            # A hidden test's message is written by the checker to be safe to show
            # (its name and what it probes); its evidence is not.
            return TestDetail(
                name=row.name,
                description=row.info.description,
                visible=row.info.visible,
                status=row.status,
                message=result.message if result is not None else "",
                duration=row.duration,
            )
        return TestDetail(
            name=row.name,
            description=row.info.description,
            visible=True,
            status=row.status,
            message=result.message,
            expected=result.expected,
            actual=result.actual,
            output=result.output,
            traceback=trim_traceback(result.traceback),
            duration=row.duration,
        )

    def summary(self) -> str:
        """The line under the rows: ``7/9 passed · hidden tests run on submit``."""
        if self.outcome is RunOutcome.FAILED and self.failure is not None:
            what = failure_headline(self.failure.reason)
            return f"{what}: {headline(self.failure.message)}"
        if not self.rows:
            return t("tests.starting") if self.running else t("tests.none_ran")
        done = sum(1 for row in self.rows if row.status.is_final)
        if self.running:
            head = t("tests.running", done=done, total=self.total, passed=self.passed)
        else:
            head = t("tests.passed", passed=self.passed, total=self.total)
        if self.outcome is RunOutcome.CANCELLED:
            head += t("tests.cancelled")
        if self.mode is RunMode.RUN:
            return head + t("tests.hidden_on_submit")
        hidden = sum(1 for row in self.rows if not row.info.visible)
        return head + (t("tests.hidden", count=hidden) if hidden else "")


def first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0] if stripped else ""


def headline(text: str) -> str:
    """The most telling line of a message: the first that does not merely introduce the next."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in lines:
        if not line.endswith(":"):
            return line
    return lines[0] if lines else ""
