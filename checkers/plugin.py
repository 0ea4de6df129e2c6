"""The pytest plugin inside the test process: select tests, watch them, stream JSON lines.

It runs in the forked test process, in the same interpreter as the answer,
and writes one message per event (``checkers.wire``) to a pipe the checker
server reads: ``Importing`` / ``Imported`` around the import of the answer,
``ImportFailed``, ``Collected`` after selection, ``CollectionFailed``,
``TestBegan`` and ``TestEnded`` for each test (``Done`` comes from
``checkers.worker`` once pytest returns). The server turns these into the
public events of ``checkers.events``.

Besides reporting, the plugin registers the suite markers (so
``--strict-markers`` accepts them), deselects hidden tests in ``run`` mode
and tests not named by ``only``, turns a ``KeyboardInterrupt`` raised by the
answer into an ordinary error (pytest would stop the session), and cuts
monstrous tracebacks before pytest formats them.

It also holds the test process's wait for work: pytest starts up (the
expensive part) before the run is known, and ``pytest_collection`` blocks
until the server sends the ``Job``; the answer is imported at the start of
collection, when pytest knows its initial paths (importing earlier would make
the assertion-rewriting hook skip ``tests.py``).
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import importlib.util
import json
import marshal
import os
import sys
import time
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from checkers.bounded import bounded_repr
from checkers.budget import RunBudget
from checkers.diagnose import AnswerInterrupt, Diagnosis, compose_result, diagnose, first_lines
from checkers.events import Mode, Result, Status, TestInfo
from checkers.expect import Exactly, mismatch
from checkers.limits import Limits, set_cpu_budget
from checkers.process import child_pids, end_strays
from checkers.suite import wanted
from checkers.traceback_trim import answer_frames, cut_traceback, exception_chain
from checkers.wire import (
    Collected,
    CollectionFailed,
    Imported,
    ImportFailed,
    Importing,
    TestBegan,
    TestEnded,
    WireMessage,
    encode_message,
)

__all__ = ["MARKERS", "REFERENCE_MODULE", "EventWriter", "Job", "StreamPlugin", "test_info"]

#: The name the model answer is loaded under; not ``reference``, so ``import reference`` finds nothing.
REFERENCE_MODULE = "_mockloop_model_answer"

MARKERS = (
    "visible: an example from the prompt; runs on Run and on Submit",
    "hidden: runs on Submit only; while the round runs only its name and purpose show",
    "danger(zone_id): the test probes this danger zone of the question",
    "perf: a performance test, timed against the reference",
)


class EventWriter:
    """Writes JSON lines to the server's pipe, from this process only.

    An answer that forks and lets its child return into pytest would make
    that child report tests too; any write from another pid ends that
    process instead. A write that fails (the server is gone) ends the test
    process: there is nobody left to report to.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.pid = os.getpid()

    def emit(self, message: WireMessage) -> None:
        if os.getpid() != self.pid:
            os._exit(0)
        view = memoryview(encode_message(message))
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
        except OSError:
            os._exit(3)


@dataclass(frozen=True, slots=True)
class Job:
    """What the server asks a waiting test process to do (one JSON line on its job pipe)."""

    mode: Mode
    only: tuple[str, ...] | None
    timeout: float
    collect_only: bool = False
    import_timeout: float | None = None
    budget: RunBudget = field(default_factory=RunBudget)  # the run's timeouts so far (a resumed run carries them on)
    reference: str | None = None  # the model answer's path, outside the answer's folder

    def to_json(self) -> bytes:
        data = {
            "mode": self.mode,
            "only": list(self.only) if self.only is not None else None,
            "timeout": self.timeout,
            "collect_only": self.collect_only,
            "import_timeout": self.import_timeout,
            "budget": self.budget.to_dict(),
            "reference": self.reference,
        }
        return (json.dumps(data) + "\n").encode()

    @classmethod
    def from_json(cls, line: bytes) -> Job:
        data = json.loads(line)
        only = data.get("only")
        reference = data.get("reference")
        return cls(
            mode="submit" if data.get("mode") == "submit" else "run",
            only=tuple(only) if only is not None else None,
            timeout=float(data["timeout"]),
            collect_only=bool(data.get("collect_only")),
            import_timeout=data.get("import_timeout"),
            budget=RunBudget.from_dict(data.get("budget")),
            reference=str(reference) if reference else None,
        )


def _first_doc_line(obj: object) -> str:
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return ""
    for row in doc.strip().splitlines():
        if row.strip():
            return row.strip()
    return ""


