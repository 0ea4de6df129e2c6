"""Session files: TOML written atomically, read strictly.

Writing: ``dumps`` turns a ``SessionRecord`` into TOML with tomli-w (``format``
first), reusing the TOML already made for its events and questions
(``tui.core.session_toml``: a save costs what changed, not the whole file);
``save`` refuses a file larger than ``MAX_FILE_BYTES`` (it could not be read
back) and writes it with ``tui.core.atomic.write_atomically``
(temporary file in the same folder, flush, fsync, ``os.replace``, fsync of the
folder), so a crash at any moment leaves either the old file or the new one,
never half of one. ``snapshot`` copies a record cheaply (the event lists, not
the events, which never change once recorded) so that the slow part, dumping
and writing, can run in a worker thread while the recorder keeps appending.

Reading: ``load`` never executes anything from the file (it is TOML parsed by
``strict_toml``, the reader every file of mockloop goes through: regular
files only, at most ``MAX_FILE_BYTES``, nesting bounded; then checked value
by value). It refuses a ``format`` newer than ``FORMAT``; checks every
key's type and every index's range, and rejects keys it does not know, so a
malformed or hostile file (huge strings, deep nesting, NaN times, indices out
of range) becomes one ``SessionFileError`` sentence naming the file and, where
the parser knows them, the line and column. Readers never write to a file
they could not read. The format is documented in ``docs/sessions.md``.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w

from question_bank import Text
from strict_toml import TomlFileError, read_toml
from tui.core.atomic import write_atomically as write_atomically  # re-exported: tests replace it here
from tui.core.checked_table import MAX_ITEMS as MAX_ITEMS
from tui.core.checked_table import CheckedTable
from tui.core.checked_table import SessionFileError as SessionFileError  # re-exported: what readers catch
from tui.core.event_codec import event_table, read_event
from tui.core.record import (
    FORMAT,
    ClarificationRecord,
    DangerZoneRecord,
    QuestionRecord,
    RoundRecord,
    SessionRecord,
)
from tui.core.session import Status

#: The largest session file read (a 60-minute round edited every second is ~0.3 MB).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: The most events one round may hold (an edit a second for 24 hours, and then some).
MAX_EVENTS = 200_000
STATUSES = tuple(s.value for s in Status)


# -- writing ---------------------------------------------------------------------------


def _text(value: Text) -> dict[str, str]:
    return {"en": value.en, "fr": value.fr}


def _top(record: SessionRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": record.format,
        "id": record.id,
        "mode": record.mode,
        "status": record.status,
        "created": record.created,
        "updated": record.updated,
        "title": _text(record.title),
        "loop": record.loop,
        "lang": record.lang,
        "position": record.position,
    }
    if record.seed is not None:
        data["seed"] = record.seed
    return data


def to_dict(record: SessionRecord) -> dict[str, Any]:
    """The whole record as plain tables (what the file parses to)."""
    return {**_top(record), "rounds": [_round_dict(r) for r in record.rounds]}


def _round_scalars(rec: RoundRecord) -> dict[str, Any]:
    return {
        "index": rec.index,
        "id": rec.id,
        "minutes": rec.minutes,
        "started": rec.started,
        "elapsed": rec.elapsed,
        "end": rec.end,
        "paused": rec.paused,
    }


def _round_body(rec: RoundRecord) -> dict[str, Any]:
    return {"title": _text(rec.title), "questions": [_question_dict(q) for q in rec.questions]}


def _round_dict(rec: RoundRecord) -> dict[str, Any]:
    return {**_round_scalars(rec), **_round_body(rec), "events": [event_table(e) for e in rec.events]}


def _question_dict(q: QuestionRecord) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "title": _text(q.title),
        "prompt": _text(q.prompt),
        "starter": q.starter,
        "hints": [_text(h) for h in q.hints],
        "clarifications": [{"question": _text(c.question), "answer": _text(c.answer)} for c in q.clarifications],
        "danger_zones": [{"id": z.id, "title": _text(z.title), "judged": _text(z.judged)} for z in q.danger_zones],
        **({"explanation": _text(q.explanation)} if q.explanation is not None else {}),
    }


def dumps(record: SessionRecord) -> bytes:
    """The file's bytes; only the scalars and the events recorded since the last call are dumped anew."""
    toml = record.toml
    rounds = [
        toml.round_toml(
            rec.index, _round_scalars(rec), functools.partial(_round_body, rec), rec.questions, rec.events, event_table
        )
        for rec in record.rounds
    ]
    return toml.document(_top(record), rounds).encode("utf-8")


def dumps_plainly(record: SessionRecord) -> bytes:
    """The same document dumped whole by tomli-w (what ``dumps`` is checked against)."""
    return tomli_w.dumps(to_dict(record), multiline_strings=True).encode("utf-8")


