"""The app's one service for the session being interviewed: record it, save it, resume it.

``SessionKeeper`` pairs a ``Recorder`` with an ``Autosaver`` for one live
session. The app calls ``tick()`` once a second and after anything that
changed the session (a run's results arrived, a round changed); ``close()``
writes whatever is left when the app quits. The app itself records with
``observe()`` and hands the saving to ``autosave.BackgroundSaver`` (off the
event loop); ``tick()`` saves on the caller's thread. ``resume()`` builds a keeper for
a session restored from its file, writing back to that same file (it was read
successfully, so overwriting it loses nothing).
"""

from __future__ import annotations

from pathlib import Path

from question_bank import Bank
from tui.core.autosave import Autosaver, SaveNotice, session_file
from tui.core.clock import Clock
from tui.core.recording import Recorder, SessionRecord
from tui.core.session import Session


class SessionKeeper:
    def __init__(self, session: Session, record: SessionRecord | None = None, path: Path | None = None) -> None:
        self.session = session
        self.recorder = Recorder(session, record)
        self.autosaver = Autosaver(self.recorder, path or session_file(self.recorder.record.id))

    @property
    def path(self) -> Path:
        return self.autosaver.path

    @classmethod
    def resume(cls, path: Path, bank: Bank, clock: Clock) -> SessionKeeper:
        """Restore the session saved at ``path``; raises ``SessionFileError`` or ``ResumeError``."""
        from tui.core import store
        from tui.core.resume import restore

        record = store.load(path)
        session = restore(record, bank, clock)
        keeper = cls(session, record, path)
        keeper.recorder.note_resume()
        keeper.recorder.observe()
        return keeper

    def observe(self, *, force: bool = False) -> None:
        """Record what changed (``force``: flush pending edits too); the app then saves in the background."""
        self.recorder.observe(force_edits=force)

    def tick(self, *, force: bool = False) -> SaveNotice | None:
        """Record what changed and save now, on this thread, if due (headless use and tests)."""
        self.observe(force=force)
        return self.autosaver.save_if_due(force=force)

    def note_editor(self, round_index: int, question_index: int, *, changed: bool) -> None:
        self.recorder.note_editor(round_index, question_index, changed=changed)

    def close(self) -> SaveNotice | None:
        return self.tick(force=True)


def abandon(path: Path) -> None:
    """Mark a session the candidate chose not to resume, so it is not offered again."""
    from tui.core import store

    record = store.load(path)  # raises on a file it cannot read: it is then left untouched
    record.status = "abandoned"
    store.save(record, path)
    from tui.core.history import remember

    remember(path, record)
