"""The app's one service for the session being interviewed: record it, save it, resume it.

``SessionKeeper`` pairs a ``Recorder`` (the session's event sink) with an
``Autosaver`` for one live session. The app calls ``flush()`` once a second
and after anything that changed the session, then hands the saving to
``autosave.BackgroundSaver`` (off the event loop); ``tick()`` flushes and
saves on the caller's thread (headless use, tests) and ``close()`` writes
whatever is left. ``resume()`` builds a keeper for
a session restored from its file, writing back to that same file (it was read
successfully, so overwriting it loses nothing).

A keeper holds its file's lock (``tui.core.session_lock``) from its creation
to ``release()``: a second mockloop cannot resume (or discard) the session
meanwhile, and is told so in one sentence.
"""

from __future__ import annotations

from pathlib import Path

from question_bank import Bank
from tui.core.autosave import Autosaver, SaveNotice, session_file
from tui.core.clock import Clock
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.session import Session
from tui.core.session_lock import SessionLock


class SessionKeeper:
    def __init__(
        self,
        session: Session,
        record: SessionRecord | None = None,
        path: Path | None = None,
        *,
        lock: SessionLock | None = None,
    ) -> None:
        self.session = session
        self.recorder = Recorder(session, record)
        self.autosaver = Autosaver(self.recorder, path or session_file(self.recorder.record.id))
        self.lock = lock or SessionLock(self.path)
        self.lock.acquire()

    @property
    def path(self) -> Path:
        return self.autosaver.path

    @classmethod
    def resume(cls, path: Path, bank: Bank, clock: Clock) -> SessionKeeper:
        """Restore the session saved at ``path``; raises ``SessionLocked``, ``SessionFileError`` or ``ResumeError``."""
        from tui.core import store
        from tui.core.resume import restore

        lock = SessionLock(path)
        lock.acquire()  # before reading: what is read is then what this keeper continues
        try:
            record = store.load(path)
            session = restore(record, bank, clock)
        except BaseException:
            lock.release()
            raise
        return cls(session, record, path, lock=lock)  # the recorder takes the restored session's Resume event

    def flush(self, *, force: bool = False) -> None:
        """Write pending edits (all of them with ``force``) and the time used; the app then saves in the background."""
        self.recorder.flush(force=force)

    def tick(self, *, force: bool = False) -> SaveNotice | None:
        """Flush and save now, on this thread, if due (headless use and tests)."""
        self.flush(force=force)
        return self.autosaver.save_if_due(force=force)

    def close(self) -> SaveNotice | None:
        """Save what is left (on this thread) and let the file go."""
        notice = self.tick(force=True)
        self.release()
        return notice

    def release(self) -> None:
        """Let another mockloop open the session (after the last save)."""
        self.lock.release()


def abandon(path: Path) -> None:
    """Mark a session the candidate chose not to resume, so it is not offered again.

    Raises ``SessionLocked`` while another mockloop writes it, and
    ``SessionFileError`` for a file it cannot read (left untouched).
    """
    from tui.core import store
    from tui.core.history import remember

    lock = SessionLock(path)
    lock.acquire()
    try:
        record = store.load(path)
        record.status = "abandoned"
        store.save(record, path)
        remember(path, record)
    finally:
        lock.release()
