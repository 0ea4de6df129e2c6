"""The checker server's test processes: one started ahead of time, each with its pipes and deadline.

A test process (and the supervisor between it and the server, see
``checkers.supervisor``) is an ``Attempt``. ``AttemptPool`` forks them,
keeps one idle and started up (``spare``) so a run only pays for its tests,
hands each a job, reads what it writes (bounded: ``Limits.read_cap``),
keeps its wall-clock deadline, kills it, and when its supervisor reports
the end, reaps and removes everything of it. What the messages *mean* for
a run is the server's business (``checkers.server``): the pool passes each
message, the worker's pid and the end to a ``Listener``.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import signal
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from checkers.events import TestInfo
from checkers.limits import Limits, PidsCgroup
from checkers.plugin import Job
from checkers.process import kill_group
from checkers.protocol import LineReader, decode
from checkers.wire import CollectionFailed, ImportFailed, WireMessage, read_message

if TYPE_CHECKING:
    from checkers.server import ServerRun

__all__ = ["Attempt", "AttemptPool", "Listener"]

#: The most a test process's single message line may carry.
MAX_EVENT_LINE = 1 << 20
#: How long a killed test process tree may take to be reaped before its supervisor is killed too.
REAP_BUDGET = 5.0


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
    import_error: ImportFailed | CollectionFailed | None = None
    collected: list[TestInfo] | None = None


class Listener(Protocol):
    """What the pool tells its owner (the server)."""

    def attempt_message(self, attempt: Attempt, message: WireMessage) -> None: ...

    def attempt_worker(self, attempt: Attempt) -> None: ...

    def attempt_ended(self, attempt: Attempt, log: str) -> None: ...


class AttemptPool:
    """Every test process of one server (see the module docstring)."""

    def __init__(
        self,
        workdir: Path,
        limits: Limits,
        selector: selectors.BaseSelector,
        listener: Listener,
        *,
        server_pid: int,
        cgroup: PidsCgroup | None,
        keep_path: tuple[str, ...],
    ) -> None:
        self.workdir = workdir
        self.limits = limits
        self.selector = selector
        self.listener = listener
        self.server_pid = server_pid
        self.cgroup = cgroup
        self.keep_path = keep_path
        self.attempts: dict[int, Attempt] = {}
        self.counter = 0
        self.spare: Attempt | None = None
        self.spare_failures = 0
        self.accepting = True
        #: Why the last fork or file write failed (a full disk is worth naming), if it did.
        self.last_error: OSError | None = None

    def soonest_deadline(self) -> float:
        return min((a.deadline for a in self.attempts.values()), default=float("inf"))

    def shutdown(self) -> None:
        self.accepting = False
        for attempt in list(self.attempts.values()):
            self.kill(attempt, "shutdown")

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
        except OSError as exc:
            self.last_error = exc
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
                supervise(spec, status_w, self.server_pid)
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
        if not self.accepting or (self.spare is not None and self.spare.supervisor in self.attempts):
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
        except (OSError, UnicodeError) as exc:
            self.last_error = exc if isinstance(exc, OSError) else None
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
                decoded = decode(line)
                message = read_message(_sanitize(decoded, attempt.workdir)) if decoded is not None else None
                if message is not None:
                    self.listener.attempt_message(attempt, message)

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
                self.listener.attempt_worker(attempt)
                if attempt.killed is not None:
                    self.kill(attempt, attempt.killed)
            elif word in ("exit", "signal"):
                attempt.exit = (word, value)

    def end_attempt(self, attempt: Attempt) -> None:
        """The supervisor is done: reap and remove everything of the attempt, then tell the listener."""
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
        if attempt.plan_key is None and attempt.run is None and attempt.killed is None:
            # An idle test process died on its own.
            self.spare_failures += 1
            if self.spare is attempt:
                self.spare = None
            self.ensure_spare()
            return
        self.listener.attempt_ended(attempt, log)


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


def _tail(path: Path, size: int = 16384) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - size))
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""
