"""Stand-ins for the checker, for tests, snapshots and benches.

``ScriptedRunner`` hands each run to the test, which pushes events one at a
time and waits until the app has consumed each one, so a test can assert on
the screen between "test 2 started" and "test 2 failed" without sleeping.
``InstantRunner`` answers every run at once from a fixed script, for
snapshots and benches where only the final picture matters.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass, field

from question_bank import CodeSpec
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

TERMINAL = (RunFinished, RunFailed)


@dataclass
class ScriptedCall:
    """One ``run`` call, waiting for the events the test pushes."""

    suite: CodeSpec
    source: str
    mode: RunMode
    queue: asyncio.Queue[CheckEvent] = field(default_factory=asyncio.Queue)
    closed: bool = False  # the app closed (cancelled) or finished consuming the run

    async def push(self, *events: CheckEvent) -> None:
        """Deliver events one by one; returns once the app has handled each of them."""
        for event in events:
            if self.closed:
                raise RuntimeError("the app already closed this run")
            await self.queue.put(event)
            await self.queue.join()


class ScriptedRunner:
    """A runner the test drives event by event."""

    def __init__(self) -> None:
        self.calls: list[ScriptedCall] = []
        self.started = False
        self.closed = False

    async def start(self) -> None:
        self.started = True

    async def close(self) -> None:
        self.closed = True

    @property
    def last(self) -> ScriptedCall:
        return self.calls[-1]

    def run(self, suite: CodeSpec, source: str, mode: RunMode) -> AsyncGenerator[CheckEvent, None]:
        call = ScriptedCall(suite, source, mode)
        self.calls.append(call)
        return self._stream(call)

    async def _stream(self, call: ScriptedCall) -> AsyncGenerator[CheckEvent, None]:
        try:
            while True:
                event = await call.queue.get()
                try:
                    yield event
                finally:
                    call.queue.task_done()
                if isinstance(event, TERMINAL):
                    return
        finally:
            call.closed = True
            while not call.queue.empty():  # never leave a pushing test waiting
                call.queue.get_nowait()
                call.queue.task_done()


def scripted_run(
    tests: Sequence[TestInfo], statuses: Mapping[str, TestStatus], *, duration: float = 0.01
) -> list[CheckEvent]:
    """The full event stream of a run whose tests end with ``statuses`` (default: passed)."""
    events: list[CheckEvent] = [RunStarted(tuple(tests))]
    for info in tests:
        status = statuses.get(info.name, TestStatus.PASSED)
        events.append(TestStarted(info.name))
        failed = status is not TestStatus.PASSED
        events.append(
            TestFinished(
                name=info.name,
                status=status,
                duration=duration,
                message=f"{info.description or info.name}: {status.value}" if failed else "",
                expected="2" if failed and info.visible else None,
                actual="3" if failed and info.visible else None,
                traceback="assert 3 == 2" if failed and info.visible else "",
            )
        )
    events.append(RunFinished(duration=duration * len(tests)))
    return events


class InstantRunner:
    """Answers every run immediately from one script (visible tests only on Run)."""

    def __init__(self, tests: Sequence[TestInfo], statuses: Mapping[str, TestStatus] | None = None) -> None:
        self.tests = tuple(tests)
        self.statuses = dict(statuses or {})
        self.calls: list[tuple[RunMode, str]] = []

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    def run(self, suite: CodeSpec, source: str, mode: RunMode) -> AsyncGenerator[CheckEvent, None]:
        self.calls.append((mode, source))
        tests = [t for t in self.tests if mode is RunMode.SUBMIT or t.visible]
        return self._stream(scripted_run(tests, self.statuses))

    @staticmethod
    async def _stream(events: list[CheckEvent]) -> AsyncGenerator[CheckEvent, None]:
        for event in events:
            yield event