def test_info(item: pytest.Item, default_timeout: float) -> TestInfo:
    """What the suite's markers and docstring say about one collected test."""
    name = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else item.nodeid
    danger = item.get_closest_marker("danger")
    danger_id = str(danger.args[0]) if danger is not None and danger.args else None
    timeout = default_timeout
    marker = item.get_closest_marker("timeout")
    if marker is not None:
        value = marker.args[0] if marker.args else marker.kwargs.get("timeout")
        with contextlib.suppress(TypeError, ValueError):
            timeout = float(value) if value is not None else default_timeout
    # Visible only when marked so: a test that forgot its marker stays secret.
    visible = item.get_closest_marker("visible") is not None and (item.get_closest_marker("hidden") is None)
    return TestInfo(
        name=name,
        description=_first_doc_line(getattr(item, "obj", None)),
        visible=visible,
        danger=danger_id,
        perf=item.get_closest_marker("perf") is not None,
        timeout=timeout,
    )


@dataclass
class _TestState:
    info: TestInfo
    started: float = field(default_factory=time.perf_counter)
    diagnosis: Diagnosis | None = None
    skipped: str = ""
    skipped_by_answer: bool = False
    exception: BaseException | None = None
    output: list[str] = field(default_factory=list)
    output_size: int = 0


