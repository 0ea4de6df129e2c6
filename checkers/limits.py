"""Resource limits for the process that runs an answer, and the budgets around it.

An answer's accident must end in a status, not in a frozen app or machine:
an infinite loop, a 10 GB allocation, 50 MB of output, a fork loop. Each
limit here turns one of those into something the checker can report:

- ``RLIMIT_AS`` (address space) makes a huge allocation raise ``MemoryError``
  in the answer instead of swapping the machine;
- ``RLIMIT_FSIZE`` caps every file the answer writes, including pytest's
  capture file for its stdout/stderr, with ``SIGXFSZ`` ignored so an
  oversized write fails with ``EFBIG`` (reported as ``output_limit``)
  instead of killing the process;
- ``RLIMIT_CPU`` is a backstop for a loop that no Python signal can
  interrupt (a long C call), should the wall-clock watchdog be gone too.
  Only its soft limit moves (``set_cpu_budget``): an unprivileged process
  can raise a soft limit again but never a hard one, and the budget grows
  once the tests of a job are known. The hard limit stays ``CPU_HARD_EXTRA``
  above the first budget;
- ``RLIMIT_CORE`` 0: a crash leaves no core file behind;
- the number of processes: ``RLIMIT_NPROC`` counts every process of the
  *user* and is ignored for root, so as root the checker uses a cgroup-v1
  ``pids`` group per run when it can create one (``PidsCgroup``); as a normal
  user it sets ``RLIMIT_NPROC`` to what the user already runs plus a margin.

These limits protect against accidents; they are not a security sandbox
(see docs/checkers.md).
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import resource
import signal
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["Limits", "PidsCgroup", "apply_rlimits", "set_cpu_budget"]

GiB = 1 << 30
MiB = 1 << 20
#: How far above the first CPU budget the hard limit (SIGKILL) sits; budgets move the soft limit (SIGXCPU).
CPU_HARD_EXTRA = 600


@dataclass(frozen=True, slots=True)
class Limits:
    """Every limit and budget of a checker run, in bytes and seconds.

    ``grace`` is how long past a test's own time limit the wall-clock
    watchdog waits before it kills the process (pytest-timeout should have
    stopped the test by then; the grace also covers fixtures and reporting).
    ``startup`` bounds the checker's own work before the answer is imported,
    ``between`` the work between two tests, ``import_timeout`` (default: the
    suite's per-test timeout) the import of the answer.
    """

    memory: int = 2 * GiB
    output: int = 16 * MiB
    processes: int = 64
    open_files: int = 256
    cpu_margin: float = 10.0
    grace: float = 1.5
    startup: float = 20.0
    between: float = 10.0
    import_timeout: float | None = None
    read_cap: int = 32 * MiB
    source: int = 1 * MiB  # the largest answer the checker takes

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Limits:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def _set_limit(which: int, soft: int, hard: int | None = None) -> None:
    """Lower a limit; never try to raise it above the current hard limit."""
    _, current_hard = resource.getrlimit(which)
    hard = soft if hard is None else hard
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def set_cpu_budget(seconds: float) -> None:
    """Allow ``seconds`` more CPU time from now (SIGXCPU, which ends the process, when it is used up).

    Only the soft limit changes, so a later, larger budget can take effect;
    the first call of a process also sets the hard limit, ``CPU_HARD_EXTRA``
    seconds above.
    """
    soft = math.ceil(_cpu_used() + seconds)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY:
        hard = soft + CPU_HARD_EXTRA
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    else:
        resource.setrlimit(resource.RLIMIT_CPU, (min(soft, hard), hard))


def apply_rlimits(limits: Limits, *, cpu_seconds: float, cgroup_active: bool) -> None:
    """Apply the limits to the calling process (the forked test process)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _set_limit(resource.RLIMIT_CORE, 0)
    _set_limit(resource.RLIMIT_AS, limits.memory)
    _set_limit(resource.RLIMIT_FSIZE, limits.output)
    _set_limit(resource.RLIMIT_NOFILE, limits.open_files)
    set_cpu_budget(cpu_seconds)
    if not cgroup_active and os.geteuid() != 0:
        # Per-user count: allow what the user already runs plus the margin.
        _set_limit(resource.RLIMIT_NPROC, _user_tasks() + limits.processes)


def _user_tasks() -> int:
    """Tasks (threads included, as RLIMIT_NPROC counts them) of the real user."""
    uid = os.getuid()
    total = 0
    try:
        entries = os.scandir("/proc")
    except OSError:
        return 1024
    with entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                if entry.stat().st_uid != uid:
                    continue
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
                total += int(stat.rsplit(b")", 1)[1].split()[17])
            except (OSError, ValueError, IndexError):
                continue
    return total


class PidsCgroup:
    """A cgroup-v1 ``pids`` group that caps how many tasks one test process tree may have.

    Root ignores ``RLIMIT_NPROC``, so as root this is what stops a fork loop.
    The server creates one parent folder for itself and one child per test
    process; the test process moves itself in before running any answer
    code, and the checker kills whatever is still listed in it at the end
    (which also finds processes that left the process group with setsid).
    """

    ROOT = Path("/sys/fs/cgroup/pids")

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def parent_for_server(cls, pid: int) -> PidsCgroup | None:
        """The server's parent group, or None when cgroups are not usable here."""
        if os.geteuid() != 0 or not (cls.ROOT / "cgroup.procs").exists():
            return None
        path = cls.ROOT / f"mockloop-checker-{pid}"
        try:
            path.mkdir(exist_ok=True)
        except OSError:
            return None
        return cls(path)

    def child(self, name: str, max_tasks: int) -> PidsCgroup | None:
        path = self.path / name
        try:
            path.mkdir()
            (path / "pids.max").write_text(str(max_tasks))
        except OSError:
            with contextlib.suppress(OSError):
                path.rmdir()
            return None
        return PidsCgroup(path)

    def enter(self) -> bool:
        """Move the calling process into this group."""
        try:
            with open(self.path / "cgroup.procs", "w") as f:
                f.write(str(os.getpid()))
            return True
        except OSError:
            return False

    def pids(self) -> list[int]:
        try:
            text = (self.path / "cgroup.procs").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def kill_all(self) -> None:
        """SIGKILL every process in the group (one pass; call until ``pids()`` is empty)."""
        for pid in self.pids():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)

    def remove(self) -> bool:
        """Remove the (empty) group, and its empty children first."""
        try:
            for child in self.path.iterdir():
                if child.is_dir():
                    with contextlib.suppress(OSError):
                        child.rmdir()
            self.path.rmdir()
            return True
        except FileNotFoundError:
            return True
        except OSError as exc:
            return exc.errno == errno.ENOENT
