"""The checker server: a long-lived process that forks one isolated test process per run.

Started by ``checkers.client`` with ``python -m checkers.server`` (spawned,
not forked from the app, which has threads). It imports pytest and
everything a run needs once (``checkers.warm``), then serves requests from
its stdin and streams events to its stdout (``checkers.protocol``).

Per run it makes a fresh folder (``solution.py``, ``tests.py``,
``reference.py``) and forks a supervisor, which forks the test process
(``checkers.supervisor``, ``checkers.worker``). The server itself never runs
answer code. It reads each test process's JSON lines (bounded), keeps a
wall-clock watchdog per phase — starting, importing the answer, each test
(its timeout plus a grace), between tests — and when the test process dies
or stalls it kills the process group and gives the test in flight
``timeout`` or ``crashed``. Then it *resumes*: a new test process runs the
tests not reached yet, so one crashing test does not hide the others'
results. When the answer cannot be imported at all, the server still names
every test (each reported ``import_error``): it collects the suite once
against the reference answer and caches that list (the "plan").
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import selectors
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checkers.budget import RunBudget
from checkers.diagnose import compose_result, crash_frames
from checkers.events import Event, Mode, Result, Status, TestInfo, event_to_dict
from checkers.ledger import RunLedger
from checkers.limits import Limits, PidsCgroup
from checkers.plugin import Job
from checkers.process import kill_group
from checkers.protocol import LineReader, decode, encode
from checkers.suite import Suite, select_tests
from checkers.traceback_trim import format_frames
from checkers.verdicts import Death, death_reason, in_flight_verdict

__all__ = ["Server", "main"]

#: The most a request line may carry (the answer's source is in it).
MAX_REQUEST = 16 << 20
#: The most a test process's single event line may carry.
MAX_EVENT_LINE = 1 << 20
#: How long a killed test process tree may take to be reaped before its supervisor is killed too.
REAP_BUDGET = 5.0
#: While runs are in flight the server says it is alive at least this often (the client's watchdog listens).
HEARTBEAT = 1.0

NOT_REACHED = "Not run: the test process died before reaching this test."
NOT_IMPORTED = "Not run: the answer could not be imported (see the run's message)."


@dataclass
class ServerRun:
    id: str
    suite: Suite
    tests_src: bytes
    ref_src: bytes | None
    source: str
    mode: Mode
    only: tuple[str, ...] | None
    ledger: RunLedger
    attempt: Attempt | None = None
    attempts: int = 0
    cancelled: bool = False
    import_message: str = ""
    import_output: str = ""
    waiting_plan: bytes | None = None
    budget: RunBudget = field(default_factory=RunBudget)  # the run's timeouts so far, handed on when it resumes


@dataclass
class Attempt:
    """One test process (and its supervisor) for a run, or for a plan collection."""

    number: int
    run: ServerRun | None
    plan_key: bytes | None
    folder: Path
    workdir: Path
    log: Path
    supervisor: int
    event_fd: int
    status_fd: int
    job_fd: int
    cgroup: PidsCgroup | None
    timeout: float
    deadline: float
    events: LineReader = field(default_factory=lambda: LineReader(MAX_EVENT_LINE))
    status_lines: LineReader = field(default_factory=lambda: LineReader(256))
    worker: int | None = None
    phase: str = "idle"  # idle, starting, importing, collecting, ready, done
    in_flight: TestInfo | None = None
    in_flight_since: float = 0.0
    progress: bool = False
    killed: str | None = None  # "timeout", "cancel", "overflow", "shutdown"
    exit: tuple[str, int] | None = None
    status_eof: bool = False
    event_eof: bool = False
    read_total: int = 0
    import_error: dict[str, Any] | None = None
    collected: list[TestInfo] | None = None


class Server:
    def __init__(self, workdir: Path, limits: Limits, out_fd: int = 1, in_fd: int = 0) -> None:
        self.workdir = workdir
        self.limits = limits
        self.out_fd = out_fd
        self.in_fd = in_fd
        self.selector = selectors.DefaultSelector()
        self.runs: dict[str, ServerRun] = {}
        self.attempts: dict[int, Attempt] = {}
        self.plans: dict[bytes, list[TestInfo]] = {}
        self.plan_attempts: dict[bytes, Attempt] = {}
        self.counter = 0
        self.spare: Attempt | None = None
        self.spare_failures = 0
        self.requests = LineReader(MAX_REQUEST)
        self.running = True
        self.cgroup = PidsCgroup.parent_for_server(os.getpid())
        self.pid = os.getpid()
        self.keep_path = tuple(p for p in sys.path if p and Path(p) != workdir)

    # -- plumbing ---------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        payload = memoryview(encode(message))
        try:
            while payload:
                payload = payload[os.write(self.out_fd, payload) :]
        except OSError:  # the client is gone
            self.shutdown()

    def emit(self, event: Event | None) -> None:
        if event is not None:
            self.send({"type": "event", "event": event_to_dict(event)})

    def serve(self) -> int:
        os.set_blocking(self.in_fd, False)
        self.selector.register(self.in_fd, selectors.EVENT_READ, self.on_request_data)
        # A signal (SIGTERM) wakes the select loop through this pipe.
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        self.selector.register(wake_r, selectors.EVENT_READ, lambda: _drain(wake_r))
        self.ensure_spare()
        self.send({"type": "ready", "pid": self.pid})
        last_beat = time.monotonic()
        while self.running or self.attempts:
            now = time.monotonic()
            if self.runs and now - last_beat >= HEARTBEAT:
                self.send({"type": "alive"})
                last_beat = now
            soonest = min((a.deadline for a in self.attempts.values()), default=float("inf"))
            if self.runs:
                soonest = min(soonest, last_beat + HEARTBEAT)
            timeout = max(0.0, soonest - now) if soonest != float("inf") else None
            for key, _ in self.selector.select(timeout):
                callback: Callable[[], None] = key.data
                try:
                    callback()
                except Exception as exc:  # noqa: BLE001 - keep serving; say what happened
                    self.send({"type": "warning", "message": f"checker server error: {exc!r}"})
            self.check_deadlines()
        if self.cgroup is not None:
            self.cgroup.remove()
        return 0

    def shutdown(self) -> None:
        if not self.running:
            return
        self.running = False
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(self.in_fd)
        for attempt in list(self.attempts.values()):
            self.kill(attempt, "shutdown")

    # -- requests ---------------------------------------------------------------------

    def on_request_data(self) -> None:
        try:
            data = os.read(self.in_fd, 1 << 20)
        except BlockingIOError:
            return
        if not data:
            self.shutdown()
            return
        for line in self.requests.feed(data):
            message = decode(line)
            if message is None:
                self.send({"type": "warning", "message": "unreadable request"})
                continue
            self.handle(message)

    def handle(self, message: dict[str, Any]) -> None:
        op = message.get("op")
        if op == "run":
            self.start_run(message)
        elif op == "cancel":
            self.cancel(str(message.get("run")))
        elif op == "prepare":
            self.prepare(message)
        elif op == "shutdown":
            self.shutdown()
        elif op == "ping":
            self.send({"type": "pong", "id": message.get("id")})
        else:
            self.send({"type": "warning", "message": f"unknown request {op!r}"})

    @staticmethod
    def _suite(data: dict[str, Any]) -> Suite:
        reference = data.get("reference")
        return Suite(
            Path(data["tests"]),
            Path(reference) if reference else None,
            float(data.get("timeout", 2.0)),
        )

    def _read_suite(self, suite: Suite) -> tuple[bytes, bytes | None]:
        from checkers.warm import precompile

        tests = suite.tests.read_bytes()
        reference = suite.reference.read_bytes() if suite.reference is not None else None
        precompile(tests)
        return tests, reference

    def start_run(self, message: dict[str, Any]) -> None:
        run_id = str(message.get("run"))
        mode: Mode = "submit" if message.get("mode") == "submit" else "run"
        ledger = RunLedger(run_id, mode)
        try:
            suite = self._suite(message["suite"])
            tests_src, ref_src = self._read_suite(suite)
        except (KeyError, TypeError, ValueError, OSError) as exc:
            self.emit(ledger.start([]))
            self.emit(ledger.finish(status=Status.CRASHED, message=f"The checker could not read the suite: {exc}"))
            return
        only = message.get("only")
        run = ServerRun(
            id=run_id,
            suite=suite,
            tests_src=tests_src,
            ref_src=ref_src,
            source=str(message.get("source", "")),
            mode=mode,
            only=tuple(str(n) for n in only) if only is not None else None,
            ledger=ledger,
        )
        self.runs[run_id] = run
        self.spawn_for_run(run, run.only)

    def prepare(self, message: dict[str, Any]) -> None:
        try:
            suite = self._suite(message["suite"])
            tests_src, ref_src = self._read_suite(suite)
        except (KeyError, TypeError, ValueError, OSError):
            return
        if ref_src is not None:
            self.ensure_plan(suite, tests_src, ref_src)

    def cancel(self, run_id: str) -> None:
        run = self.runs.get(run_id)
        if run is None or run.cancelled:
            return
        run.cancelled = True
        if run.attempt is not None:
            self.kill(run.attempt, "cancel")  # finished once the process tree is gone
        else:
            self.finish_run(run, cancelled=True)

    # -- attempts ---------------------------------------------------------------------

    def spawn(self) -> Attempt | None:
        """Fork a supervisor and an idle test process that starts pytest and waits for a job."""
        from checkers.supervisor import supervise
        from checkers.worker import WorkerSpec

        self.counter += 1
        number = self.counter
        folder = self.workdir / f"a{number}"
        workdir = folder / "work"
        try:
            workdir.mkdir(parents=True)
        except OSError:
            return None
        cgroup = self.cgroup.child(f"a{number}", self.limits.processes) if self.cgroup is not None else None
        event_r, event_w = os.pipe()
        status_r, status_w = os.pipe()
        job_r, job_w = os.pipe()
        spec = WorkerSpec(
            workdir=workdir,
            log=folder / "log",
            code=folder / "tests.code",
            event_fd=event_w,
            job_fd=job_r,
            limits=self.limits,
            cgroup=cgroup.path if cgroup is not None else None,
            supervisor=0,
            keep_path=self.keep_path,
        )
        try:
            pid = os.fork()
        except OSError:
            for fd in (event_r, event_w, status_r, status_w, job_r, job_w):
                os.close(fd)
            if cgroup is not None:
                cgroup.remove()
            shutil.rmtree(folder, ignore_errors=True)
            return None
        if pid == 0:  # the supervisor
            try:
                for fd in (event_r, status_r, job_w):
                    os.close(fd)
                supervise(spec, status_w, self.pid)
            finally:
                os._exit(1)
        for fd in (event_w, status_w, job_r):
            os.close(fd)
        os.set_blocking(event_r, False)
        os.set_blocking(status_r, False)
        attempt = Attempt(
            number=number,
            run=None,
            plan_key=None,
            folder=folder,
            workdir=workdir,
            log=folder / "log",
            supervisor=pid,
            event_fd=event_r,
            status_fd=status_r,
            job_fd=job_w,
            cgroup=cgroup,
            timeout=0.0,
            deadline=float("inf"),
        )
        self.attempts[pid] = attempt
        self.selector.register(event_r, selectors.EVENT_READ, lambda: self.on_event_data(attempt))
        self.selector.register(status_r, selectors.EVENT_READ, lambda: self.on_status_data(attempt))
        return attempt

    def ensure_spare(self) -> None:
        """Keep one test process started up and waiting, so a run only pays for its tests."""
        if not self.running or (self.spare is not None and self.spare.supervisor in self.attempts):
            return
        if self.spare_failures >= 3:  # it keeps dying while idle: start them on demand only
            self.spare = None
            return
        self.spare = self.spawn()

    def assign(
        self,
        *,
        source: str,
        tests_src: bytes,
        ref_src: bytes | None,
        job: Job,
        run: ServerRun | None,
        plan_key: bytes | None,
    ) -> Attempt | None:
        """Give a job to the waiting test process (started now if there is none)."""
        from checkers.warm import precompile
        from checkers.worker import ANSWER, REFERENCE, TESTS

        attempt, self.spare = self.spare, None
        if attempt is None or attempt.supervisor not in self.attempts:
            attempt = self.spawn()
            if attempt is None:
                return None
        try:
            # surrogatepass: text that is not valid UTF-8 becomes a clear import error.
            (attempt.workdir / ANSWER).write_bytes(source.encode("utf-8", "surrogatepass"))
            (attempt.workdir / TESTS).write_bytes(tests_src)
            if ref_src is not None:
                # Beside the answer's folder, not in it: the answer cannot import the model answer.
                (attempt.folder / REFERENCE).write_bytes(ref_src)
                job = replace(job, reference=str(attempt.folder / REFERENCE))
            code = precompile(tests_src)
            if code is not None:
                (attempt.folder / "tests.code").write_bytes(code)
            os.write(attempt.job_fd, job.to_json())
        except (OSError, UnicodeError):
            self.kill(attempt, "shutdown")
            return None
        finally:
            os.close(attempt.job_fd)
            attempt.job_fd = -1
        attempt.run = run
        attempt.plan_key = plan_key
        attempt.timeout = job.timeout
        attempt.phase = "starting"
        attempt.deadline = time.monotonic() + self.limits.startup
        self.ensure_spare()
        return attempt

    def spawn_for_run(self, run: ServerRun, only: tuple[str, ...] | None) -> bool:
        run.attempts += 1
        attempt = self.assign(
            source=run.source,
            tests_src=run.tests_src,
            ref_src=run.ref_src,
            job=Job(run.mode, only, run.suite.timeout, import_timeout=self.limits.import_timeout, budget=run.budget),
            run=run,
            plan_key=None,
        )
        run.attempt = attempt
        if attempt is None:
            self.emit(run.ledger.start([]))
            self.emit_all(run.ledger.fill(Status.CRASHED, "Not run: the checker could not start a test process."))
            self.finish_run(run, status=Status.CRASHED, message="The checker could not start a test process.")
            return False
        return True

    def kill(self, attempt: Attempt, reason: str) -> None:
        if attempt.killed is None:
            attempt.killed = reason
        if attempt.worker is not None:
            with contextlib.suppress(OSError):
                os.kill(attempt.worker, signal.SIGKILL)  # even before it made its own group
            kill_group(attempt.worker)
        else:
            with contextlib.suppress(OSError):
                os.kill(attempt.supervisor, signal.SIGKILL)
        if attempt.cgroup is not None:
            attempt.cgroup.kill_all()
        attempt.deadline = time.monotonic() + REAP_BUDGET

    def check_deadlines(self) -> None:
        now = time.monotonic()
        for attempt in list(self.attempts.values()):
            if now < attempt.deadline:
                continue
            if attempt.killed is None:
                self.kill(attempt, "timeout")
            else:  # the tree did not go away: take the supervisor down too
                with contextlib.suppress(OSError):
                    os.kill(attempt.supervisor, signal.SIGKILL)
                attempt.deadline = now + REAP_BUDGET

    # -- reading a test process -------------------------------------------------------

    def on_event_data(self, attempt: Attempt) -> None:
        self._read_events(attempt, limit=1 << 20)

    def _read_events(self, attempt: Attempt, limit: int) -> None:
        read = 0
        while read < limit and not attempt.event_eof:
            try:
                data = os.read(attempt.event_fd, 1 << 16)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                attempt.event_eof = True
                with contextlib.suppress(KeyError, ValueError):
                    self.selector.unregister(attempt.event_fd)
                return
            read += len(data)
            attempt.read_total += len(data)
            if attempt.read_total > self.limits.read_cap:
                self.kill(attempt, "overflow")
                return
            for line in attempt.events.feed(data):
                message = decode(line)
                if message is not None:
                    self.on_worker_event(attempt, message)

    def on_worker_event(self, attempt: Attempt, message: dict[str, Any]) -> None:
        now = time.monotonic()
        kind = message.get("ev")
        run = attempt.run
        if kind == "importing":
            attempt.phase = "importing"
            limit = self.limits.import_timeout or attempt.timeout
            attempt.deadline = now + limit + self.limits.grace
        elif kind == "import_error":
            attempt.import_error = _sanitize(message, attempt.workdir)
            attempt.phase = "done"
            attempt.deadline = now + self.limits.between
        elif kind == "imported":
            attempt.phase = "collecting"
            attempt.deadline = now + self.limits.between
        elif kind == "collect_error":
            attempt.import_error = _sanitize(message, attempt.workdir)
            attempt.import_error["collect"] = True
        elif kind == "collected":
            try:
                tests = [TestInfo.from_dict(t) for t in message.get("tests", [])]
            except (KeyError, TypeError, ValueError):
                return
            attempt.collected = tests
            attempt.phase = "ready"
            attempt.deadline = now + self.limits.between
            if run is not None and not run.cancelled:
                self.emit(run.ledger.start(tests))
        elif kind == "start" and run is not None:
            name = str(message.get("name"))
            info = run.ledger.info(name) or TestInfo(name, timeout=attempt.timeout)
            given = message.get("timeout")
            if isinstance(given, int | float) and given > 0:
                info = replace(info, timeout=float(given))  # the limit the run's budget left it
            attempt.in_flight = info
            attempt.in_flight_since = now
            attempt.progress = True
            attempt.deadline = now + info.timeout + self.limits.grace
            if not run.cancelled:
                self.emit(run.ledger.test_started(name))
        elif kind == "result" and run is not None:
            try:
                result = Result.from_dict(_sanitize(message["result"], attempt.workdir))
            except (KeyError, TypeError, ValueError):
                return
            attempt.in_flight = None
            attempt.deadline = now + self.limits.between
            if result.status is Status.TIMEOUT and result.ran:
                run.budget = run.budget.after_timeout(result.duration)
            if not run.cancelled:
                self.emit(run.ledger.test_finished(result))
        elif kind == "done":
            attempt.phase = "done"
            attempt.deadline = now + self.limits.between

    def on_status_data(self, attempt: Attempt) -> None:
        try:
            data = os.read(attempt.status_fd, 4096)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            attempt.status_eof = True
            self.end_attempt(attempt)
            return
        for line in attempt.status_lines.feed(data):
            word, _, number = line.decode("ascii", "replace").partition(" ")
            try:
                value = int(number)
            except ValueError:
                continue
            if word == "pid":
                attempt.worker = value
                if attempt.run is not None:
                    self.send({"type": "group", "run": attempt.run.id, "pgid": value})
                if attempt.killed is not None:
                    self.kill(attempt, attempt.killed)
            elif word in ("exit", "signal"):
                attempt.exit = (word, value)

    def end_attempt(self, attempt: Attempt) -> None:
        """The supervisor is done: everything of this attempt is dead. Settle the run."""
        self._read_events(attempt, limit=self.limits.read_cap)
        for fd in (attempt.event_fd, attempt.status_fd):
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(fd)
            os.close(fd)
        if attempt.job_fd >= 0:
            os.close(attempt.job_fd)
            attempt.job_fd = -1
        if attempt.exit is None and attempt.worker is not None:
            # The supervisor was killed (by the answer): its test process may live on.
            with contextlib.suppress(OSError):
                os.kill(attempt.worker, signal.SIGKILL)
            kill_group(attempt.worker)
            if attempt.cgroup is not None:
                attempt.cgroup.kill_all()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(attempt.supervisor, 0)
        self.attempts.pop(attempt.supervisor, None)
        log = _tail(attempt.log)
        if attempt.cgroup is not None:
            deadline = time.monotonic() + 2.0
            while not attempt.cgroup.remove() and time.monotonic() < deadline:
                attempt.cgroup.kill_all()
                time.sleep(0.002)
        shutil.rmtree(attempt.folder, ignore_errors=True)
        if attempt.plan_key is not None:
            self.plan_done(attempt)
        elif attempt.run is not None:
            self.settle(attempt.run, attempt, log)
        elif attempt.killed is None:  # an idle test process died on its own
            self.spare_failures += 1
            if self.spare is attempt:
                self.spare = None
            self.ensure_spare()

    # -- settling a run after its test process ended ----------------------------------

    def settle(self, run: ServerRun, attempt: Attempt, log: str) -> None:
        run.attempt = None
        if run.ledger.finished is not None:
            return
        if run.cancelled or attempt.killed == "shutdown":
            self.finish_run(run, cancelled=True)
            return
        answer_file = str(attempt.workdir / "solution.py")
        if attempt.import_error is not None:
            error = attempt.import_error
            lead = (
                "The tests could not load what they need from your answer:"
                if error.get("collect")
                else "Your answer could not be imported:"
            )
            message = "\n".join(
                part for part in (lead, str(error.get("summary", "")), str(error.get("traceback", ""))) if part
            )
            self.fail_import(run, message, str(error.get("output", "")))
            return
        if attempt.phase == "starting":
            message = "The checker's test process failed to start."
            self.emit(run.ledger.start([]))
            self.emit_all(run.ledger.fill(Status.CRASHED, "Not run: " + message))
            self.finish_run(run, status=Status.CRASHED, message=message, detail=message + "\n" + log[-4000:])
            return
        if attempt.phase in ("importing", "collecting"):
            if attempt.killed == "timeout":
                limit = self.limits.import_timeout or attempt.timeout
                why = (
                    f"importing it did not finish within {limit:g} s. Is there an infinite loop "
                    "or a long computation at the top level of the file?"
                )
            else:
                why = "the test process died while importing it: " + self.death_reason(attempt, log)
            frames = crash_frames(log, answer_file, run.source)
            text = f"Your answer could not be imported: {why}"
            if frames:
                text += "\n" + format_frames(frames)
            self.fail_import(run, text, "")
            return
        # Collected: blame the test in flight, then resume with the tests not reached.
        if attempt.in_flight is not None:
            self.blame(run, attempt, log, answer_file)
        pending = run.ledger.pending()
        if pending and not attempt.progress:
            self.emit_all(run.ledger.fill(Status.CRASHED, NOT_REACHED))
            pending = []
        if pending and run.attempts <= len(run.ledger.tests or ()) + 1 and self.running:
            self.spawn_for_run(run, tuple(t.name for t in pending))  # finishes the run if it fails
            return
        self.emit_all(run.ledger.fill(Status.CRASHED, NOT_REACHED))
        self.finish_run(run)

    def death_reason(self, attempt: Attempt, log: str = "") -> str:
        return death_reason(_death(attempt), log, temp_folder=str(self.workdir.parent))

    def blame(self, run: ServerRun, attempt: Attempt, log: str, answer_file: str) -> None:
        """The result of the test that was running when its process ended (see ``checkers.verdicts``)."""
        info = attempt.in_flight
        assert info is not None
        duration = time.monotonic() - attempt.in_flight_since
        verdict = in_flight_verdict(
            info,
            killed=attempt.killed,
            death=_death(attempt),
            duration=duration,
            log=log,
            memory_limit=self.limits.memory,
            temp_folder=str(self.workdir.parent),
        )
        status, note = verdict.status, verdict.note
        frames = crash_frames(log, answer_file, run.source)
        if frames:
            note += "\nThe answer was running:\n" + format_frames(frames)
        result = compose_result(info, status, duration=duration, note=note)
        if frames and info.visible:
            result = replace(result, line=frames[-1].lineno, traceback=format_frames(frames))
        if status is Status.TIMEOUT:
            run.budget = run.budget.after_timeout(duration)
        self.emit(run.ledger.test_finished(result))

    def fail_import(self, run: ServerRun, message: str, output: str) -> None:
        run.import_message = message
        run.import_output = output
        if run.ledger.tests is not None or run.ref_src is None:
            self.finish_import_error(run)
            return
        key = self.ensure_plan(run.suite, run.tests_src, run.ref_src)
        if key in self.plans:
            self.finish_import_error(run)
        else:
            run.waiting_plan = key

    def finish_import_error(self, run: ServerRun) -> None:
        if run.ledger.tests is None:
            plan = self.plans.get(self._plan_key(run.suite, run.tests_src, run.ref_src), [])
            self.emit(run.ledger.start(select_tests(plan, run.mode, run.only)))
        self.emit_all(run.ledger.fill(Status.IMPORT_ERROR, NOT_IMPORTED))
        self.finish_run(run, status=Status.IMPORT_ERROR, message=run.import_message, output=run.import_output)

    def finish_run(
        self,
        run: ServerRun,
        *,
        status: Status | None = None,
        message: str = "",
        output: str = "",
        detail: str = "",
        cancelled: bool = False,
    ) -> None:
        self.runs.pop(run.id, None)
        if run.ledger.tests is None and not cancelled:
            self.emit(run.ledger.start([]))
        self.emit(run.ledger.finish(status=status, message=message, output=output, detail=detail, cancelled=cancelled))

    def emit_all(self, events: list[Any]) -> None:
        for event in events:
            self.emit(event)

    # -- plans: the suite's tests, collected against the reference ----------------------

    @staticmethod
    def _plan_key(suite: Suite, tests_src: bytes, ref_src: bytes | None) -> bytes:
        digest = hashlib.sha256(tests_src)
        digest.update(b"\0" + (ref_src or b"") + f"\0{suite.timeout!r}".encode())
        return digest.digest()

    def ensure_plan(self, suite: Suite, tests_src: bytes, ref_src: bytes) -> bytes:
        key = self._plan_key(suite, tests_src, ref_src)
        if key in self.plans or key in self.plan_attempts:
            return key
        attempt = self.assign(
            source=ref_src.decode("utf-8", "surrogateescape"),
            tests_src=tests_src,
            ref_src=ref_src,
            job=Job("submit", None, suite.timeout, collect_only=True),
            run=None,
            plan_key=key,
        )
        if attempt is None:
            self.plans[key] = []
        else:
            self.plan_attempts[key] = attempt
        return key

    def plan_done(self, attempt: Attempt) -> None:
        key = attempt.plan_key
        assert key is not None
        self.plan_attempts.pop(key, None)
        self.plans[key] = attempt.collected or []
        for run in list(self.runs.values()):
            if run.waiting_plan == key and run.ledger.finished is None:
                run.waiting_plan = None
                if run.cancelled:
                    self.finish_run(run, cancelled=True)
                else:
                    self.finish_import_error(run)


def _death(attempt: Attempt) -> Death:
    kind, code = attempt.exit or ("lost", 0)
    return Death(kind, code)


def _sanitize(value: Any, workdir: Path) -> Any:
    """Drop the temporary folder from paths in messages: ``/tmp/…/work/solution.py`` → ``solution.py``."""
    prefix = str(workdir) + os.sep
    if isinstance(value, str):
        return value.replace(prefix, "")
    if isinstance(value, dict):
        return {k: _sanitize(v, workdir) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v, workdir) for v in value]
    return value


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def _tail(path: Path, size: int = 16384) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - size))
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checkers.server")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--limits", default="{}", help="JSON object of checkers.limits.Limits fields")
    args = parser.parse_args(argv)
    limits = Limits.from_dict(json.loads(args.limits))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the app; it closes us
    args.workdir.mkdir(parents=True, exist_ok=True)
    os.chdir(args.workdir)
    if sys.path and sys.path[0] in ("", str(args.workdir)):
        del sys.path[0]

    from checkers.warm import freeze, warm_up

    warm_up()
    freeze()
    server = Server(args.workdir, limits)
    signal.signal(signal.SIGTERM, lambda *_: server.shutdown())
    code = server.serve()
    # Also when the client was killed and cannot clean up after us (stdin EOF).
    shutil.rmtree(args.workdir, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
