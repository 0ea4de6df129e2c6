"""Autosave: the recorder's record written to disk, atomically, often enough to lose seconds at most.

A save has three steps, so the slow one can leave the app's event loop:

1. ``Autosaver.begin()`` (on the loop, cheap): decides nothing, copies the
   record (``store.snapshot``: the event lists, not the events) and notes
   how many changes the copy holds;
2. ``PendingSave.write()`` (anywhere, e.g. a worker thread): dumps the copy
   (``store.dumps``: only what changed since the last save is dumped anew),
   writes it atomically, and, when the file's history line may have changed
   (its status, a round ended, results of an ended round) or the save was
   forced (quitting, a round boundary), updates it in the history index
   (``history.remember``) so listings need not re-read it, and adds the
   attempts of rounds that ended to the practice schedule
   (``practice.note``). Typing alone never
   changes the line, and rewriting a 10,000-entry index at every beat would
   cost more than the save itself;
3. ``Autosaver.finish()`` (on the loop): marks those changes saved, or
   records the failure, and returns the notice to show, if any.

``Autosaver.due()`` says whether a save is wanted: the record changed and
either the change was urgent (a run, a submission, a hint, a clarification, a
pause, a round boundary), ``interval`` seconds passed since the last write, or
the caller forces it (quitting, a round change). A failed write (read-only
folder, full disk) keeps the record in memory, is retried every ``retry``
seconds, and produces exactly one notice per streak of failures, plus one when
saving works again.

``save_if_due()`` runs the three steps in a row (headless use, tests).
``BackgroundSaver`` is what the app uses: the write runs in a thread
(``asyncio.to_thread``), one save at a time; requests that arrive while one is
in flight are coalesced into a single further save, and ``flush()`` waits
until nothing is left to write (the app awaits it before exiting).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.core import store
from tui.core.messages import t
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder

#: Seconds between saves while the answers keep changing.
SAVE_INTERVAL = 3.0
#: Seconds between two attempts after a failed save.
RETRY_INTERVAL = 5.0


@dataclass(frozen=True, slots=True)
class SaveNotice:
    """Something to tell the candidate, once: saving failed, or works again."""

    message: str
    severity: Literal["error", "information"]


def session_file(record_id: str, folder: Path | None = None) -> Path:
    from tui.core.locations import sessions_dir

    return (folder or sessions_dir(create=False)) / f"{record_id}.toml"


def line_key(record: SessionRecord) -> tuple[object, ...]:
    """What the file's history line depends on (cheap): its lifecycle and the rounds that ended.

    A round still being answered has no verdict yet, so typing in it never
    changes the line; the index is then updated only when this key changes.
    """
    ended = tuple((r.index, r.end, len(r.events)) for r in record.rounds if r.ended)
    return (record.status, record.position, ended)


@dataclass(frozen=True, slots=True)
class PendingSave:
    """A copy of the record to write, and how many of the recorder's changes it holds."""

    record: SessionRecord
    path: Path
    changes: int
    started: float  # the autosaver's clock when the copy was taken
    line: tuple[object, ...] | None = None  # the history line's key, when the index needs updating

    def write(self) -> int:
        """Dump and write the copy, then refresh its history line if it changed; returns the file's size.

        Safe in a worker thread: it touches only the copy (and the TOML kept
        for it, one save at a time). Raises ``OSError`` when the file cannot
        be written; a history index that cannot be updated is not a failed
        save (the index is a cache).
        """
        size = store.save(self.record, self.path)
        if self.line is not None:
            from tui.core import practice
            from tui.core.history import remember

            entry = remember(self.path, self.record)
            if entry is not None and entry.practice:
                practice.note(entry)  # a finished attempt moves its question in the schedule
        return size


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
        self._saved_upto = clock()  # when what is on disk was taken (creation: nothing to lose yet)
        self._next_retry = -float("inf")
        self._line: tuple[object, ...] | None = None  # the history line's key as last written to the index

    def due(self, *, force: bool = False) -> bool:
        recorder = self.recorder
        if not recorder.dirty:
            return False
        now = self.clock()
        if self.failing and now < self._next_retry and not force:
            return False
        return force or recorder.urgent or self.failing or now - self._last_save >= self.interval

    def begin(self, *, force: bool = False) -> PendingSave:
        record = self.recorder.record
        key = line_key(record)
        line = key if force or key != self._line else None
        return PendingSave(store.snapshot(record), self.path, self.recorder.changes, self.clock(), line)

    def finish(self, pending: PendingSave, error: BaseException | None = None) -> SaveNotice | None:
        if error is not None:
            self._next_retry = pending.started + self.retry
            if isinstance(error, OSError):
                self.last_error = error.strerror or str(error)
            else:  # a bug, not the disk: still say so rather than fail silently
                self.last_error = f"{type(error).__name__}: {error}"
            if self.failing:
                return None
            self.failing = True
            return SaveNotice(t("autosave.failing", path=self.path, error=self.last_error), "error")
        self.recorder.mark_saved(pending.changes)
        self._last_save = self._saved_upto = pending.started
        if pending.line is not None:
            self._line = pending.line
        self.saves += 1
        if self.failing:
            self.failing = False
            return SaveNotice(t("autosave.saved_again", name=self.path.name), "information")
        return None

    @property
    def unsaved(self) -> bool:
        """Saving fails and there are changes not on disk: quitting now would lose them."""
        return self.failing and self.recorder.dirty

    def unsaved_seconds(self) -> float:
        """How much of the session (in seconds of this clock) is not on disk: since the last copy that was saved."""
        return max(0.0, self.clock() - self._saved_upto) if self.recorder.dirty else 0.0

    def save_if_due(self, *, force: bool = False) -> SaveNotice | None:
        """Save now, on the caller's thread, if a save is due."""
        if not self.due(force=force):
            return None
        pending = self.begin(force=force)
        try:
            pending.write()
        except OSError as exc:
            return self.finish(pending, exc)
        return self.finish(pending)


