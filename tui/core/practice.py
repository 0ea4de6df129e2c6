"""What to drill next: the practice schedule kept in the data folder, in step with history.

The schedule (``tui.core.practice_schedule``: FSRS over attempts, bands
mapped to ratings) is derived data. Its file, ``schedule.json`` in the data
folder (``tui.core.locations.schedule_file``), saves replaying every attempt
each time Home opens; history (the index's facts, ``HistoryEntry.practice``)
stays the truth:

- ``load(entries)`` reads the file and brings it in step with history: the
  attempts it has not seen are added when they are all newer than its last
  review (the common case: an attempt just finished); otherwise (an older
  session appeared, a session was deleted or discarded) it is rebuilt. A
  missing file is rebuilt silently; a broken one is rebuilt too, and
  ``Practice.problem`` is the one sentence to show (a notification in the
  app, stderr for commands). Saved when it changed; a data folder that cannot
  be written keeps the schedule in memory only;
- ``note(entry)`` is the update after each finished attempt (the autosave
  calls it when a session's history line changes): the new attempts are added
  to a readable file; anything else waits for the next ``load``, which says
  what it found.

"Due today" is due by the end of the local day: a question scheduled for
tomorrow 09:00 is not due at 20:00 today; one scheduled for 21:00 is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.core.history import HistoryEntry
from tui.core.practice_schedule import PracticeAttempt, Schedule, ScheduleFileError

__all__ = ["Practice", "attempts_of", "due_today", "horizon", "load", "next_question", "note"]

#: One reader-writer of the file at a time within this process (the autosave thread and a screen).
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Practice:
    schedule: Schedule
    problem: str | None = None  # the file was broken (and rebuilt): one sentence to show


def attempts_of(entries: Iterable[HistoryEntry]) -> list[PracticeAttempt]:
    """Every banded question attempt of ``entries``, keyed by session, round and question."""
    return [
        PracticeAttempt(q.id, facts.at, q.band, tuple(zone for zone, _ in q.zones), f"{entry.id}/{facts.index}/{i}")
        for entry in entries
        for facts in entry.practice
        for i, q in enumerate(facts.questions)
        if q.band is not None
    ]


def _path(path: Path | None) -> Path:
    if path is not None:
        return path
    from tui.core.locations import schedule_file

    return schedule_file()


def _save(schedule: Schedule, path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only data folder: the schedule lives in memory this time
        schedule.save(path)


def load(entries: Iterable[HistoryEntry], path: Path | None = None) -> Practice:
    """The schedule in step with ``entries`` (all of history), saved when it changed."""
    path = _path(path)
    attempts = attempts_of(entries)
    with _LOCK:
        problem: str | None = None
        schedule: Schedule | None = None
        if path.exists() or path.is_symlink():
            try:
                schedule = Schedule.load(path)
            except ScheduleFileError as exc:
                problem = str(exc)
        changed: bool | None = None
        if schedule is not None and schedule.seen <= {a.key for a in attempts}:
            changed = schedule.catch_up(attempts)
        if schedule is None or changed is None:
            schedule, changed = Schedule.rebuild(attempts), True
        if changed:
            _save(schedule, path)
        return Practice(schedule, problem)


def note(entry: HistoryEntry, path: Path | None = None) -> None:
    """Add the attempts of ``entry`` (just saved) to a readable schedule; never raises (a cache)."""
    attempts = attempts_of([entry])
    if not attempts:
        return
    path = _path(path)
    with _LOCK:
        try:
            schedule = Schedule.load(path)
        except ScheduleFileError:
            return  # missing or broken: the next ``load`` rebuilds it (and says so when it was broken)
        if schedule.catch_up(attempts):
            _save(schedule, path)


def horizon(now: dt.datetime) -> dt.datetime:
    """The end of ``now``'s local day: what "due today" means."""
    local = now.astimezone()
    return local.replace(hour=23, minute=59, second=59, microsecond=999_999).astimezone(dt.UTC)


def due_today(schedule: Schedule, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
    """The questions due by the end of today, most overdue first."""
    return schedule.due(horizon(now))


def next_question(schedule: Schedule, now: dt.datetime, candidates: Iterable[str]) -> str | None:
    """The question to drill now: the most overdue one due today, else the first never tried, else None."""
    return schedule.next_question(horizon(now), candidates)
