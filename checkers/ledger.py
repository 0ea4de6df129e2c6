"""The bookkeeping of one run: which tests it has, which are done, which one is running.

Both the server (when a test process dies and the run resumes in a new one)
and the client (when the server itself dies) must finish a run honestly:
every announced test gets exactly one result, and ``RunFinished`` comes
last, exactly once. ``RunLedger`` is that rule in one place; it produces the
public events and drops duplicates or anything after the end.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from checkers.events import (
    Mode,
    Result,
    RunFinished,
    RunStarted,
    Status,
    TestFinished,
    TestInfo,
    TestStarted,
    count_statuses,
)
from checkers.verdicts import run_status

__all__ = ["RunLedger"]


class RunLedger:
    def __init__(self, run: str, mode: Mode) -> None:
        self.run = run
        self.mode: Mode = mode
        self.tests: list[TestInfo] | None = None
        self.results: dict[str, Result] = {}
        self.in_flight: str | None = None
        self.in_flight_since: float = 0.0
        self.started_at = time.monotonic()
        self.finished: RunFinished | None = None

    # -- feeding ------------------------------------------------------------------------

    def start(self, tests: Iterable[TestInfo]) -> RunStarted | None:
        if self.tests is not None or self.finished is not None:
            return None
        self.tests = list(tests)
        return RunStarted(self.run, self.mode, tuple(self.tests))

    def test_started(self, name: str) -> TestStarted | None:
        if self.finished is not None or name in self.results:
            return None
        self.in_flight = name
        self.in_flight_since = time.monotonic()
        return TestStarted(self.run, name)

    def test_finished(self, result: Result) -> TestFinished | None:
        if self.finished is not None or result.name in self.results:
            return None
        if self.tests is not None and self.info(result.name) is None:
            self.tests.append(TestInfo(result.name, result.description, result.visible, result.danger, result.perf))
        self.results[result.name] = result
        if self.in_flight == result.name:
            self.in_flight = None
        return TestFinished(self.run, result)

    def fill(self, status: Status, message: str) -> list[TestFinished]:
        """A result for every announced test that has none yet (never run)."""
        events: list[TestFinished] = []
        for info in self.pending():
            event = self.test_finished(Result.not_run(info, status, message))
            if event is not None:
                events.append(event)
        return events

    def finish(
        self,
        *,
        status: Status | None = None,
        message: str = "",
        output: str = "",
        detail: str = "",
        cancelled: bool = False,
    ) -> RunFinished | None:
        """The closing event; ``status`` defaults to what the results say (``checkers.verdicts.run_status``)."""
        if self.finished is not None:
            return None
        if status is None and not cancelled:
            status, why = run_status(self.tests, self.results.values())
            message = message or why
        elif status is None:
            status = Status.FAILED
        self.in_flight = None
        self.finished = RunFinished(
            run=self.run,
            status=status,
            counts=count_statuses(self.ordered_results()),
            duration=time.monotonic() - self.started_at,
            message=message,
            output=output,
            detail=detail or message,
            cancelled=cancelled,
        )
        return self.finished

    # -- reading ------------------------------------------------------------------------

    def info(self, name: str) -> TestInfo | None:
        for info in self.tests or ():
            if info.name == name:
                return info
        return None

    def pending(self) -> list[TestInfo]:
        return [t for t in self.tests or () if t.name not in self.results]

    def ordered_results(self) -> list[Result]:
        order = {t.name: i for i, t in enumerate(self.tests or ())}
        return sorted(self.results.values(), key=lambda r: order.get(r.name, len(order)))
