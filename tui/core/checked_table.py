"""Reading a parsed session file strictly: typed getters whose errors name the file and the key.

``CheckedTable`` wraps one table of the parsed file; each getter checks a
key's type (and range, choices), remembers it was used, and on any problem
raises ``SessionFileError`` with one sentence naming the file and the key's
full path (``rounds[2].events[14].t should be a number, not a string.``);
``finish()`` refuses keys nobody asked for. ``tui.core.store`` reads the
record with it, ``tui.core.event_codec`` the events.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from question_bank import Text

#: The most rounds, questions per round, or list items (hints, tests…) a file may hold.
MAX_ITEMS = 1000

T = TypeVar("T")


class SessionFileError(Exception):
    """A session file that cannot be read; ``str()`` is one sentence for a person."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class CheckedTable:
    """One table being checked: typed getters that name the key in their sentence."""

    def __init__(self, data: Any, path: Path, where: str) -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            self.fail(f"should be a table, not {describe(data)}")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def fail(self, problem: str, key: str | None = None) -> NoReturn:
        name = f"{self.where}.{key}" if self.where and key else (key or self.where or "the file")
        raise SessionFileError(self.path, f"{name} {problem}.")

    def _get(self, key: str, kind: type[T] | tuple[type, ...], default: Any, what: str) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is REQUIRED:
                self.fail("is missing", key)
            return default
        value = self.data[key]
        if isinstance(value, bool) and kind is not bool:
            self.fail(f"should be {what}, not a boolean", key)
        if not isinstance(value, kind):
            self.fail(f"should be {what}, not {describe(value)}", key)
        return value

    def string(self, key: str, default: Any = None, *, choices: tuple[str, ...] | None = None) -> str:
        value: str = self._get(key, str, REQUIRED if default is None else default, "a string")
        if choices is not None and value not in choices:
            self.fail(f"should be one of {', '.join(repr(c) for c in choices)}, not {value[:40]!r}", key)
        return value

    def integer(self, key: str, default: Any = None, *, low: int = 0, high: int | None = None) -> int:
        value: int = self._get(key, int, REQUIRED if default is None else default, "an integer")
        if value < low or (high is not None and value > high):
            span = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.fail(f"should be {span}, not {value}", key)
        return value

    def seconds(self, key: str, default: Any = None) -> float:
        value = self._get(key, (int, float), REQUIRED if default is None else default, "a number")
        if not math.isfinite(value) or value < 0:
            self.fail(f"should be a finite number of seconds, not {value}", key)
        return float(value)

    def boolean(self, key: str, default: Any = None) -> bool:
        value: bool = self._get(key, bool, REQUIRED if default is None else default, "true or false")
        return value

    def datetime(self, key: str) -> dt.datetime:
        value: dt.datetime = self._get(key, dt.datetime, REQUIRED, "a date and time")
        return value

    def text(self, key: str) -> Text:
        table = self.table(key)
        en, fr = table.string("en"), table.string("fr")
        table.finish()
        return Text(en=en, fr=fr)

    def table(self, key: str) -> CheckedTable:
        return CheckedTable(self._get(key, dict, REQUIRED, "a table"), self.path, self._name(key))

    def items(self, key: str, default: Any = None, *, limit: int = MAX_ITEMS) -> list[Any]:
        value: list[Any] = self._get(key, list, REQUIRED if default is None else default, "a list")
        if len(value) > limit:
            self.fail(f"has {len(value)} items, more than the {limit} allowed", key)
        return value

    def tables(
        self, key: str, read: Callable[[CheckedTable, int], T], default: Any = None, *, limit: int = MAX_ITEMS
    ) -> list[T]:
        items = self.items(key, default, limit=limit)
        result = []
        for i, item in enumerate(items):
            table = CheckedTable(item, self.path, f"{self._name(key)}[{i + 1}]")
            result.append(read(table, i))
            table.finish()
        return result

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            self.fail(f"has an unknown key {unknown[0][:40]!r}")


REQUIRED = object()


def describe(value: object) -> str:
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
