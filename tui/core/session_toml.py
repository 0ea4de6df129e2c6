"""Writing a session file fast: the TOML of what never changes is made once and kept.

A session file is mostly events, and events never change once recorded; a
round's questions never change either. Dumping the whole record with tomli-w
at every save made a 60-minute round cost ~60 ms a save and a 1 MiB answer
~250 ms per copy of it. ``SessionToml`` keeps, per round, the TOML of each
event already written and of the round's questions, so a save dumps only the
few scalars that move (status, times) and the events recorded since the last
save. The pieces are tomli-w's own output, assembled in the order tomli-w
would write them; ``tests/test_sessions_store.py`` checks that the assembled
file parses to exactly what ``tomli_w.dumps`` of the whole record gives.

Long strings (an answer's snapshot, a pasted edit) are the one thing not
left to tomli-w, whose string escaper is pure Python (~250 ms per MiB):
``toml_string`` writes them as a TOML basic string with ``json.dumps``'s C
escaper, which escapes exactly what TOML requires except DEL (added). It is
checked against ``tomllib`` over every code point.

One ``SessionToml`` belongs to one record and is shared by its snapshots
(``store.snapshot``): only one save runs at a time (``autosave``), so only
one thread ever appends to it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import tomli_w

from tui.core.events import Edit, Event, Snapshot

#: Strings longer than this are escaped with ``json.dumps`` (C) rather than tomli-w (Python).
LONG_STRING = 4096


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (one line: newlines are escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _dump(table: dict[str, Any]) -> str:
    return tomli_w.dumps(table, multiline_strings=True)


def _without_header(text: str) -> str:
    """tomli-w's output for ``{"rounds": [x]}`` without its leading ``[[rounds]]`` line."""
    return text.removeprefix("[[rounds]]\n")


#: A table tomli-w never writes inline: dumped after an event, it makes tomli-w write the event as a
#: ``[[rounds.events]]`` table, as it does in a whole file (where some event is always too long to inline).
_NOT_INLINE = {"x": "x" * 120}
_EVENT_HEADER = "\n[[rounds.events]]\n"


def _events_chunk(tables: list[dict[str, Any]]) -> str:
    """``[[rounds.events]]`` entries with their keys and sub-tables, as tomli-w writes them in a whole file."""
    text = _without_header(_dump({"rounds": [{"events": [*tables, _NOT_INLINE]}]}))
    return text.rpartition(_EVENT_HEADER)[0]  # the filler comes last: cut there


def _long_key(event: Event) -> str:
    if isinstance(event, Snapshot) and len(event.text) > LONG_STRING:
        return "text"
    if isinstance(event, Edit) and len(event.ins) > LONG_STRING:
        return "ins"
    return ""


def events_toml(events: list[Event], table: Callable[[Event], dict[str, Any]]) -> str:
    """The ``[[rounds.events]]`` entries of ``events``: one tomli-w call for the plain ones in a row, and
    the long string of a snapshot or an edit (always its kind's last key) escaped by ``toml_string``."""
    chunks: list[str] = []
    plain: list[dict[str, Any]] = []
    for event in events:
        data = table(event)
        key = _long_key(event)
        if not key:
            plain.append(data)
            continue
        if plain:
            chunks.append(_events_chunk(plain))
            plain = []
        rest = {k: v for k, v in data.items() if k != key}
        chunks.append(f"{_events_chunk([rest])}{key} = {toml_string(data[key])}\n")
    if plain:
        chunks.append(_events_chunk(plain))
    return "".join(chunks)


@dataclass(slots=True)
class _RoundPieces:
    events: list[Event] = field(default_factory=list)  # the events whose TOML is kept, in order
    fragments: list[str] = field(default_factory=list)  # their TOML, one piece per save that added some
    body_of: object = None  # the questions tuple the body was made from
    body: str = ""


class SessionToml:
    """The TOML already made for one record's rounds; ``dumps`` reuses it."""

    def __init__(self) -> None:
        self._rounds: dict[int, _RoundPieces] = {}
        self._lock = threading.Lock()  # one save at a time already; this keeps a stray second caller safe

    def round_toml(
        self,
        index: int,
        scalars: dict[str, Any],
        body: Callable[[], dict[str, Any]],
        questions: object,
        events: list[Event],
        table: Callable[[Event], dict[str, Any]],
    ) -> str:
        """``[[rounds]]``, its scalars, its title and questions (kept), then its events (kept, plus the new)."""
        with self._lock:
            pieces = self._rounds.setdefault(index, _RoundPieces())
            if pieces.body_of is not questions:
                pieces.body, pieces.body_of = _without_header(_dump({"rounds": [body()]})), questions
            kept = len(pieces.events)
            if kept > len(events) or (kept and pieces.events[kept - 1] is not events[kept - 1]):
                pieces.events, pieces.fragments, kept = [], [], 0  # not the same timeline: start again
            if len(events) > kept:
                new = events[kept:]
                pieces.fragments.append(events_toml(new, table))
                pieces.events.extend(new)
            if not events:  # tomli-w writes an empty list among the scalars
                scalars = {**scalars, "events": []}
            return "".join(["[[rounds]]\n", _dump(scalars), pieces.body, *pieces.fragments])

    def document(self, top: dict[str, Any], rounds: list[str]) -> str:
        """The whole file: the top-level keys and title, then every round."""
        return "\n".join([_dump(top), *rounds])
