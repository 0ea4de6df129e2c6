"""The list of past sessions, newest first, kept quick with a small index file.

``sessions/index.json`` maps each session file's name to its size, its
modification time (ns), the one-line summary history shows, and the facts
of its ended rounds that Progress and the practice schedule read
(``tui.core.progress_facts``: bands, times, tests, hints, danger zones), so
neither ever re-reads a session file. Listing scans
the folder (``os.scandir``: names and stats, no reads), reuses every entry
whose size and mtime match, and parses only files that are new or changed;
entries of deleted files are dropped. A missing, unreadable or older index is
simply rebuilt. The autosave keeps it fresh: after each save, ``remember``
writes that file's line (from the record in hand, no re-read), so a listing
re-reads only files written by something else. The index is a cache, never the
truth: deleting it is always safe, and it is written atomically (a crash
leaves the old one or the new one).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from strict_toml import TomlFileError, read_regular
from tui.core.atomic import write_atomically
from tui.core.messages import has, language, t
from tui.core.progress_facts import RoundFacts, facts_of
from tui.core.record import SessionRecord
from tui.core.store import SessionFileError, load

INDEX_NAME = "index.json"
INDEX_VERSION = 3  # 2: entries name their rounds (history filters by round); 3: the facts of Progress
#: The largest index read (10,000 sessions make about 10 MB).
MAX_INDEX_BYTES = 64 * 1024 * 1024

#: One writer of an index at a time within this process (the autosave thread and a listing).
_INDEX_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    name: str  # the file's name in the sessions folder
    folder: str
    size: int
    mtime_ns: int
    created: str  # "YYYY-MM-DD HH:MM" (UTC), sorts as time
    mode: str
    title: str
    questions: tuple[str, ...]
    outcome: str
    status: str  # in_progress, finished, abandoned, unreadable
    resumable: bool
    rounds: tuple[str, ...] = ()  # the rounds' ids, in order
    facts: tuple[RoundFacts, ...] = ()  # the ended rounds, as Progress and the schedule need them

    @property
    def practice(self) -> tuple[RoundFacts, ...]:
        """The rounds that count as practice: those that ended, except in a session discarded (or unreadable)."""
        return self.facts if self.status in ("finished", "in_progress") else ()

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.name

    @property
    def id(self) -> str:
        """The session's id: its file's name without ``.toml`` (what ``mockloop history --delete`` takes)."""
        return self.name.removesuffix(".toml")

    def matches(self, words: str) -> bool:
        """Whether every word of ``words`` names this entry's mode, a round, a question, or its status."""
        said = [t(key) for key in (f"history.mode.{self.mode}", f"session_status.{self.status}") if has(key)]
        haystack = " ".join(
            (self.mode, self.status, *said, self.title, self.name, *self.rounds, *self.questions)
        ).lower()
        return all(word in haystack for word in words.lower().split())

    def line(self) -> str:
        questions = ", ".join(self.questions)
        if len(questions) > 60:
            questions = questions[:59] + "…"
        mode = t(f"history.mode.{self.mode}") if has(f"history.mode.{self.mode}") else self.mode
        return f"{self.created}  {mode:<8}  {questions:<60}  {self.outcome}"


def summarize(path: Path, size: int, mtime_ns: int) -> HistoryEntry:
    """Read one session file into its history line (an unreadable file gets a line saying so)."""
    try:
        record = load(path)
    except SessionFileError as exc:
        return HistoryEntry(
            path.name,
            str(path.parent),
            size,
            mtime_ns,
            "????-??-?? ??:??",
            "?",
            "",
            (),
            t("history.unreadable", name=path.name, problem=exc.problem),
            "unreadable",
            False,
        )
    return entry_of(record, path, size, mtime_ns)


def entry_of(record: SessionRecord, path: Path, size: int, mtime_ns: int) -> HistoryEntry:
    """The history line of ``record``, saved at ``path`` with that size and modification time."""
    from tui.core.report import build_report, outcome_line

    report = build_report(record)
    return HistoryEntry(
        name=path.name,
        folder=str(path.parent),
        size=size,
        mtime_ns=mtime_ns,
        created=f"{record.created:%Y-%m-%d %H:%M}",
        mode=record.mode,
        title=record.title.get(language()),  # the index is kept per language (see list_sessions)
        questions=tuple(q.id for r in record.rounds for q in r.questions),
        outcome=outcome_line(report),
        status=record.status,
        resumable=record.resumable,
        rounds=tuple(r.id for r in record.rounds),
        facts=facts_of(record, report),
    )


