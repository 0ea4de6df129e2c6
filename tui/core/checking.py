"""What the round view needs from a code checker: a protocol and the events it streams.

The app talks to the checker only through ``CheckerRunner``. The real
implementation (``tui.core.checker_client``) adapts the isolated checker
server of ``checkers/``; tests and benches use the fakes in
``tui.core.fakes``. Keeping the app's own event types here means a change in
the checker's wire format touches one adapter, not every widget.

A run is a stream: ``RunStarted`` (the tests about to run, in order), then per
test ``TestStarted`` and ``TestFinished``, and finally ``RunFinished``; or
``RunFailed`` for the whole run (the answer does not import, the checker broke).
Cancelling a run is closing its iterator (``contextlib.aclosing``): the runner
must then stop the checker process it started.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from tui.core.messages import t

if TYPE_CHECKING:
    from question_bank import CodeSpec


class RunMode(StrEnum):
    """Run checks the prompt's visible examples; Submit runs every test."""

    RUN = "run"
    SUBMIT = "submit"


class RunCause(StrEnum):
    """Who started a run: the candidate (Run, Submit), or the end of the question (finish early, time's up).

    Recorded with the run when it starts, so the report says how each final
    submission came about rather than guessing it afterwards.
    """

    CANDIDATE = "candidate"  # Run or Submit pressed
    FINISH = "finish"  # the candidate finished the question (or the session) early: submitted as it stood
    TIME_UP = "time_up"  # the onsite round ran out: submitted by the clock

    @property
    def automatic(self) -> bool:
        """Submitted for the candidate as the answer was locked, not by pressing Submit."""
        return self is not RunCause.CANDIDATE


class TestStatus(StrEnum):
    """Where a test is: waiting, running, or one of the checker's final statuses."""

    __test__ = False  # not a pytest test class, whatever its name says

    QUEUED = "queued"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"  # the answer raised
    TIMEOUT = "timeout"
    MEMORY = "memory"
    OUTPUT_LIMIT = "output_limit"
    CRASHED = "crashed"  # the process died under the test
    NOT_RUN = "not_run"  # the run was cancelled or failed before reaching it

    @property
    def is_final(self) -> bool:
        return self not in (TestStatus.QUEUED, TestStatus.RUNNING)

    @property
    def is_failure(self) -> bool:
        return self.is_final and self not in (TestStatus.PASSED, TestStatus.NOT_RUN)


@dataclass(frozen=True, slots=True)
class TestInfo:
    """A test as announced at the start of a run."""

    __test__ = False

    name: str
    description: str = ""  # first docstring line: what the test probes
    visible: bool = True
    danger: str | None = None  # danger-zone id, if the test probes one


@dataclass(frozen=True, slots=True)
class RunStarted:
    tests: tuple[TestInfo, ...]


@dataclass(frozen=True, slots=True)
class TestStarted:
    __test__ = False

    name: str


@dataclass(frozen=True, slots=True)
class TestFinished:
    """One test's result. Hidden tests never carry expected/actual values."""

    __test__ = False

    name: str
    status: TestStatus
    duration: float = 0.0
    message: str = ""  # a sentence a person can act on
    expected: str | None = None
    actual: str | None = None
    output: str = ""  # what the answer printed
    traceback: str = ""  # already trimmed to the answer's frames


@dataclass(frozen=True, slots=True)
class RunFinished:
    duration: float = 0.0


@dataclass(frozen=True, slots=True)
class RunFailed:
    """The whole run failed: ``import_error`` (syntax error, failing import), ``no_tests`` or the checker broke."""

    reason: str  # a key of FAILURE_HEADLINES
    message: str
    output: str = ""


#: How a failed run's summary starts, by its reason (one place for every view): catalogue keys.
FAILURE_HEADLINES = {
    "import_error": "tests.failure.import_error",
    "no_tests": "tests.failure.no_tests",
    "checker_error": "tests.failure.checker_error",
}


def failure_headline(reason: str) -> str:
    """The headline of a failed run, in the interface language."""
    return t(FAILURE_HEADLINES.get(reason, FAILURE_HEADLINES["checker_error"]))


CheckEvent = RunStarted | TestStarted | TestFinished | RunFinished | RunFailed


class CheckerRunner(Protocol):
    """Runs a code question's suite against the candidate's source.

    ``start`` warms the checker up (the app calls it at launch, in the
    background, so the first Run is fast); ``close`` stops every process the
    runner started. ``run`` may be called again while an earlier iterator is
    still open; the caller closes the earlier one to cancel it.
    """

    async def start(self) -> None: ...

    def run(self, suite: CodeSpec, source: str, mode: RunMode) -> AsyncGenerator[CheckEvent, None]: ...

    async def close(self) -> None: ...