class StreamPlugin:
    """See the module docstring. One instance per test process."""

    def __init__(
        self,
        writer: EventWriter,
        *,
        job_source: Callable[[], Job | None],
        limits: Limits,
        answer_file: str,
        tests_file: str,
        code_file: Path | None = None,
        dump_fd: int | None = None,
    ) -> None:
        self.writer = writer
        self.job_source = job_source
        self.job: Job | None = None
        self.limits = limits
        self.answer_file = answer_file
        self.tests_file = tests_file
        self.code_file = code_file
        self.dump_fd = dump_fd
        self.infos: dict[str, TestInfo] = {}
        self.current: _TestState | None = None
        self.compare: tuple[str, str, str] | None = None
        self.collect_error_sent = False
        self.answer_imported = False
        self.budget = RunBudget()
        self.full_timeouts: dict[str, float] = {}  # node id -> its own limit, when the budget cut it
        self._reference: ModuleType | None = None

    # -- configuration, the job, the answer, selection ----------------------------------

    def pytest_configure(self, config: pytest.Config) -> None:
        for line in MARKERS:
            config.addinivalue_line("markers", line)

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session: pytest.Session) -> None:
        """Wait for the job: everything before this point was done ahead of time."""
        job = self.job_source()
        if job is None:  # the server is gone
            os._exit(0)
        self.job = job
        self.budget = job.budget
        importlib.invalidate_caches()  # the answer's files appeared after start-up
        self._load_code()
        if job.collect_only:
            session.config.option.collectonly = True
        set_cpu_budget((job.import_timeout or job.timeout) + self.limits.cpu_margin)
        return

    def _load_code(self) -> None:
        """Take the suite's assert-rewritten code the server compiled (see checkers.warm)."""
        if self.code_file is None:
            return
        try:
            data = self.code_file.read_bytes()
        except OSError:
            return
        from checkers.warm import install

        install(data[:32], marshal.loads(data[32:]))

    def pytest_collectstart(self, collector: pytest.Collector) -> None:
        if isinstance(collector, pytest.Session) and not self.answer_imported:
            self.answer_imported = True
            self._import_answer(collector.config)

    def _import_answer(self, config: pytest.Config) -> None:
        """Import ``solution`` ourselves so every way of failing becomes one clean event."""
        self.writer.emit(Importing())
        job = self.job
        assert job is not None
        capture = config.pluginmanager.getplugin("capturemanager")
        if capture is not None:
            capture.resume_global_capture()  # as pytest does while importing a test file
        self._arm_dump(job.import_timeout or job.timeout)
        failure: BaseException | None = None
        try:
            importlib.import_module("solution")
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
            failure = exc
        self._disarm_dump()
        output = ""
        if capture is not None:
            capture.suspend_global_capture()
            try:
                out, err = capture.read_global_capture()
                output = out + err
            except Exception:  # noqa: BLE001, S110 - e.g. the capture file went over its limit
                pass
        if failure is not None:
            self.writer.emit(self._import_error(failure, output))
            os._exit(0)
        self.writer.emit(Imported())

    def _arm_dump(self, timeout: float) -> None:
        """Have faulthandler write the Python stack to the log just before the watchdog kills.

        A loop inside one C call cannot be interrupted, so the process gets
        killed; this dump (from faulthandler's own thread) is how the report
        can still say which line of the answer was running.
        """
        if self.dump_fd is not None:
            faulthandler.dump_traceback_later(timeout + self.limits.grace / 2, file=self.dump_fd)

    def _disarm_dump(self) -> None:
        if self.dump_fd is not None:
            faulthandler.cancel_dump_traceback_later()

    def _import_error(self, exc: BaseException, output: str) -> ImportFailed:
        cuts = cut_traceback(exc)
        diag = diagnose(
            exc,
            answer_file=self.answer_file,
            tests_file=self.answer_file,
            cuts=cuts,
            memory_limit=self.limits.memory,
            output_limit=self.limits.output,
        )
        summary, traceback, line = diag.summary, diag.traceback, diag.line
        if isinstance(exc, SyntaxError):
            summary, traceback, line = _syntax_error_text(exc), "", exc.lineno
        elif isinstance(exc, SystemExit):
            summary = f"SystemExit: {exc.code!r} — the answer called sys.exit() while being imported."
        elif isinstance(exc, KeyboardInterrupt):
            summary = "KeyboardInterrupt raised while the answer was being imported."
        return ImportFailed(summary, traceback, line, first_lines(output, 40, 4000))

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        job = self.job
        assert job is not None
        keep: list[pytest.Item] = []
        dropped: list[pytest.Item] = []
        for item in items:
            info = test_info(item, job.timeout)
            if (job.mode == "submit" or info.visible) and wanted(info.name, job.only):
                if item.get_closest_marker("timeout") is None:
                    item.add_marker(pytest.mark.timeout(job.timeout))
                keep.append(item)
                self.infos[item.nodeid] = info
            else:
                dropped.append(item)
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = keep

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if self.collect_error_sent:
            return
        tests = [self.infos[item.nodeid] for item in session.items if item.nodeid in self.infos]
        # The CPU backstop: the whole selection's time plus a margin.
        set_cpu_budget(sum(t.timeout for t in tests) + self.limits.cpu_margin)
        self.writer.emit(Collected(tuple(tests)))

    # -- collection errors: the suite could not import what it needs from the answer --

    def pytest_exception_interact(
        self, node: pytest.Item | pytest.Collector, call: pytest.CallInfo[Any], report: Any
    ) -> None:
        if isinstance(node, pytest.Item) or call.excinfo is None or self.collect_error_sent:
            return
        exc = call.excinfo.value
        cause = exc.__cause__ or exc.__context__ or exc
        cuts = cut_traceback(cause)
        diag = diagnose(cause, answer_file=self.answer_file, tests_file=self.tests_file, cuts=cuts)
        self._collect_error(diag.summary, diag.traceback, diag.statement)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed and not self.collect_error_sent:
            text = str(report.longrepr)
            rows = [r[4:] for r in text.splitlines() if r.startswith("E   ")]
            self._collect_error(rows[-1] if rows else text.strip().splitlines()[-1], "", "")

    def _collect_error(self, summary: str, traceback: str, statement: str) -> None:
        self.collect_error_sent = True
        self.writer.emit(CollectionFailed(summary, traceback, statement))

    # -- running ----------------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
        """Apply the run's budget (``checkers.budget``) before a test starts: a shorter limit, or no run."""
        info = self.infos.get(item.nodeid)
        if info is None:
            return None
        if self.budget.exhausted:
            result = Result.not_run(info, Status.TIMEOUT, self.budget.not_run_message())
            self.writer.emit(TestEnded(result))
            return True  # handled: pytest does not run it
        limit = self.budget.limit(info)
        if limit != info.timeout:
            self.full_timeouts[item.nodeid] = info.timeout
            self.infos[item.nodeid] = replace(info, timeout=limit)
            item.add_marker(pytest.mark.timeout(limit), append=False)  # the closest marker wins
        return None

    def pytest_runtest_logstart(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        info = self.infos.get(nodeid) or TestInfo(nodeid.split("::", 1)[-1])
        self.current = _TestState(info)
        self.compare = None
        self.writer.emit(TestBegan(info.name, info.timeout))
        self._arm_dump(info.timeout)

    @pytest.fixture
    def reference(self) -> ModuleType:
        """The model answer, for suites that time or compare against it (never importable by the answer)."""
        job = self.job
        if job is None or job.reference is None:
            pytest.fail("this suite needs the model answer, and the checker has none for it")
        if self._reference is None:
            spec = importlib.util.spec_from_file_location(REFERENCE_MODULE, job.reference)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[REFERENCE_MODULE] = module  # dataclasses and typing look their module up
            spec.loader.exec_module(module)
            self._reference = module
        return self._reference

    @pytest.hookimpl(wrapper=True)
    def pytest_pyfunc_call(self, pyfuncitem: pytest.Function) -> Generator[None, object, object]:
        try:
            return (yield)
        except KeyboardInterrupt as exc:
            raise AnswerInterrupt("KeyboardInterrupt raised by the answer") from exc

    @pytest.hookimpl(tryfirst=True)
    def pytest_assertrepr_compare(
        self, config: pytest.Config, op: str, left: object, right: object
    ) -> list[str] | None:
        """Spy the failing comparison's values; explain an ``exactly(...)`` mismatch in one line."""
        self.compare = (op, _value_repr(left), _value_repr(right))
        if isinstance(left, Exactly) and op == "==":
            why = mismatch(left.value, right)
            return [f"{_value_repr(left)} == {_value_repr(right)}", why or "a different value"]
        return None

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        state = self.current
        if call.excinfo is not None and state is not None and state.diagnosis is None:
            exc = call.excinfo.value
            state.exception = exc
            # Before pytest formats anything: a million-frame traceback becomes ~100.
            cuts = cut_traceback(exc)
            if isinstance(exc, MemoryError):
                # The answer's frames still hold what filled the memory: free it now,
                # or reporting (and pytest itself) has nothing left to work with.
                for link in exception_chain(exc):
                    traceback.clear_frames(link.__traceback__)
            if isinstance(exc, pytest.skip.Exception) or _is_xfail(exc):
                state.skipped_by_answer = bool(answer_frames(exc, self.answer_file))
            else:
                state.diagnosis = diagnose(
                    exc,
                    answer_file=self.answer_file,
                    tests_file=self.tests_file,
                    cuts=cuts,
                    compare=self.compare,
                    timeout=state.info.timeout,
                    full_timeout=self.full_timeouts.get(item.nodeid),
                    memory_limit=self.limits.memory,
                    output_limit=self.limits.output,
                )
        return (yield)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        state = self.current
        if state is None:
            return
        # Each phase's report repeats the sections of the phases before it.
        sections = [c for title, c in report.sections if title.startswith("Captured std")]
        state.output_size = sum(len(c) for c in sections)
        state.output = [c[:64_000] for c in sections]
        if report.skipped and not state.skipped:
            longrepr = report.longrepr
            reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
            state.skipped = str(reason) or "skipped"

    def pytest_runtest_logfinish(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        self._disarm_dump()
        if child_pids():  # the test forked: its leftovers must not slow the next test
            end_strays()
        state, self.current = self.current, None
        if state is None:
            return
        _forget(state.exception)  # a failed test's frames keep the answer's values alive
        duration = time.perf_counter() - state.started
        output = "".join(state.output)
        diag = state.diagnosis
        if diag is not None:
            result = compose_result(state.info, diag.status, duration=duration, diag=diag, output=output)
        elif state.output_size >= self.limits.output:
            result = compose_result(
                state.info,
                Status.OUTPUT_LIMIT,
                duration=duration,
                output=output,
                note="Printed more than the output cap; remove debugging prints in loops.",
            )
        elif state.skipped:
            who = "The answer skipped this test" if state.skipped_by_answer else "This test was skipped"
            note = (
                f"{who} ({state.skipped}); a test that did not run is not a pass. "
                "Answers must not call pytest.skip(), pytest.xfail() or pytest.exit()."
            )
            result = compose_result(state.info, Status.ERROR, duration=duration, output=output, note=note)
        else:
            result = compose_result(state.info, Status.PASSED, duration=duration, output=output)
        if result.status is Status.TIMEOUT:
            self.budget = self.budget.after_timeout(duration)
        self.writer.emit(TestEnded(result))


#: Longest expected/actual value shown (the assertion's diff covers the rest).
VALUE_CHARS = 1000


def _value_repr(value: object) -> str:
    """``repr`` that survives a broken ``__repr__``, never floods the report and costs bounded time."""
    return bounded_repr(value, VALUE_CHARS)


def _forget(exc: BaseException | None) -> None:
    """Let go of what a finished test's exception holds: its frames' locals and pytest's post-mortem copy.

    Without this, an answer that returned a huge wrong value keeps it alive
    through the traceback, and the next tests run out of memory for it.
    """
    for name in ("last_exc", "last_value", "last_traceback", "last_type"):
        if hasattr(sys, name):
            setattr(sys, name, None)
    if exc is not None:
        for link in exception_chain(exc):
            with contextlib.suppress(RuntimeError):  # a frame still executing cannot be cleared
                traceback.clear_frames(link.__traceback__)


def _syntax_error_text(exc: SyntaxError) -> str:
    where = f"line {exc.lineno}" if exc.lineno else "an unknown line"
    text = f"{type(exc).__name__} at {where}: {exc.msg}"
    if exc.text:
        row = exc.text.rstrip("\n")
        text += "\n    " + row.strip()
        if exc.offset and exc.offset > 0:
            indent = len(row) - len(row.lstrip())
            text += "\n    " + " " * max(0, exc.offset - 1 - indent) + "^"
    return text


def _is_xfail(exc: BaseException) -> bool:
    return type(exc).__name__ == "XFailed"
