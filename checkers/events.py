"""The data a checker run produces: statuses, test metadata, results and events.

A run is a stream of events — ``RunStarted`` (the tests about to run, in
order), then for each test ``TestStarted`` and ``TestFinished``, and finally
``RunFinished`` — so the app can show results as they arrive instead of after
the slowest test. Every event is a frozen dataclass that turns into plain JSON
data and back (``event_to_dict`` / ``event_from_dict``): the same shape crosses
the pipe from the checker process and is what the session recorder stores.

Nothing here imports pytest: the app and the CLI import this module, and it
must stay cheap and free of side effects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal, TypeAlias

__all__ = [
    "Event",
    "Mode",
    "Result",
    "RunFinished",
    "RunOutcome",
    "RunStarted",
    "Status",
    "TestFinished",
    "TestInfo",
    "TestStarted",
    "event_from_dict",
    "event_to_dict",
]

#: ``run`` checks the visible examples only; ``submit`` runs every test.
Mode: TypeAlias = Literal["run", "submit"]


class Status(StrEnum):
    """How a test (or, for ``import_error``, a whole run) ended.

    The values are the strings stored in session files and printed by
    ``mockloop check --json``; never rename one.
    """

    PASSED = "passed"
    FAILED = "failed"  # an assertion of the suite failed: wrong answer
    ERROR = "error"  # the answer raised an exception other than an assertion failure
    TIMEOUT = "timeout"  # over the test's time limit (infinite loop, too slow)
    MEMORY = "memory"  # MemoryError: over the address-space limit
    OUTPUT_LIMIT = "output_limit"  # printed more than the output cap
    CRASHED = "crashed"  # the process died: a signal, os._exit, a killed parent…
    IMPORT_ERROR = "import_error"  # the answer could not be imported, so nothing ran

    @property
    def ok(self) -> bool:
        return self is Status.PASSED


@dataclass(frozen=True, slots=True)
class TestInfo:
    """A test as collected from the suite, before it runs.

    ``name`` is the pytest node id without the file (``test_x``,
    ``test_x[3-4]``, ``TestGroup::test_y``); ``description`` is the first
    line of its docstring (what it probes); ``timeout`` is its per-test limit
    in seconds (the suite's default or its ``@pytest.mark.timeout``).
    """

    __test__ = False  # a data class, not a pytest test class

    name: str
    description: str = ""
    visible: bool = True
    danger: str | None = None
    perf: bool = False
    timeout: float = 2.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TestInfo:
        return cls(
            name=str(data["name"]),
            description=str(data.get("description", "")),
            visible=bool(data.get("visible", True)),
            danger=_opt_str(data.get("danger")),
            perf=bool(data.get("perf", False)),
            timeout=float(data.get("timeout", 2.0)),
        )


@dataclass(frozen=True, slots=True)
class Result:
    """One test's outcome, with what a person needs to act on it.

    Who may see what (decided here, once, so no widget has to): ``message``
    is always safe to show, even while the round runs. For a visible test it
    says what went wrong (the assertion, expected and actual, the answer's
    line); for a hidden test it only names the test and what it probes.
    ``expected``, ``actual``, ``output``, ``traceback`` and ``line`` are the
    evidence: filled for visible tests, left empty for hidden ones. ``detail``
    is the full plain-text account for the report after the round, for every
    test, hidden ones included: the app shows it only once the round is over.

    ``ran`` is False for a test that never started (the answer failed to
    import, or the process died before reaching it); its status says why.
    """

    name: str
    status: Status
    description: str = ""
    visible: bool = True
    danger: str | None = None
    perf: bool = False
    duration: float = 0.0
    message: str = ""
    expected: str | None = None
    actual: str | None = None
    output: str = ""
    traceback: str = ""
    line: int | None = None  # the answer's line (solution.py) where it failed, if known
    detail: str = ""
    ran: bool = True

    @property
    def passed(self) -> bool:
        return self.status is Status.PASSED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        line = data.get("line")
        return cls(
            name=str(data["name"]),
            status=Status(data["status"]),
            description=str(data.get("description", "")),
            visible=bool(data.get("visible", True)),
            danger=_opt_str(data.get("danger")),
            perf=bool(data.get("perf", False)),
            duration=float(data.get("duration", 0.0)),
            message=str(data.get("message", "")),
            expected=_opt_str(data.get("expected")),
            actual=_opt_str(data.get("actual")),
            output=str(data.get("output", "")),
            traceback=str(data.get("traceback", "")),
            line=int(line) if line is not None else None,
            detail=str(data.get("detail", "")),
            ran=bool(data.get("ran", True)),
        )

    @classmethod
    def not_run(cls, info: TestInfo, status: Status, message: str) -> Result:
        """A result for a test that never started; ``message`` says why."""
        return cls(
            name=info.name,
            status=status,
            description=info.description,
            visible=info.visible,
            danger=info.danger,
            perf=info.perf,
            message=message,
            detail=message,
            ran=False,
        )


@dataclass(frozen=True, slots=True)
class RunStarted:
    """The tests that will run, in order (after the mode and ``only`` filters)."""

    run: str
    mode: Mode
    tests: tuple[TestInfo, ...]


@dataclass(frozen=True, slots=True)
class TestStarted:
    __test__ = False

    run: str
    name: str


@dataclass(frozen=True, slots=True)
class TestFinished:
    __test__ = False

    run: str
    result: Result


@dataclass(frozen=True, slots=True)
class RunFinished:
    """The end of a run; always the last event, exactly once.

    ``status`` is ``passed`` (every test passed), ``failed`` (some did not),
    ``import_error`` (the answer could not be imported; ``message`` says why
    and every test is reported not run) or ``crashed`` (the checker itself
    failed; ``message`` says why). ``cancelled`` runs stop early and report
    no further results. ``counts`` maps each status value to its number of
    tests.
    """

    run: str
    status: Status
    counts: dict[str, int] = field(default_factory=dict)
    duration: float = 0.0
    message: str = ""
    output: str = ""  # what the answer printed while being imported (import errors)
    detail: str = ""
    cancelled: bool = False


Event: TypeAlias = RunStarted | TestStarted | TestFinished | RunFinished

_KINDS: dict[type, str] = {
    RunStarted: "run_started",
    TestStarted: "test_started",
    TestFinished: "test_finished",
    RunFinished: "run_finished",
}


def event_to_dict(event: Event) -> dict[str, Any]:
    """Plain JSON data for ``event``, tagged with its ``kind``."""
    kind = _KINDS[type(event)]
    if isinstance(event, RunStarted):
        return {
            "kind": kind,
            "run": event.run,
            "mode": event.mode,
            "tests": [t.to_dict() for t in event.tests],
        }
    if isinstance(event, TestStarted):
        return {"kind": kind, "run": event.run, "name": event.name}
    if isinstance(event, TestFinished):
        return {"kind": kind, "run": event.run, "result": event.result.to_dict()}
    data = {f.name: getattr(event, f.name) for f in fields(event)}
    data["status"] = str(event.status)
    data["counts"] = dict(event.counts)
    return {"kind": kind, **data}


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The event ``event_to_dict`` made; raises ``ValueError`` on anything else."""
    try:
        kind = data["kind"]
        run = str(data["run"])
        if kind == "run_started":
            mode = data["mode"]
            if mode not in ("run", "submit"):
                raise ValueError(f"unknown mode {mode!r}")
            return RunStarted(run, mode, tuple(TestInfo.from_dict(t) for t in data["tests"]))
        if kind == "test_started":
            return TestStarted(run, str(data["name"]))
        if kind == "test_finished":
            return TestFinished(run, Result.from_dict(data["result"]))
        if kind == "run_finished":
            return RunFinished(
                run=run,
                status=Status(data["status"]),
                counts={str(k): int(v) for k, v in dict(data.get("counts", {})).items()},
                duration=float(data.get("duration", 0.0)),
                message=str(data.get("message", "")),
                output=str(data.get("output", "")),
                detail=str(data.get("detail", "")),
                cancelled=bool(data.get("cancelled", False)),
            )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"malformed checker event: {exc!r}") from exc
    raise ValueError(f"unknown checker event kind {data.get('kind')!r}")


