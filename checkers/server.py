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
import errno
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

from checkers.attempts import Attempt, AttemptPool
from checkers.budget import RunBudget
from checkers.diagnose import compose_result, crash_frames
from checkers.events import Event, Mode, Status, TestInfo, event_to_dict
from checkers.ledger import RunLedger
from checkers.limits import Limits, PidsCgroup
from checkers.plugin import Job
from checkers.protocol import LineReader, decode, encode
from checkers.suite import Suite, select_tests
from checkers.traceback_trim import format_frames
from checkers.verdicts import Death, death_reason, in_flight_verdict
from checkers.wire import (
    Collected,
    CollectionFailed,
    Done,
    Imported,
    ImportFailed,
    Importing,
    TestBegan,
    TestEnded,
    WireMessage,
)

__all__ = ["Server", "main"]

#: The most a request line may carry (the answer's source is in it).
MAX_REQUEST = 16 << 20
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


class Server:
    def __init__(self, workdir: Path, limits: Limits, out_fd: int = 1, in_fd: int = 0) -> None:
        self.workdir = workdir
        self.limits = limits
        self.out_fd = out_fd
        self.in_fd = in_fd
        self.selector = selectors.DefaultSelector()
        self.runs: dict[str, ServerRun] = {}
        self.plans: dict[bytes, list[TestInfo]] = {}
        self.plan_attempts: dict[bytes, Attempt] = {}
        self.requests = LineReader(MAX_REQUEST)
        self.running = True
        self.cgroup = PidsCgroup.parent_for_server(os.getpid())
        self.pid = os.getpid()
        self.pool = AttemptPool(
            workdir,
            limits,
            self.selector,
            self,
            server_pid=self.pid,
            cgroup=self.cgroup,
            keep_path=tuple(p for p in sys.path if p and Path(p) != workdir),
        )

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
        self.pool.ensure_spare()
        self.send({"type": "ready", "pid": self.pid})
        last_beat = time.monotonic()
        while self.running or self.pool.attempts:
            now = time.monotonic()
            if self.runs and now - last_beat >= HEARTBEAT:
                self.send({"type": "alive"})
                last_beat = now
            soonest = self.pool.soonest_deadline()
            if self.runs:
                soonest = min(soonest, last_beat + HEARTBEAT)
            timeout = max(0.0, soonest - now) if soonest != float("inf") else None
            for key, _ in self.selector.select(timeout):
                callback: Callable[[], None] = key.data
                try:
                    callback()
                except Exception as exc:  # noqa: BLE001 - keep serving; say what happened
                    self.send({"type": "warning", "message": f"checker server error: {exc!r}"})
            self.pool.check_deadlines()
        if self.cgroup is not None:
            self.cgroup.remove()
        return 0

    def shutdown(self) -> None:
        if not self.running:
            return
        self.running = False
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(self.in_fd)
        self.pool.shutdown()

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
            self.pool.kill(run.attempt, "cancel")  # finished once the process tree is gone
        else:
            self.finish_run(run, cancelled=True)

    # -- attempts ---------------------------------------------------------------------

    def spawn_for_run(self, run: ServerRun, only: tuple[str, ...] | None) -> bool:
        run.attempts += 1
        attempt = self.pool.assign(
            source=run.source,
            tests_src=run.tests_src,
            ref_src=run.ref_src,
            job=Job(run.mode, only, run.suite.timeout, import_timeout=self.limits.import_timeout, budget=run.budget),
            run=run,
            plan_key=None,
        )
        run.attempt = attempt
        if attempt is None:
            message = "The checker could not start a test process" + _because(self.pool.last_error)
            self.emit(run.ledger.start([]))
            self.emit_all(run.ledger.fill(Status.CRASHED, "Not run: " + message))
            self.finish_run(run, status=Status.CRASHED, message=message)
            return False
        return True

    # -- what the test processes say (``AttemptPool``'s listener) ------------------------

    def attempt_message(self, attempt: Attempt, message: WireMessage) -> None:
        """Follow a test process through its job: deadlines per phase, and the run's public events."""
        now = time.monotonic()
        run = attempt.run
        if isinstance(message, Importing):
            attempt.phase = "importing"
            limit = self.limits.import_timeout or attempt.timeout
            attempt.deadline = now + limit + self.limits.grace
        elif isinstance(message, ImportFailed):
            attempt.import_error = message
            attempt.phase = "done"
            attempt.deadline = now + self.limits.between
        elif isinstance(message, Imported):
            attempt.phase = "collecting"
            attempt.deadline = now + self.limits.between
        elif isinstance(message, CollectionFailed):
            attempt.import_error = message
        elif isinstance(message, Collected):
            attempt.collected = list(message.tests)
            attempt.phase = "ready"
            attempt.deadline = now + self.limits.between
            if run is not None and not run.cancelled:
                self.emit(run.ledger.start(message.tests))
        elif isinstance(message, TestBegan) and run is not None:
            info = run.ledger.info(message.name) or TestInfo(message.name, timeout=attempt.timeout)
            if message.timeout is not None:
                info = replace(info, timeout=message.timeout)  # the limit the run's budget left it
            attempt.in_flight = info
            attempt.in_flight_since = now
            attempt.progress = True
            attempt.deadline = now + info.timeout + self.limits.grace
            if not run.cancelled:
                self.emit(run.ledger.test_started(message.name))
        elif isinstance(message, TestEnded) and run is not None:
            result = message.result
            attempt.in_flight = None
            attempt.deadline = now + self.limits.between
            if result.status is Status.TIMEOUT and result.ran:
                run.budget = run.budget.after_timeout(result.duration)
            if not run.cancelled:
                self.emit(run.ledger.test_finished(result))
        elif isinstance(message, Done):
            attempt.phase = "done"
            attempt.deadline = now + self.limits.between

    def attempt_worker(self, attempt: Attempt) -> None:
        """A test process has its pid: the client kills its group if the server dies."""
        if attempt.run is not None and attempt.worker is not None:
            self.send({"type": "group", "run": attempt.run.id, "pgid": attempt.worker})

    def attempt_ended(self, attempt: Attempt, log: str) -> None:
        if attempt.plan_key is not None:
            self.plan_done(attempt)
        elif attempt.run is not None:
            self.settle(attempt.run, attempt, log)

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
                if isinstance(error, CollectionFailed)
                else "Your answer could not be imported:"
            )
            message = "\n".join(part for part in (lead, error.summary, error.traceback) if part)
            self.fail_import(run, message, error.output if isinstance(error, ImportFailed) else "")
            return
        if attempt.phase == "starting":
            message = "The checker's test process failed to start: " + self.death_reason(attempt, log)
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
        attempt = self.pool.assign(
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


def _because(error: OSError | None) -> str:
    """``: the temporary folder is full (…)`` for a full disk, else the error's own words; "." with none."""
    if error is None:
        return "."
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f": the temporary folder is full ({error.strerror}). Free some disk space, then run again."
    return f": {error.strerror or error}."


def _death(attempt: Attempt) -> Death:
    kind, code = attempt.exit or ("lost", 0)
    return Death(kind, code)


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


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
