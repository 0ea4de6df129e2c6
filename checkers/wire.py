"""What a test process tells the checker server: one typed message per JSON line.

The test process (``checkers.plugin``, ``checkers.worker``) writes these to a
pipe as it goes; the server (``checkers.server``) reads them back with
``read_message``. Internal to the checker: the public events a client sees
are ``checkers.events``. A line that does not decode to a known message is
dropped (the process may have been writing when it died), never guessed at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from checkers.events import Result, TestInfo

__all__ = [
    "Collected",
    "CollectionFailed",
    "Done",
    "ImportFailed",
    "Imported",
    "Importing",
    "TestBegan",
    "TestEnded",
    "WireMessage",
    "encode_message",
    "read_message",
]


@dataclass(frozen=True, slots=True)
class Importing:
    """The answer is being imported (its own time limit starts)."""


@dataclass(frozen=True, slots=True)
class Imported:
    """The answer imported; the suite is being collected."""


@dataclass(frozen=True, slots=True)
class ImportFailed:
    """The answer could not be imported: a syntax error, an exception or an exit at its top level."""

    summary: str
    traceback: str = ""
    line: int | None = None
    output: str = ""


@dataclass(frozen=True, slots=True)
class CollectionFailed:
    """The suite could not be collected against the answer (it imports a name the answer lacks)."""

    summary: str
    traceback: str = ""
    statement: str = ""


@dataclass(frozen=True, slots=True)
class Collected:
    """The tests selected for the job, in the order they will run."""

    tests: tuple[TestInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class TestBegan:
    """A test started, with the time limit it runs under (the run's budget may have cut it)."""

    __test__ = False

    name: str
    timeout: float | None = None


@dataclass(frozen=True, slots=True)
class TestEnded:
    """A test ended (or was not started), with its result."""

    __test__ = False

    result: Result


@dataclass(frozen=True, slots=True)
class Done:
    """pytest returned: the job is over."""


WireMessage: TypeAlias = (
    Importing | Imported | ImportFailed | CollectionFailed | Collected | TestBegan | TestEnded | Done
)

_TAGS: dict[type, str] = {
    Importing: "importing",
    Imported: "imported",
    ImportFailed: "import_error",
    CollectionFailed: "collect_error",
    Collected: "collected",
    TestBegan: "start",
    TestEnded: "result",
    Done: "done",
}


def encode_message(message: WireMessage) -> bytes:
    """One JSON line for ``message``."""
    data: dict[str, Any] = {"ev": _TAGS[type(message)]}
    if isinstance(message, ImportFailed):
        data.update(summary=message.summary, traceback=message.traceback, line=message.line, output=message.output)
    elif isinstance(message, CollectionFailed):
        data.update(summary=message.summary, traceback=message.traceback, statement=message.statement)
    elif isinstance(message, Collected):
        data["tests"] = [t.to_dict() for t in message.tests]
    elif isinstance(message, TestBegan):
        data.update(name=message.name, timeout=message.timeout)
    elif isinstance(message, TestEnded):
        data["result"] = message.result.to_dict()
    return (json.dumps(data, ensure_ascii=False, default=str) + "\n").encode("utf-8", "replace")


def read_message(data: dict[str, Any]) -> WireMessage | None:
    """The message a decoded JSON line carries, or None when it is not one (a torn or foreign line)."""
    try:
        tag = data.get("ev")
        if tag == "importing":
            return Importing()
        if tag == "imported":
            return Imported()
        if tag == "import_error":
            line = data.get("line")
            return ImportFailed(
                str(data.get("summary", "")),
                str(data.get("traceback", "")),
                int(line) if isinstance(line, int) else None,
                str(data.get("output", "")),
            )
        if tag == "collect_error":
            return CollectionFailed(
                str(data.get("summary", "")), str(data.get("traceback", "")), str(data.get("statement", ""))
            )
        if tag == "collected":
            return Collected(tuple(TestInfo.from_dict(t) for t in data.get("tests", [])))
        if tag == "start":
            timeout = data.get("timeout")
            if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
                return TestBegan(str(data["name"]))
            return TestBegan(str(data["name"]), float(timeout))
        if tag == "result":
            return TestEnded(Result.from_dict(data["result"]))
        if tag == "done":
            return Done()
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None
