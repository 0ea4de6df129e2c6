"""The middle process of ``server → supervisor → test process``: the double fork.

The test process runs the answer, and an answer can kill its parent
(``os.kill(os.getppid(), SIGKILL)``). Its parent is this supervisor, never
the server, so the server survives and notices. The supervisor:

- dies with the server (``PR_SET_PDEATHSIG``), and the test process dies with it;
- adopts everything the answer forks and orphans (a child subreaper);
- waits for the test process, then kills its whole process group, its
  cgroup (which also holds processes that escaped the group with setsid),
  and every adopted orphan, and reaps them all;
- only then reports the test process's pid and exit status to the server on
  a pipe of its own: ``pid N`` right after the fork, ``exit N`` or
  ``signal N`` at the end. EOF without an end line means the supervisor
  itself was killed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import replace
from typing import NoReturn

from checkers.limits import PidsCgroup
from checkers.process import kill_group, reap_children, set_child_subreaper, set_parent_death_signal
from checkers.worker import WorkerSpec, run_worker

__all__ = ["supervise"]


def _write(fd: int, text: str) -> None:
    with contextlib.suppress(OSError):
        os.write(fd, text.encode())


def _close_all_but(keep: set[int]) -> None:
    low = 0
    for fd in sorted(keep):
        if fd > low:
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 20)


def supervise(spec: WorkerSpec, status_fd: int, server_pid: int) -> NoReturn:
    """The supervisor's whole life (called in the child of ``os.fork``)."""
    try:
        set_parent_death_signal(signal.SIGKILL)
        if os.getppid() != server_pid:
            os._exit(1)
        set_child_subreaper()
        signal.set_wakeup_fd(-1)  # the server's wake-up pipe is not ours to write to
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        # Do not hold the client's pipes (the server's stdin/stdout).
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        _close_all_but({0, 1, 2, spec.event_fd, spec.job_fd, status_fd})
        spec = replace(spec, supervisor=os.getpid())

        worker = os.fork()
        if worker == 0:
            os.close(status_fd)
            run_worker(spec)
        os.close(spec.event_fd)
        os.close(spec.job_fd)
        _write(status_fd, f"pid {worker}\n")

        os.waitid(os.P_PID, worker, os.WEXITED | os.WNOWAIT)
        # The test process is a zombie: its pid, and so its group id, cannot be reused yet.
        kill_group(worker)
        cgroup = PidsCgroup(spec.cgroup) if spec.cgroup is not None else None
        if cgroup is not None:
            cgroup.kill_all()
        _, status = os.waitpid(worker, 0)
        reap_children(kill=True)
        if cgroup is not None:
            deadline = time.monotonic() + 5.0
            while cgroup.pids() and time.monotonic() < deadline:
                cgroup.kill_all()
                reap_children(kill=True, timeout=0.05)
                time.sleep(0.001)
        if os.WIFSIGNALED(status):
            _write(status_fd, f"signal {os.WTERMSIG(status)}\n")
        else:
            _write(status_fd, f"exit {os.waitstatus_to_exitcode(status)}\n")
    except BaseException:  # noqa: BLE001, S110 - a supervisor never raises into the server's code
        pass
    os._exit(0)