def snapshot(record: SessionRecord) -> SessionRecord:
    """A copy of ``record`` that later recording leaves alone; costs one list copy per round.

    The recorder only ever appends events (frozen values whose data is never
    changed once recorded) and reassigns a round's scalars, so copying each
    round's event list, not the events, is enough.
    """
    return dataclasses.replace(
        record, rounds=[dataclasses.replace(rec, events=list(rec.events)) for rec in record.rounds]
    )


def save(record: SessionRecord, path: Path) -> int:
    """Write ``record`` to ``path`` atomically; returns the file's size.

    A file larger than ``MAX_FILE_BYTES`` is refused (``OSError``, reported as
    a failed save): it could not be read back.
    """
    data = dumps(record)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(
            errno.EFBIG,
            f"the session would be {len(data) / 2**20:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB "
            "mockloop reads back; shorten the longest answers",
        )
    write_atomically(path, data)
    return len(data)


# -- reading ---------------------------------------------------------------------------


def load(path: Path) -> SessionRecord:
    """Read and check a session file; raises ``SessionFileError`` (one sentence) when it cannot."""
    path = Path(path)
    try:
        data = read_toml(path, max_bytes=MAX_FILE_BYTES, what="a session file")
    except TomlFileError as exc:
        raise SessionFileError(path, exc.problem) from None
    return from_dict(data, path)


def peek_format(data: Mapping[str, Any], path: Path) -> int:
    version = data.get("format")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SessionFileError(path, "is not a mockloop session file (it has no format number at the top).")
    if version > FORMAT:
        raise SessionFileError(
            path, f"was written in session format {version} by a newer mockloop; this one reads format {FORMAT}."
        )
    if version < 1:
        raise SessionFileError(path, f"has an unknown session format ({version}).")
    return version


def from_dict(data: dict[str, Any], path: Path) -> SessionRecord:
    version = peek_format(data, path)
    top = CheckedTable(data, path, "")
    top.used.add("format")
    record = SessionRecord(
        id=top.string("id"),
        mode=top.string("mode", choices=("onsite", "drill")),
        status=_status(top),
        created=top.datetime("created"),
        updated=top.datetime("updated"),
        title=top.text("title"),
        loop=top.string("loop", ""),
        lang=top.string("lang", "en", choices=("en", "fr")),
        seed=top._get("seed", int, None, "an integer"),
        rounds=top.tables("rounds", lambda t, _: _read_round(t, version)),
        position=top.integer("position", 0),
        format=version,
    )
    top.finish()
    if not record.rounds:
        top.fail("has no rounds", "rounds")
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,80}", record.id):
        top.fail("should be letters, digits, dots, dashes or underscores", "id")
    if record.position >= len(record.rounds):
        top.fail(f"should be below the number of rounds ({len(record.rounds)}), not {record.position}", "position")
    for i, rec in enumerate(record.rounds):
        if rec.index != i:
            top.fail(f"should be {i}, not {rec.index}", f"rounds[{i + 1}].index")
    return record


def _status(top: CheckedTable) -> str:
    """The lifecycle; "done" (written before finished drills were told from interrupted ones) is finished."""
    value = top.string("status", choices=(*STATUSES, "done"))
    return "finished" if value == "done" else value


def _read_round(table: CheckedTable, version: int) -> RoundRecord:
    questions = tuple(table.tables("questions", _read_question))
    if not questions:
        table.fail("has no questions", "questions")
    rec = RoundRecord(
        index=table.integer("index"),
        id=table.string("id"),
        title=table.text("title"),
        minutes=table.integer("minutes", low=1, high=24 * 60),
        questions=questions,
        started=table.boolean("started", False),
        elapsed=table.seconds("elapsed", 0.0),
        end=table.string("end", "", choices=("", "time_up", "finished")),
        paused=table.boolean("paused", False),
    )
    last = 0.0
    for i, item in enumerate(table.items("events", [], limit=MAX_EVENTS)):
        event = read_event(CheckedTable(item, table.path, f"{table.where}.events[{i + 1}]"), questions, version)
        if event.t < last:
            raise SessionFileError(
                table.path, f"{table.where}.events[{i + 1}].t goes back in time ({event.t} < {last})."
            )
        last = event.t
        rec.events.append(event)
    return rec


def _read_question(table: CheckedTable, _: int) -> QuestionRecord:
    return QuestionRecord(
        id=table.string("id"),
        kind=table.string("kind", choices=("code", "debugging", "design", "behavioral", "motivation")),
        title=table.text("title"),
        prompt=table.text("prompt"),
        starter=table.string("starter", ""),
        hints=tuple(table.tables("hints", lambda t, _: Text(en=t.string("en"), fr=t.string("fr")), [])),
        clarifications=tuple(
            table.tables(
                "clarifications",
                lambda t, _: ClarificationRecord(question=t.text("question"), answer=t.text("answer")),
                [],
            )
        ),
        danger_zones=tuple(
            table.tables(
                "danger_zones",
                lambda t, _: DangerZoneRecord(id=t.string("id"), title=t.text("title"), judged=t.text("judged")),
                [],
            )
        ),
        explanation=table.text("explanation") if "explanation" in table.data else None,
    )
