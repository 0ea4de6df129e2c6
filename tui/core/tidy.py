"""Tidying the sessions folder: delete one session, or prune the old ones.

Used by the History screen (delete, after a confirmation) and by ``mockloop
history --delete ID`` / ``--prune --older-than DAYS``. A session another
mockloop is writing is never deleted (``SessionLocked``, one sentence); a
prune also keeps sessions still in progress (they may be resumed) and files
it cannot read (their age is unknown), and says how many it kept and why.
Deleting removes the file, its lock file and its line in the history index.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tui.core.history import HistoryEntry, forget, list_sessions
from tui.core.messages import plural, t
from tui.core.session_lock import SessionLock, lock_path


class NoSuchSession(LookupError):
    """``str()`` is one sentence."""

    def __init__(self, session_id: str) -> None:
        super().__init__(t("tidy.no_such", id=session_id))

    def __str__(self) -> str:
        return str(self.args[0])


def delete_session(path: Path) -> None:
    """Delete the session at ``path``; ``SessionLocked`` while another mockloop writes it, ``OSError`` if it cannot."""
    lock = SessionLock(path)
    lock.acquire()  # raises SessionLocked: the other mockloop would only write it again
    try:
        path.unlink(missing_ok=True)
    finally:
        lock.release()
    with contextlib.suppress(OSError):
        lock_path(path).unlink(missing_ok=True)
    forget(path)


def find(session_id: str, folder: Path | None = None) -> HistoryEntry:
    """The session whose id (file name, with or without ``.toml``) is ``session_id``."""
    name = session_id if session_id.endswith(".toml") else f"{session_id}.toml"
    for entry in list_sessions(folder):
        if entry.name == name:
            return entry
    raise NoSuchSession(session_id)


@dataclass(frozen=True, slots=True)
class Pruned:
    deleted: tuple[str, ...]
    in_progress: int  # kept: they may be resumed
    open_elsewhere: int  # kept: another mockloop writes them
    unreadable: int  # kept: their age is unknown
    failed: int = 0  # could not be deleted (a read-only folder)

    def sentence(self, days: int) -> str:
        kept = [
            plural(f"tidy.kept.{why}", n)
            for n, why in (
                (self.in_progress, "in_progress"),
                (self.open_elsewhere, "open_elsewhere"),
                (self.unreadable, "unreadable"),
                (self.failed, "failed"),
            )
            if n
        ]
        head = t("tidy.deleted", sessions=plural("count.session", len(self.deleted)), days=plural("count.day", days))
        return head + (t("tidy.kept_list", kept=", ".join(kept)) if kept else ".")


def prune(days: int, folder: Path | None = None, *, now: dt.datetime | None = None) -> Pruned:
    """Delete the finished and abandoned sessions created more than ``days`` days before ``now``."""
    from tui.core.session_lock import SessionLocked

    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)
    deleted: list[str] = []
    in_progress = open_elsewhere = unreadable = failed = 0
    for entry in list_sessions(folder):
        if entry.status == "unreadable":
            unreadable += 1
            continue
        created = dt.datetime.strptime(entry.created, "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)
        if created >= cutoff:
            continue
        if entry.status == "in_progress":
            in_progress += 1
            continue
        try:
            delete_session(entry.path)
        except SessionLocked:
            open_elsewhere += 1
            continue
        except OSError:
            failed += 1
            continue
        deleted.append(entry.id)
    return Pruned(tuple(deleted), in_progress, open_elsewhere, unreadable, failed)