def count_statuses(results: Iterable[Result]) -> dict[str, int]:
    """How many results have each status (only statuses that occur)."""
    return dict(Counter(str(r.status) for r in results))


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """A finished run gathered in one value: handy for the CLI, tests and the recorder."""

    started: RunStarted | None
    results: tuple[Result, ...]
    finished: RunFinished

    @property
    def status(self) -> Status:
        return self.finished.status

    @property
    def passed(self) -> bool:
        return self.finished.status is Status.PASSED

    def result(self, name: str) -> Result:
        for result in self.results:
            if result.name == name:
                return result
        raise KeyError(name)

    def statuses(self) -> dict[str, Status]:
        return {r.name: r.status for r in self.results}

    def to_dict(self) -> dict[str, Any]:
        return {
            "started": event_to_dict(self.started) if self.started is not None else None,
            "results": [r.to_dict() for r in self.results],
            "finished": event_to_dict(self.finished),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunOutcome:
        started = event_from_dict(data["started"]) if data.get("started") else None
        finished = event_from_dict(data["finished"])
        if not isinstance(finished, RunFinished) or not (started is None or isinstance(started, RunStarted)):
            raise ValueError("malformed run outcome")
        return cls(started, tuple(Result.from_dict(r) for r in data["results"]), finished)

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> RunOutcome:
        started: RunStarted | None = None
        results: list[Result] = []
        finished: RunFinished | None = None
        for event in events:
            if isinstance(event, RunStarted):
                started = event
            elif isinstance(event, TestFinished):
                results.append(event.result)
            elif isinstance(event, RunFinished):
                finished = event
        if finished is None:
            raise ValueError("the run has no RunFinished event")
        return cls(started, tuple(results), finished)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
