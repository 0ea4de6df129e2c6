"""The checker client: start the server in the background, run suites, stream events.

Usable from plain code (the CLI, the content tests) and from asyncio (the
Textual app)::

    client = CheckerClient()              # the server starts warming up now
    handle = client.run(suite, source, mode="submit")
    for event in handle: ...              # blocking iteration
    async for event in handle: ...        # or asynchronous iteration
    outcome = handle.wait()               # or just the end: a RunOutcome

The server is spawned with ``python -m checkers.server`` at construction (or
``start()``), so by the time a person presses Run it has pytest imported and
the first run is as fast as any other. One reader thread per server turns its
stdout into events and hands them to the right ``RunHandle``; one writer
thread sends requests, so a caller (an event loop) never blocks on a pipe.

Cancelling: ``handle.cancel()``, or leaving an iteration early (``break``,
``aclosing``), or starting a new run with ``supersede=True`` (the default:
a new Run press replaces the one in flight). If the server dies, the runs it
had are finished here honestly (the test in flight ``crashed``, the rest not
run) and a new server is started for what comes next.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Self

from checkers.events import (
    Event,
    Mode,
    RunFinished,
    RunOutcome,
    RunStarted,
    Status,
    TestFinished,
    TestStarted,
    event_from_dict,
)
from checkers.ledger import RunLedger
from checkers.limits import Limits, PidsCgroup
from checkers.protocol import decode, encode
from checkers.suite import Suite

__all__ = ["CheckerClient", "RunHandle", "check"]

_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)

SERVER_LOST = (
    "The checker process stopped unexpectedly; this test was running. Run again (the checker restarts by itself)."
)
SERVER_HUNG = (
    "The checker stopped answering (no sign of life for {seconds:g} s), so it was replaced; this test was "
    "running. Run again."
)
#: Without a line from the server for this long while a run is in flight, it is stuck and gets replaced.
#: The server sends a heartbeat at least every ``checkers.server.HEARTBEAT`` seconds while it works.
STALL_SECONDS = 5.0
#: A server that has not finished starting after this long (runs waiting) is stuck too.
START_SECONDS = 60.0


def _bytecode_cache() -> Path:
    """Where the server keeps compiled bytecode when the user turned it off for sources."""
    home = os.environ.get("MOCKLOOP_HOME")
    if home:
        return Path(home) / "cache" / "pycache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("mockloop")) / "pycache"


class _Server:
    """One server process with its reader and writer threads."""

    def __init__(self, client: CheckerClient, python: str, limits: Limits) -> None:
        self._client = weakref.ref(client)
        self.workdir = Path(tempfile.mkdtemp(prefix="mockloop-checker-"))
        self.log_path = self.workdir / "server.log"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PYTEST_", "PYTHONSTARTUP", "PYTHONINSPECT", "COV_CORE"))
        }
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_PARENT, os.environ.get("PYTHONPATH", "")) if p)
        env["PYTHONHASHSEED"] = "0"  # the same set order on every run of the same answer
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None and "PYTHONPYCACHEPREFIX" not in env:
            # Without bytecode the server would compile pytest on every start (~3x
            # slower); keep it in our own cache, so no source tree gets __pycache__.
            env["PYTHONPYCACHEPREFIX"] = str(_bytecode_cache())
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [
                    python,
                    "-m",
                    "checkers.server",
                    "--workdir",
                    str(self.workdir),
                    "--limits",
                    json.dumps(limits.to_dict()),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                cwd=self.workdir,
                env=env,
                start_new_session=True,  # no terminal signals; the client closes it
                close_fds=True,
            )
        self.pid = self.proc.pid
        self.started = time.monotonic()
        self.last_heard = self.started
        self.hung = False
        self.ready = threading.Event()
        self.exited = threading.Event()
        self.groups: dict[str, set[int]] = {}
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, name="checker-reader", daemon=True)
        self._writer = threading.Thread(target=self._write, name="checker-writer", daemon=True)
        self._watchdog = threading.Thread(target=self._watch, name="checker-watchdog", daemon=True)
        self._reader.start()
        self._writer.start()
        self._watchdog.start()

    def _watch(self) -> None:
        """Replace a server that stopped answering (stopped by a signal, stuck): kill it, the reader sees EOF."""
        while not self.exited.wait(0.5):
            client = self._client()
            if client is None or not client._has_runs_on(self):
                continue
            quiet = time.monotonic() - self.last_heard
            if quiet > (STALL_SECONDS if self.ready.is_set() else START_SECONDS):
                self.hung = True
                with contextlib.suppress(OSError):
                    os.kill(self.pid, signal.SIGKILL)
                return

    @property
    def alive(self) -> bool:
        return not self.exited.is_set()

    def send(self, message: dict[str, Any]) -> None:
        self._outbox.put(encode(message))

    def _write(self) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        while True:
            payload = self._outbox.get()
            try:
                if payload is None:
                    stdin.close()
                    return
                stdin.write(payload)
                stdin.flush()
            except (OSError, ValueError):
                return

    def _read(self) -> None:
        stdout: IO[bytes] | None = self.proc.stdout
        assert stdout is not None
        try:
            for line in stdout:
                self.last_heard = time.monotonic()
                message = decode(line)
                client = self._client()
                if message is None or client is None:
                    continue
                if message.get("type") == "ready":
                    self.ready.set()
                client._on_message(self, message)
        except (OSError, ValueError):
            pass
        finally:
            self._on_eof()

    def _on_eof(self) -> None:
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.cleanup()
        self.exited.set()
        self._outbox.put(None)
        client = self._client()
        if client is not None:
            client._on_server_exit(self)

    def log_tail(self, size: int = 2000) -> str:
        try:
            data = self.log_path.read_bytes()
        except OSError:
            return ""
        return data[-size:].decode("utf-8", "replace").strip()

    def cleanup(self) -> None:
        """After the server exited: kill what it may have left, remove its files."""
        for pgids in self.groups.values():
            for pgid in pgids:
                with contextlib.suppress(OSError):
                    os.killpg(pgid, signal.SIGKILL)
        self.groups.clear()
        leftover = PidsCgroup.ROOT / f"mockloop-checker-{self.pid}"
        deadline = time.monotonic() + 3.0
        while leftover.is_dir() and time.monotonic() < deadline:
            for child in leftover.iterdir():
                if child.is_dir():
                    PidsCgroup(child).kill_all()
            if PidsCgroup(leftover).remove():
                break
            time.sleep(0.01)  # killed processes take a moment to leave their group
        shutil.rmtree(self.workdir, ignore_errors=True)

    def stop(self, timeout: float) -> None:
        if self.alive:
            self.send({"op": "shutdown"})
            self._outbox.put(None)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._reader.join(timeout=timeout + 10)


def _stop_server(server: _Server) -> None:
    server.stop(2.0)


class RunHandle:
    """One run in flight: iterate it (sync or async) for its events, or wait for its end.

    Events are kept, so iterating twice (or after the end) replays them.
    Leaving an iteration before ``RunFinished`` cancels the run.
    """

    def __init__(self, client: CheckerClient, run_id: str, mode: Mode, server: _Server) -> None:
        self.id = run_id
        self.mode: Mode = mode
        self.server = server
        self._client = client
        self.ledger = RunLedger(run_id, mode)
        self.events: list[Event] = []
        self.finished: RunFinished | None = None
        self._cond = threading.Condition()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    @property
    def done(self) -> bool:
        return self.finished is not None

    def cancel(self) -> None:
        """Stop the run; it ends with ``RunFinished(cancelled=True)``."""
        self._client.cancel(self.id)

    def _push(self, event: Event, *, fed: bool = False) -> None:
        with self._cond:
            if self.finished is not None:
                return
            if not fed:
                self._feed(event)
            self.events.append(event)
            if isinstance(event, RunFinished):
                self.finished = event
            self._cond.notify_all()
            waiters = list(self._waiters)
        for loop, flag in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is closed
                loop.call_soon_threadsafe(flag.set)

    def _feed(self, event: Event) -> None:
        if isinstance(event, RunStarted):
            self.ledger.start(event.tests)
        elif isinstance(event, TestStarted):
            self.ledger.test_started(event.name)
        elif isinstance(event, TestFinished):
            self.ledger.test_finished(event.result)
        elif isinstance(event, RunFinished):
            self.ledger.finished = event

    def __iter__(self) -> Iterator[Event]:
        index = 0
        try:
            while True:
                with self._cond:
                    while index >= len(self.events):
                        self._cond.wait()
                    batch = self.events[index:]
                    index = len(self.events)
                for event in batch:
                    yield event
                    if isinstance(event, RunFinished):
                        return
        finally:
            if self.finished is None:
                self.cancel()

    def __aiter__(self) -> AsyncGenerator[Event, None]:  # noqa: PYI058 - aclose() on it cancels the run
        return self._aiter()

    async def _aiter(self) -> AsyncGenerator[Event, None]:
        loop = asyncio.get_running_loop()
        flag = asyncio.Event()
        waiter = (loop, flag)
        with self._cond:
            self._waiters.append(waiter)
        index = 0
        try:
            while True:
                with self._cond:
                    batch = self.events[index:]
                    index += len(batch)
                    if not batch:
                        flag.clear()
                if not batch:
                    await flag.wait()
                    continue
                for event in batch:
                    yield event
                    if isinstance(event, RunFinished):
                        return
        finally:
            with self._cond:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            if self.finished is None:
                self.cancel()

    def wait(self, timeout: float | None = None) -> RunOutcome:
        """Block until the run ends; raises ``TimeoutError`` after ``timeout`` seconds."""
        with self._cond:
            if not self._cond.wait_for(lambda: self.finished is not None, timeout):
                raise TimeoutError(f"checker run {self.id} did not finish in {timeout} s")
            return RunOutcome.from_events(list(self.events))

    async def outcome(self) -> RunOutcome:
        """Await the end of the run."""
        async for _ in self:
            pass
        return RunOutcome.from_events(list(self.events))


class CheckerClient:
    """Runs suites against answers in the isolated checker server (see module docstring)."""

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        python: str | None = None,
        autostart: bool = True,
    ) -> None:
        self.limits = limits or Limits()
        self.python = python or sys.executable
        self._lock = threading.RLock()
        self._server: _Server | None = None
        self._runs: dict[str, RunHandle] = {}
        self._closed = False
        self._ids = itertools.count(1)
        self._finalizers: list[weakref.finalize[[_Server], CheckerClient]] = []
        if autostart:
            self.start()

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        """Start the server in the background if it is not running (never blocks on it)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("this CheckerClient is closed")
            if self._server is None or not self._server.alive:
                self._server = _Server(self, self.python, self.limits)
                self._finalizers.append(weakref.finalize(self, _stop_server, self._server))

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the server has imported everything (tests and benchmarks use this)."""
        self.start()
        server = self._server
        return server is not None and server.ready.wait(timeout)

    @property
    def server_pid(self) -> int | None:
        server = self._server
        return server.pid if server is not None and server.alive else None

    def close(self, timeout: float = 3.0) -> None:
        """Cancel every run, stop the server and remove its files."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            server, self._server = self._server, None
            handles = list(self._runs.values())
            self._runs.clear()
        for handle in handles:
            self._abandon(handle, cancelled=True, message="The checker was closed.")
        if server is not None:
            server.stop(timeout)
        for finalizer in self._finalizers:
            finalizer.detach()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.close)

    # -- runs -------------------------------------------------------------------------

    def run(
        self,
        suite: Suite,
        source: str,
        *,
        mode: Mode = "run",
        only: Iterable[str] | None = None,
        supersede: bool = True,
    ) -> RunHandle:
        """Start checking ``source`` against ``suite``; returns at once with a handle.

        ``mode="run"`` runs the visible tests, ``"submit"`` all of them;
        ``only`` restricts to the named tests (exact names, or names
        without their parameters). With ``supersede`` (the default), runs
        still in flight from this client are cancelled first.
        """
        if mode not in ("run", "submit"):
            raise ValueError(f'mode must be "run" or "submit", not {mode!r}')
        only_list = [str(n) for n in only] if only is not None else None
        if supersede:
            with self._lock:
                in_flight = list(self._runs.values())
            for handle in in_flight:
                handle.cancel()
        with self._lock:
            self.start()
            server = self._server
            assert server is not None
            run_id = f"r{next(self._ids)}"
            handle = RunHandle(self, run_id, mode, server)
            size = len(source.encode("utf-8", "surrogatepass"))
            if size > self.limits.source:
                message = (
                    f"The answer is {size:,} bytes; the checker takes answers of at most "
                    f"{self.limits.source // 1024:,} KiB."
                )
                for event in (handle.ledger.start([]), handle.ledger.finish(status=Status.CRASHED, message=message)):
                    if event is not None:
                        handle._push(event, fed=True)
                return handle
            self._runs[run_id] = handle
            server.send(
                {
                    "op": "run",
                    "run": run_id,
                    "suite": suite.to_dict(),
                    "source": source,
                    "mode": mode,
                    "only": only_list,
                }
            )
        return handle

    def check(
        self,
        suite: Suite,
        source: str,
        *,
        mode: Mode = "run",
        only: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> RunOutcome:
        """Run and wait for the end (does not cancel other runs)."""
        return self.run(suite, source, mode=mode, only=only, supersede=False).wait(timeout)

    def prepare(self, suite: Suite) -> None:
        """Warm the server's caches for a suite (e.g. when a question is shown)."""
        with self._lock:
            self.start()
            assert self._server is not None
            self._server.send({"op": "prepare", "suite": suite.to_dict()})

    def cancel(self, run_id: str) -> None:
        with self._lock:
            handle = self._runs.get(run_id)
            if handle is None or handle.done:
                return
            server = handle.server
            if server.alive:
                server.send({"op": "cancel", "run": run_id})
                return
        self._abandon(handle, cancelled=True)

    # -- from the reader thread -------------------------------------------------------

    def _on_message(self, server: _Server, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "event":
            try:
                event = event_from_dict(message["event"])
            except (KeyError, ValueError):
                return
            with self._lock:
                handle = self._runs.get(event.run)
                if isinstance(event, RunFinished):
                    self._runs.pop(event.run, None)
                    server.groups.pop(event.run, None)
            if handle is not None and handle.server is server:
                handle._push(event)
        elif kind == "group":
            with self._lock:
                if str(message.get("run")) in self._runs:
                    server.groups.setdefault(str(message["run"]), set()).add(int(message["pgid"]))

    def _has_runs_on(self, server: _Server) -> bool:
        with self._lock:
            return any(h.server is server for h in self._runs.values())

    def _on_server_exit(self, server: _Server) -> None:
        with self._lock:
            handles = [h for h in self._runs.values() if h.server is server]
            for handle in handles:
                self._runs.pop(handle.id, None)
            restart = (
                not self._closed
                and self._server is server
                and (server.ready.is_set() or server.hung)
                and time.monotonic() - server.started > 1.0
            )
            if self._server is server:
                self._server = None
        tail = server.log_tail() if not server.ready.is_set() else ""
        if server.hung:
            message = SERVER_HUNG.format(seconds=STALL_SECONDS if server.ready.is_set() else START_SECONDS)
        elif server.ready.is_set():
            message = SERVER_LOST
        else:
            message = "The checker could not start" + (f": {tail}" if tail else ".")
        for handle in handles:
            self._abandon(handle, message=message)
        if restart:
            with contextlib.suppress(RuntimeError):
                self.start()  # warm again, for the next run

    def _abandon(self, handle: RunHandle, *, message: str = "", cancelled: bool = False) -> None:
        """Finish a run here, without the server (it died, or we are closing)."""
        with handle._cond:
            if handle.finished is not None:
                return
            ledger = handle.ledger
            events: list[Event] = []
            if cancelled:
                finished = ledger.finish(cancelled=True, message=message)
            else:
                if ledger.tests is None:
                    started = ledger.start([])
                    if started is not None:
                        events.append(started)
                if ledger.in_flight is not None:
                    info = ledger.info(ledger.in_flight)
                    if info is not None:
                        from checkers.diagnose import compose_result

                        result = compose_result(
                            info,
                            Status.CRASHED,
                            duration=time.monotonic() - ledger.in_flight_since,
                            note=message,
                        )
                        crash = ledger.test_finished(result)
                        if crash is not None:
                            events.append(crash)
                events.extend(ledger.fill(Status.CRASHED, "Not run: the checker stopped."))
                finished = ledger.finish(status=Status.CRASHED, message=message)
            if finished is not None:
                events.append(finished)
        for event in events:
            handle._push(event, fed=True)


def check(
    suite: Suite,
    source: str,
    *,
    mode: Mode = "run",
    only: Iterable[str] | None = None,
    limits: Limits | None = None,
) -> RunOutcome:
    """One run with a throwaway client (simple, but pays the server's start-up)."""
    with CheckerClient(limits=limits) as client:
        return client.check(suite, source, mode=mode, only=only)
