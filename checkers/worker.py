"""The test process: set up the box, start pytest, wait for a job, run it.

This code runs in the grandchild the server forks (see ``checkers.server``
and ``checkers.supervisor``). It is forked, not spawned, so pytest and its
plugins are already imported. Better still, the server forks the next test
process *before* anyone asks for it: the process sets itself up and runs
pytest's start-up (configuration, plugins, fixtures: most of a cold
pytest's cost) and then waits, inside the ``pytest_collection`` hook, for a
job on a pipe (``checkers.plugin.Job``). When a run comes, the server writes
the answer, suite and reference into the process's folder and sends the job;
only collection and the tests remain.

The order matters. Before any answer code runs: a new session and process
group (so the whole tree can be killed at once), death with the supervisor,
the pids cgroup, stdin from /dev/null, stdout/stderr to a log file, no
inherited descriptors, a trimmed environment, the working folder and the
resource limits. The answer is then imported under the plugin's own ``try``
(every way of failing becomes one ``import_error`` event) before pytest
collects the suite, which does ``from solution import …``. The process
always ends with ``os._exit``: no atexit handlers of the answer run.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from checkers.limits import Limits, PidsCgroup, apply_rlimits
from checkers.plugin import EventWriter, Job, StreamPlugin
from checkers.process import set_parent_death_signal
from checkers.wire import Done

__all__ = ["ANSWER", "REFERENCE", "TESTS", "WorkerSpec", "pytest_args", "run_worker"]

#: The names the answer, the suite and the reference get in the working folder.
ANSWER = "solution.py"
TESTS = "tests.py"
REFERENCE = "reference.py"


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    workdir: Path  # gets solution.py, tests.py, reference.py; the cwd, HOME and TMPDIR
    log: Path  # the process's own stdout/stderr (faulthandler dumps land here)
    code: Path  # where the server leaves the suite's compiled code for this process
    event_fd: int  # write end: JSON lines to the server
    job_fd: int  # read end: the job, one JSON line from the server
    limits: Limits
    cgroup: Path | None
    supervisor: int
    keep_path: tuple[str, ...]  # sys.path entries of the server (site-packages, the project)


def _trimmed_environment(workdir: Path) -> dict[str, str]:
    """Just enough environment for Python and subprocesses, nothing of the user's."""
    return {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "HOME": str(workdir),
        "TMPDIR": str(workdir),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONBREAKPOINT": "0",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }


def pytest_args() -> list[str]:
    """The pytest command line of a run, relative to the working folder."""
    return [
        TESTS,
        "-c", os.devnull,  # no ini file from the machine's folders applies
        "--rootdir", ".",
        "--noconftest",
        "-p", "pytest_timeout",
        "-p", "no:cacheprovider",
        "-p", "no:stepwise",
        "-p", "no:pastebin",
        "-p", "no:junitxml",
        "-p", "no:doctest",
        "-p", "no:legacypath",
        "-p", "no:unraisableexception",
        "-p", "no:threadexception",
        "-p", "no:debugging",
        # Per-test timeouts come from markers the plugin adds (the suite's default).
        "-o", "timeout_method=signal",
        "-o", "timeout_func_only=true",
        # Full diffs of small values; large ones are abbreviated (checkers.bounded).
        "-o", "verbosity_assertions=1",
        "--strict-markers",
        "-q", "-rN", "--tb=no", "--show-capture=no", "--color=no",
        "-W", "ignore::DeprecationWarning",
    ]  # fmt: skip


def _prepare_process(spec: WorkerSpec) -> PidsCgroup | None:
    os.setsid()
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != spec.supervisor:
        os._exit(1)
    cgroup = PidsCgroup(spec.cgroup) if spec.cgroup is not None else None
    if cgroup is not None and not cgroup.enter():
        cgroup = None
    signal.set_wakeup_fd(-1)
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGUSR1, signal.SIGALRM):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)

    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    log = os.open(spec.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    _close_fds_except({0, 1, 2, spec.event_fd, spec.job_fd})
    os.set_inheritable(spec.event_fd, False)
    os.set_inheritable(spec.job_fd, False)

    os.chdir(spec.workdir)
    os.environ.clear()
    os.environ.update(_trimmed_environment(spec.workdir))
    tempfile.tempdir = str(spec.workdir)
    sys.path[:] = [str(spec.workdir), *spec.keep_path]
    sys.dont_write_bytecode = True
    sys.breakpointhook = lambda *args, **kwargs: None
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - process lifetime
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)  # noqa: SIM115
    sys.argv = ["pytest"]

    apply_rlimits(
        spec.limits,
        cpu_seconds=spec.limits.startup + spec.limits.cpu_margin,
        cgroup_active=cgroup is not None,
    )
    return cgroup


def _close_fds_except(keep: set[int]) -> None:
    """Close every inherited descriptor (the server's pipes) but ``keep``."""
    low = 0
    for fd in sorted(keep):
        if fd > low:
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 20)


def read_job(fd: int) -> Job | None:
    """Block until the server sends the job (None: the server is gone)."""
    data = b""
    while not data.endswith(b"\n"):
        try:
            chunk = os.read(fd, 65536)
        except InterruptedError:
            continue
        if not chunk:
            return None
        data += chunk
    return Job.from_json(data)


def run_worker(spec: WorkerSpec) -> NoReturn:
    """The body of the test process; never returns."""
    code = 0
    try:
        _prepare_process(spec)
        writer = EventWriter(spec.event_fd)
        import pytest

        plugin = StreamPlugin(
            writer,
            job_source=lambda: read_job(spec.job_fd),
            limits=spec.limits,
            answer_file=str(spec.workdir / ANSWER),
            tests_file=str(spec.workdir / TESTS),
            code_file=spec.code,
            dump_fd=os.dup(2),  # the log, even while pytest captures fd 2
        )
        pytest.main(pytest_args(), plugins=[plugin])
        writer.emit(Done())
    except BaseException:  # noqa: BLE001 - report through the log, then exit
        code = 70
        try:
            import traceback

            traceback.print_exc()
        except BaseException:  # noqa: BLE001, S110 - nothing is left to report it to
            pass
    os._exit(code)