def _read_index(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(read_regular(path, MAX_INDEX_BYTES, "a history index"))
    except (TomlFileError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or not isinstance(data.get("entries"), dict):
        return {}
    entries: dict[str, dict[str, Any]] = data["entries"]
    return entries


def _entry_from(cached: dict[str, Any], name: str, folder: Path) -> HistoryEntry | None:
    try:
        return HistoryEntry(
            name=name,
            folder=str(folder),
            size=int(cached["size"]),
            mtime_ns=int(cached["mtime_ns"]),
            created=str(cached["created"]),
            mode=str(cached["mode"]),
            title=str(cached["title"]),
            questions=tuple(str(q) for q in cached["questions"]),
            outcome=str(cached["outcome"]),
            status=str(cached["status"]),
            resumable=bool(cached["resumable"]),
            rounds=tuple(str(r) for r in cached["rounds"]),
            facts=tuple(RoundFacts.from_dict(f) for f in cached["facts"]),
        )
    except (KeyError, TypeError, ValueError):  # FactsError is a ValueError
        return None


def list_sessions(folder: Path | None = None, *, write_index: bool = True) -> list[HistoryEntry]:
    """Every session in ``folder`` (default: the sessions folder), newest first.

    No folder: no sessions. ``OSError`` when the folder cannot be listed (a
    file in its place, no permission): callers say so in one sentence.
    """
    if folder is None:
        from tui.core.locations import sessions_dir

        folder = sessions_dir(create=False)
    index_path = folder / INDEX_NAME
    cached = _read_index(index_path)
    entries: list[HistoryEntry] = []
    changed = False
    seen: set[str] = set()
    try:
        scan = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    for item in scan:
        name = item.name
        if name.startswith(".") or not name.endswith(".toml"):
            continue
        try:
            stat = item.stat()
        except OSError:
            continue
        seen.add(name)
        old = cached.get(name)
        entry = None
        if (
            isinstance(old, dict)
            and old.get("size") == stat.st_size
            and old.get("mtime_ns") == stat.st_mtime_ns
            and old.get("language", "en") == language()  # the outcome is words, in the language it was said in
        ):
            entry = _entry_from(old, name, folder)
        if entry is None:
            entry = summarize(Path(item.path), stat.st_size, stat.st_mtime_ns)
            changed = True
        entries.append(entry)
    if set(cached) - seen:
        changed = True
    if changed and write_index:
        # A file saved while this listing ran gets its old stat here: a cache miss next time, no more.
        with _INDEX_LOCK:
            _write_index(index_path, {e.name: _cached(e) for e in entries})
    entries.sort(key=lambda e: (e.status != "unreadable", e.created, e.name), reverse=True)  # unreadable last
    return entries


_CACHED_FIELDS = tuple(f.name for f in fields(HistoryEntry) if f.name not in ("name", "folder", "facts"))


def _cached(entry: HistoryEntry) -> dict[str, Any]:
    table: dict[str, Any] = {name: getattr(entry, name) for name in _CACHED_FIELDS}
    table["facts"] = [f.to_dict() for f in entry.facts]
    table["language"] = language()  # the outcome and title are words, in the language they were said in
    return table


def _write_index(index_path: Path, table: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):  # a read-only folder still lists; the index is only a cache
        write_atomically(index_path, json.dumps({"version": INDEX_VERSION, "entries": table}).encode())


def remember(path: Path, record: SessionRecord) -> HistoryEntry | None:
    """Put the line of ``record``, just saved at ``path``, in its folder's index (the autosave calls this).

    Cheap next to reading the file back: the line comes from the record in
    hand, and the size and modification time from one ``stat``. Then a listing
    finds the entry fresh and never re-reads the file. Other entries are kept
    as they are (a missing index gets this one entry; the next listing adds
    the rest). Never raises for the index: it is only a cache. Returns the line (None when the file is gone).
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    entry = entry_of(record, path, stat.st_size, stat.st_mtime_ns)
    index_path = path.parent / INDEX_NAME
    with _INDEX_LOCK:
        table = _read_index(index_path)
        table[path.name] = _cached(entry)
        _write_index(index_path, table)
    return entry


def forget(path: Path) -> None:
    """Drop the line of ``path`` (a deleted session) from its folder's index; never raises (a cache)."""
    index_path = path.parent / INDEX_NAME
    with _INDEX_LOCK:
        table = _read_index(index_path)
        if table.pop(path.name, None) is not None:
            _write_index(index_path, table)


def format_history(entries: list[HistoryEntry]) -> str:
    if not entries:
        return t("history.none") + "\n"
    return "".join(e.line().rstrip() + "\n" for e in entries)
