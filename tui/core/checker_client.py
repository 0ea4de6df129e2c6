"""The real checker behind the app's ``CheckerRunner`` protocol.

The isolated checker server lives in ``checkers/`` (see ARCHITECTURE.md,
"Checker isolation"); this adapter starts it, forwards runs, and converts its
events (``checkers.events``) into the app's own (``tui.core.checking``), so a
change in the checker's wire format stops here.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing
from typing import TYPE_CHECKING

from tui.core.checking import (
    CheckEvent,
    RunFailed,
    RunFinished,
    RunMode,
    RunStarted,
    TestFinished,
    TestInfo,
    TestStarted,
    TestStatus,
)

if TYPE_CHECKING:
    from checkers import events as checker_events
    from checkers.client import CheckerClient
    from question_bank import CodeSpec

_STATUS = {
    "passed": TestStatus.PASSED,
    "failed": TestStatus.FAILED,
    "error": TestStatus.ERROR,
    "timeout": TestStatus.TIMEOUT,
    "memory": TestStatus.MEMORY,
    "output_limit": TestStatus.OUTPUT_LIMIT,
    "crashed": TestStatus.CRASHED,
    "import_error": TestStatus.NOT_RUN,
}


def convert(event: checker_events.Event) -> CheckEvent:
    """The app's event for one of the checker's."""
    from checkers import events as ev

    if isinstance(event, ev.RunStarted):
        return RunStarted(
            tuple(TestInfo(t.name, t.description, visible=t.visible, danger=t.danger) for t in event.tests)
        )
    if isinstance(event, ev.TestStarted):
        return TestStarted(event.name)
    if isinstance(event, ev.TestFinished):
        result = event.result
        status = _STATUS.get(str(result.status), TestStatus.CRASHED) if result.ran else TestStatus.NOT_RUN
        return TestFinished(
            name=result.name,
            status=status,
            duration=result.duration,
            message=result.message,
            expected=result.expected,
            actual=result.actual,
            output=result.output,
            traceback=result.traceback,
        )
    if isinstance(event, ev.RunFinished):
        outcome = str(event.status)
        if outcome == "import_error":
            return RunFailed("import_error", event.message, event.output)
        if outcome == "error":  # no test ran: not a pass (checkers.verdicts.run_status)
            return RunFailed("no_tests", event.message, event.output)
        if outcome == "crashed" and event.message and not event.counts:
            return RunFailed("checker_error", event.message, event.output)
        return RunFinished(duration=event.duration)
    raise ValueError(f"unknown checker event {event!r}")


class CheckerClientRunner:
    """Runs suites on the checker server, started in the background at launch.

    Each ``run`` is independent (``supersede=False``): the app cancels a run
    by closing its iterator, which cancels that run only, so a Run on one
    question never stops the submission of another.
    """

    def __init__(self, *, observe: Callable[[checker_events.Event], None] | None = None) -> None:
        self._client: CheckerClient | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._observe = observe  # sees each of the checker's own events first (`mockloop watch` prints them)

    def _ensure(self) -> CheckerClient:
        with self._lock:
            if self._closed:
                raise RuntimeError("the checker was closed")
            if self._client is None:
                from checkers.client import CheckerClient

                self._client = CheckerClient()  # spawns the server; never waits for it
            return self._client

    @property
    def server_pid(self) -> int | None:
        return self._client.server_pid if self._client is not None else None

    async def start(self) -> None:
        await asyncio.to_thread(self._ensure)

    async def close(self) -> None:
        with self._lock:
            self._closed = True
            client, self._client = self._client, None
        if client is not None:
            await asyncio.to_thread(client.close)

    def run(self, suite: CodeSpec, source: str, mode: RunMode) -> AsyncGenerator[CheckEvent, None]:
        return self._stream(suite, source, mode)

    async def _stream(self, suite: CodeSpec, source: str, mode: RunMode) -> AsyncGenerator[CheckEvent, None]:
        from checkers.suite import Suite

        client = await asyncio.to_thread(self._ensure)
        handle = client.run(Suite.from_code(suite), source, mode=mode.value, supersede=False)
        # Closing this generator early closes the handle's iterator, which cancels the run.
        async with aclosing(aiter(handle)) as events:
            async for event in events:
                if self._observe is not None:
                    self._observe(event)
                yield convert(event)
