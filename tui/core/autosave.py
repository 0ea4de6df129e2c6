"""Autosave: the recorder's record written to disk, atomically, often enough to lose seconds at most.

``Autosaver.save_if_due()`` is called by the app after every observation. It
writes when the record changed and either the change was urgent (a run, a
submission, a hint, a clarification, a round boundary), ``interval`` seconds
passed since the last write, or the caller forces it (quitting, a round
change). A failed write (read-only folder, full disk) keeps the record in
memory, is retried every ``retry`` seconds, and produces exactly one notice
per streak of failures, plus one when saving works again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.core import store
from tui.core.recording import Recorder

#: Seconds between saves while the answers keep changing.
SAVE_INTERVAL = 3.0
#: Seconds between two attempts after a failed save.
RETRY_INTERVAL = 5.0


@dataclass(frozen=True, slots=True)
class SaveNotice:
    """Something to tell the candidate, once: saving failed, or works again."""

    message: str
    severity: str  # "error" or "information"


def session_file(record_id: str, folder: Path | None = None) -> Path:
    from tui.core.locations import sessions_dir

    return (folder or sessions_dir()) / f"{record_id}.toml"


class Autosaver:
    def __init__(
        self,
        recorder: Recorder,
        path: Path,
        *,
        interval: float = SAVE_INTERVAL,
        retry: float = RETRY_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.recorder = recorder
        self.path = path
        self.interval = interval
        self.retry = retry
        self.clock = clock
        self.failing = False
        self.saves = 0
        self.last_error = ""
        self._last_save = -float("inf")
        self._next_retry = -float("inf")

    def save_if_due(self, *, force: bool = False) -> SaveNotice | None:
        recorder = self.recorder
        if not recorder.dirty:
            return None
        now = self.clock()
        if self.failing and now < self._next_retry and not force:
            return None
        if not (force or recorder.urgent or self.failing or now - self._last_save >= self.interval):
            return None
        try:
            store.save(recorder.record, self.path)
        except OSError as exc:
            self._next_retry = now + self.retry
            self.last_error = exc.strerror or str(exc)
            if self.failing:
                return None
            self.failing = True
            return SaveNotice(
                f"Could not save the session to {self.path} ({self.last_error}). Your answers are safe in "
                "memory and saving is retried every few seconds.",
                "error",
            )
        recorder.mark_saved()
        self._last_save = now
        self.saves += 1
        if self.failing:
            self.failing = False
            return SaveNotice(f"The session is saved again ({self.path.name}).", "information")
        return None