class BackgroundSaver:
    """Saves off the event loop: one write in flight at a time, later requests coalesced.

    ``request()`` is called on the loop (cheap: it only decides and, when a
    save starts, copies the record). While a save is in flight, requests are
    remembered (per autosaver, keeping ``force``) and served by one further
    save when it ends. ``notify`` receives each ``SaveNotice`` on the loop.
    """

    def __init__(self, notify: Callable[[SaveNotice], None]) -> None:
        self._notify = notify
        self._task: asyncio.Task[None] | None = None
        self._waiting: dict[int, tuple[Autosaver, bool]] = {}

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def request(self, autosaver: Autosaver, *, force: bool = False) -> None:
        if self.busy:
            previous = self._waiting.get(id(autosaver))
            self._waiting[id(autosaver)] = (autosaver, force or (previous is not None and previous[1]))
            return
        if autosaver.due(force=force):
            self._task = asyncio.get_running_loop().create_task(self._run(autosaver.begin(force=force), autosaver))

    async def _run(self, pending: PendingSave, autosaver: Autosaver) -> None:
        while True:
            error: BaseException | None = None
            try:
                await asyncio.to_thread(pending.write)
            except Exception as exc:  # noqa: BLE001 - reported as a failed save, retried
                error = exc
            notice = autosaver.finish(pending, error)
            if notice is not None:
                self._notify(notice)
            nxt = self._next()
            if nxt is None:
                return
            autosaver, pending = nxt

    def _next(self) -> tuple[Autosaver, PendingSave] | None:
        while self._waiting:
            key = next(iter(self._waiting))
            autosaver, force = self._waiting.pop(key)
            if autosaver.due(force=force):
                return autosaver, autosaver.begin(force=force)
        return None

    async def flush(self) -> None:
        """Wait until the save in flight, and any it has queued, are written."""
        while self._task is not None:
            task = self._task
            await asyncio.wait({task})  # never raises: a save's failure is a notice, not an exception
            if self._task is task:
                self._task = None
