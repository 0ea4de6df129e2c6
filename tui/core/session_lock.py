"""One writer per session file: a lock held by the mockloop that records the session.

Two mockloops resuming the same session used to both write it, each save
replacing the other's, so one candidate's typing was lost. Now the keeper of
a session holds ``sessions/.locks/<file>.lock`` (``filelock``: ``flock`` on
POSIX), with its pid written inside for the message. The kernel drops the
lock when its process ends, however it ends (``kill -9`` included), so a
stale lock never blocks a resume; the file itself may stay behind, harmless
(listings skip dot folders).

``SessionLock.acquire`` raises ``SessionLocked`` (one sentence, naming the
file and the other pid, and saying it can be replayed read-only) when
another mockloop holds it. A folder where no lock can be made (read-only, no
``flock``) does not stop the interview: it goes on unlocked, as before.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from tui.core.messages import t

LOCKS_FOLDER = ".locks"

#: The locks this process holds, by session file (so a probe does not mistake them for another mockloop's).
_HELD: dict[Path, SessionLock] = {}


class SessionLocked(Exception):
    """Another mockloop is writing this session; ``str()`` is one sentence."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        who = t("home.resume.another_pid", pid=pid) if pid else t("home.resume.another")
        super().__init__(t("lock.open_elsewhere", name=path.name, who=who))


def lock_path(path: Path) -> Path:
    return path.parent / LOCKS_FOLDER / f"{path.name}.lock"


def _write_pid(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


def _read_pid(path: Path) -> int | None:
    try:
        text = lock_path(path).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


class SessionLock:
    """The lock on one session file, held from ``acquire`` to ``release``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock: FileLock | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> None:
        """Take the lock (at once, never waiting); ``SessionLocked`` when another mockloop has it."""
        if self._lock is not None:
            return
        target = lock_path(self.path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(target, timeout=0, on_acquired=_write_pid)
            lock.acquire()
        except Timeout:
            raise SessionLocked(self.path, _read_pid(self.path)) from None
        except OSError:
            return  # no lock can be made here: go on unlocked (the folder is read-only, or has no flock)
        self._lock = lock
        _HELD[self.path.resolve()] = self

    def release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            _HELD.pop(self.path.resolve(), None)
            with contextlib.suppress(OSError):
                lock.release()


def other_holder(path: Path) -> int | None:
    """The pid of another mockloop writing ``path`` (0 when its pid is unknown), or None when none is."""
    if Path(path).resolve() in _HELD:
        return None
    probe = SessionLock(path)
    try:
        probe.acquire()
    except SessionLocked as locked:
        return locked.pid or 0
    probe.release()
    return None
