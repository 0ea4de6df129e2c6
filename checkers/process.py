"""Small Linux process helpers: parent-death signals, subreapers, killing a tree.

The checker's process tree is ``server → supervisor → test process``. These
helpers let each level clean up after the one below it even when that one
misbehaves: the test process dies with its supervisor (``PR_SET_PDEATHSIG``),
the supervisor adopts whatever the answer forked and orphaned
(``PR_SET_CHILD_SUBREAPER``), and ``kill_tree`` kills a process group plus
every descendant it can still find.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
from collections.abc import Iterable

__all__ = [
    "child_pids",
    "kill_group",
    "reap_children",
    "set_child_subreaper",
    "set_parent_death_signal",
]

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36

try:
    _libc: ctypes.CDLL | None = ctypes.CDLL(None, use_errno=True)
except OSError:  # pragma: no cover - not Linux/glibc
    _libc = None


def _prctl(option: int, value: int) -> bool:
    if _libc is None:
        return False
    return bool(_libc.prctl(option, value, 0, 0, 0) == 0)


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Have the kernel send ``sig`` to the caller when its parent dies."""
    return _prctl(_PR_SET_PDEATHSIG, int(sig))


def set_child_subreaper() -> bool:
    """Adopt orphaned descendants (instead of init), so they can be found and killed."""
    return _prctl(_PR_SET_CHILD_SUBREAPER, 1)


def kill_group(pgid: int, sig: int = signal.SIGKILL) -> None:
    """Signal a whole process group, ignoring a group that is already gone."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def child_pids(pid: int | None = None) -> list[int]:
    """Direct children of ``pid`` (default: the caller), from /proc."""
    pid = os.getpid() if pid is None else pid
    children: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return children
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                children.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return children


def group_members(pgid: int) -> list[int]:
    """Every process in process group ``pgid``, from /proc (orphans included)."""
    members: list[int] = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat.rsplit(b")", 1)[-1].split()  # after "pid (comm)", which may hold spaces
        if len(fields) > 2 and fields[2] == str(pgid).encode():
            members.append(int(entry))
    return members


def end_strays(*, timeout: float = 2.0) -> None:
    """Kill every other process of the caller's process group, and reap its children.

    The test process calls this after a test that forked: whatever the answer
    left running (a fork bomb's copies, a sleeping child) must not eat the CPU
    the next test is timed on. Processes killed while they fork leave new
    copies behind, so this loops until the group holds only the caller.
    """
    me = os.getpid()
    pgid = os.getpgid(0)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        others = [pid for pid in group_members(pgid) if pid != me]
        if not others:
            break
        _kill_all(others)
        _reap_ready()
    _reap_ready()


def _reap_ready() -> None:
    """Collect the caller's exited children without waiting."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _kill_all(pids: Iterable[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def reap_children(*, kill: bool = True, timeout: float = 5.0) -> None:
    """Kill (optionally) and reap every child of the caller until none is left.

    Killing a child re-parents its own children to us (we are a subreaper),
    so this loops until ``waitpid`` reports no children or ``timeout``.
    """
    deadline = time.monotonic() + timeout
    while True:
        if kill:
            _kill_all(child_pids())
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                return
            time.sleep(0.001)
