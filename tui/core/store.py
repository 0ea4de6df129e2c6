"""Session files: TOML written atomically, read strictly.

Writing: ``dumps`` turns a ``SessionRecord`` into TOML with tomli-w (``format``
first); ``save`` writes them with ``tui.core.atomic.write_atomically``
(temporary file in the same folder, flush, fsync, ``os.replace``, fsync of the
folder), so a crash at any moment leaves either the old file or the new one,
never half of one. ``snapshot`` copies a record cheaply (the event lists, not
the events, which never change once recorded) so that the slow part, dumping
and writing, can run in a worker thread while the recorder keeps appending.

Reading: ``load`` never executes anything from the file (it is TOML parsed by
``tomllib``, then checked value by value). It reads at most
``MAX_FILE_BYTES``; refuses a ``format`` newer than ``FORMAT``; checks every
key's type and every index's range, and rejects keys it does not know, so a
malformed or hostile file (huge strings, deep nesting, NaN times, indices out
of range) becomes one ``SessionFileError`` sentence naming the file and, where
the parser knows them, the line and column. Readers never write to a file
they could not read. The format is documented in ``docs/sessions.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import tomli_w

from question_bank import Text
from tui.core.atomic import write_atomically as write_atomically  # re-exported: tests replace it here
from tui.core.checking import RunCause, TestStatus
from tui.core.recording import (
    EVENT_KINDS,
    FORMAT,
    ClarificationRecord,
    DangerZoneRecord,
    Event,
    QuestionRecord,
    RoundRecord,
    SessionRecord,
)
from tui.core.session import Status

#: The largest session file read (a 60-minute round edited every second is ~0.3 MB).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: The most rounds, questions per round, or list items (hints, tests…) a file may hold.
MAX_ITEMS = 1000
#: The most events one round may hold (an edit a second for 24 hours, and then some).
MAX_EVENTS = 200_000

T = TypeVar("T")


class SessionFileError(Exception):
    """A session file that cannot be read; ``str()`` is one sentence for a person."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


# -- writing ---------------------------------------------------------------------------


def _text(value: Text) -> dict[str, str]:
    return {"en": value.en, "fr": value.fr}


def to_dict(record: SessionRecord) -> dict[str, Any]:
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
    data["rounds"] = [_round_dict(r) for r in record.rounds]
    return data


def _round_dict(rec: RoundRecord) -> dict[str, Any]:
    return {
        "index": rec.index,
        "id": rec.id,
        "title": _text(rec.title),
        "minutes": rec.minutes,
        "started": rec.started,
        "elapsed": rec.elapsed,
        "end": rec.end,
        "paused": rec.paused,
        "questions": [_question_dict(q) for q in rec.questions],
        "events": [event_dict(e) for e in rec.events],
    }


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
    }


def event_dict(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {"t": event.t, "kind": event.kind}
    if event.q >= 0:
        data["q"] = event.q
    data.update(event.data)
    return data


def dumps(record: SessionRecord) -> bytes:
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
    """Write ``record`` to ``path`` atomically; returns the file's size."""
    data = dumps(record)
    write_atomically(path, data)
    return len(data)


# -- reading ---------------------------------------------------------------------------

_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """At most ``limit`` bytes of ``path``; a larger file is refused, not truncated."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise SessionFileError(path, "no such file.") from None
    except IsADirectoryError:
        raise SessionFileError(path, "is a folder, not a session file.") from None
    except OSError as exc:
        raise SessionFileError(path, f"cannot be read ({exc.strerror or exc}).") from None
    if len(data) > limit:
        raise SessionFileError(path, f"is larger than {limit:,} bytes, too large to be a session file.")
    return data


def parse(path: Path, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionFileError(path, f"is not UTF-8 text (byte {exc.start + 1} is not valid).") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _WHERE.search(message)
        problem = _WHERE.sub("", message).strip().rstrip(".")
        problem = problem[:1].lower() + problem[1:]
        if where:
            raise SessionFileError(
                path, f"is not valid TOML at line {where.group(1)}, column {where.group(2)} ({problem})."
            ) from None
        raise SessionFileError(path, f"is not valid TOML ({problem}).") from None
    except RecursionError:
        raise SessionFileError(path, "is not a session file (its values are nested too deeply).") from None


def load(path: Path) -> SessionRecord:
    """Read and check a session file; raises ``SessionFileError`` (one sentence) when it cannot."""
    path = Path(path)
    return from_dict(parse(path, read_bytes(path)), path)


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


class _Table:
    """One table being checked: typed getters that name the key in their sentence."""

    def __init__(self, data: Any, path: Path, where: str) -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            self.fail(f"should be a table, not {_describe(data)}")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def fail(self, problem: str, key: str | None = None) -> NoReturn:
        name = f"{self.where}.{key}" if self.where and key else (key or self.where or "the file")
        raise SessionFileError(self.path, f"{name} {problem}.")

    def _get(self, key: str, kind: type[T] | tuple[type, ...], default: Any, what: str) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is _REQUIRED:
                self.fail("is missing", key)
            return default
        value = self.data[key]
        if isinstance(value, bool) and kind is not bool:
            self.fail(f"should be {what}, not a boolean", key)
        if not isinstance(value, kind):
            self.fail(f"should be {what}, not {_describe(value)}", key)
        return value

    def string(self, key: str, default: Any = None, *, choices: tuple[str, ...] | None = None) -> str:
        value: str = self._get(key, str, _REQUIRED if default is None else default, "a string")
        if choices is not None and value not in choices:
            self.fail(f"should be one of {', '.join(repr(c) for c in choices)}, not {value[:40]!r}", key)
        return value

    def integer(self, key: str, default: Any = None, *, low: int = 0, high: int | None = None) -> int:
        value: int = self._get(key, int, _REQUIRED if default is None else default, "an integer")
        if value < low or (high is not None and value > high):
            span = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.fail(f"should be {span}, not {value}", key)
        return value

    def seconds(self, key: str, default: Any = None) -> float:
        value = self._get(key, (int, float), _REQUIRED if default is None else default, "a number")
        if not math.isfinite(value) or value < 0:
            self.fail(f"should be a finite number of seconds, not {value}", key)
        return float(value)

    def boolean(self, key: str, default: Any = None) -> bool:
        value: bool = self._get(key, bool, _REQUIRED if default is None else default, "true or false")
        return value

    def datetime(self, key: str) -> dt.datetime:
        value: dt.datetime = self._get(key, dt.datetime, _REQUIRED, "a date and time")
        return value

    def text(self, key: str) -> Text:
        table = self.table(key)
        en, fr = table.string("en"), table.string("fr")
        table.finish()
        return Text(en=en, fr=fr)

    def table(self, key: str) -> _Table:
        return _Table(self._get(key, dict, _REQUIRED, "a table"), self.path, self._name(key))

    def items(self, key: str, default: Any = None, *, limit: int = MAX_ITEMS) -> list[Any]:
        value: list[Any] = self._get(key, list, _REQUIRED if default is None else default, "a list")
        if len(value) > limit:
            self.fail(f"has {len(value)} items, more than the {limit} allowed", key)
        return value

    def tables(
        self, key: str, read: Callable[[_Table, int], T], default: Any = None, *, limit: int = MAX_ITEMS
    ) -> list[T]:
        items = self.items(key, default, limit=limit)
        result = []
        for i, item in enumerate(items):
            table = _Table(item, self.path, f"{self._name(key)}[{i + 1}]")
            result.append(read(table, i))
            table.finish()
        return result

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            self.fail(f"has an unknown key {unknown[0][:40]!r}")


_REQUIRED = object()


def _describe(value: object) -> str:
    match value:
        case bool():
            return "a boolean"
        case int():
            return "an integer"
        case float():
            return "a number"
        case str():
            return "a string"
        case dict():
            return "a table"
        case list():
            return "a list"
        case dt.datetime() | dt.date() | dt.time():
            return "a date"
        case _:
            return f"a {type(value).__name__}"


def from_dict(data: dict[str, Any], path: Path) -> SessionRecord:
    version = peek_format(data, path)
    top = _Table(data, path, "")
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


def _status(top: _Table) -> str:
    """The lifecycle; "done" (written before finished drills were told from interrupted ones) is finished."""
    value = top.string("status", choices=(*STATUSES, "done"))
    return "finished" if value == "done" else value


def _read_round(table: _Table, version: int) -> RoundRecord:
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
    count = len(questions)
    for i, item in enumerate(table.items("events", [], limit=MAX_EVENTS)):
        event = _read_event(_Table(item, table.path, f"{table.where}.events[{i + 1}]"), questions, version)
        if event.t < last:
            raise SessionFileError(
                table.path, f"{table.where}.events[{i + 1}].t goes back in time ({event.t} < {last})."
            )
        if event.q >= count:
            raise SessionFileError(
                table.path, f"{table.where}.events[{i + 1}].q names question {event.q + 1} of {count}."
            )
        last = event.t
        rec.events.append(event)
    return rec


def _read_question(table: _Table, _: int) -> QuestionRecord:
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
    )


_QUESTION_KINDS = frozenset({"snapshot", "edit", "editor", "run", "result", "hint", "ask", "finish", "feedback"})
_STATUSES = tuple(s.value for s in TestStatus)
STATUSES = tuple(s.value for s in Status)
CAUSES = tuple(c.value for c in RunCause)


def _read_event(table: _Table, questions: tuple[QuestionRecord, ...], version: int) -> Event:
    t = table.seconds("t")
    kind = table.string("kind", choices=EVENT_KINDS)
    q = table.integer("q", -1 if kind not in _QUESTION_KINDS else None, low=-1 if kind not in _QUESTION_KINDS else 0)
    data: dict[str, Any] = {}
    question = questions[q] if 0 <= q < len(questions) else None
    match kind:
        case "round_end":
            data["reason"] = table.string("reason", choices=("time_up", "finished"))
        case "snapshot":
            data["text"] = table.string("text", "")
        case "edit":
            data["pos"] = table.integer("pos")
            data["cut"] = table.integer("cut")
            data["ins"] = table.string("ins", "")
        case "editor":
            data["changed"] = table.boolean("changed")
        case "run":
            data["run"] = table.integer("run")
            data["mode"] = table.string("mode", choices=("run", "submit"))
            if version == 1:  # format 1 said only whether the clock submitted it
                data["cause"] = "time_up" if table.boolean("automatic", False) else "candidate"
            else:
                data["cause"] = table.string("cause", "candidate", choices=CAUSES)
        case "result":
            data["run"] = table.integer("run")
            data["outcome"] = table.string("outcome", choices=("finished", "failed", "cancelled"))
            data["tests"] = table.tables("tests", _read_test_row, [])
            for key in ("failure_reason", "failure_message"):
                if key in table.data:
                    data[key] = table.string(key)
        case "hint" | "ask":
            limit = len(question.hints if kind == "hint" else question.clarifications) if question else 0
            if limit == 0:
                table.fail(f"names a {kind} of a question that has none", "index")
            data["index"] = table.integer("index", high=limit - 1)
        case "lang":
            data["lang"] = table.string("lang", choices=("en", "fr"))
        case "feedback":
            if "error" in table.data:
                data["error"] = table.string("error")
            if "feedback" in table.data or "error" not in data:
                data["feedback"] = _read_feedback(table)
    table.finish()
    return Event(t, kind, q, data)


def _read_test_row(table: _Table, _: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": table.string("name"),
        "status": table.string("status", choices=_STATUSES),
        "visible": table.boolean("visible", True),
    }
    for key in ("description", "danger", "message", "expected", "actual"):
        if key in table.data:
            row[key] = table.string(key)
    if "duration" in table.data:
        row["duration"] = table.seconds("duration")
    return {key: row[key] for key in table.data if key in row}  # the file's order, so a rewrite is identical


def _read_feedback(table: _Table) -> dict[str, Any]:
    from checkers.text.feedback import Feedback

    inner = table.table("feedback")
    try:
        Feedback.from_dict(inner.data)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        inner.fail(f"is not valid analyzer feedback ({type(exc).__name__}: {str(exc)[:60]})")
    for key in ("reasons", "findings", "danger_zones_hit"):
        if key in inner.data and not isinstance(inner.data[key], list):
            inner.fail("should be a list", key)
    return inner.data
