"""Strict reading of TOML tables: typed getters that explain what is wrong, in one sentence.

Each getter names the full key (``clarifications[2].answer.fr``; array
positions count from 1, as a person counts the ``[[clarifications]]`` blocks
in the file) and says what was expected and what was found. ``finish()``
turns any key nobody asked for into an error, so typos cannot pass silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from question_bank.errors import BankError
from question_bank.models import LANGUAGES, Text
from strict_toml import excerpt

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Ids name folders and files and appear in every listing: short by construction.
MAX_ID_LENGTH = 64

_MISSING = object()


def describe(value: object) -> str:
    """A TOML-flavoured name for a value's type, with an article."""
    match value:
        case bool():
            return "a boolean"
        case int():
            return "an integer"
        case float():
            return "a number"
        case str() if not value.strip():
            return "an empty string"
        case str():
            return "a string"
        case dict():
            return "a table"
        case list():
            return "a list"
        case _:
            return f"a {type(value).__name__}"


class Table:
    """A TOML table being read; remembers which keys were used."""

    def __init__(self, data: dict[str, Any], path: Path, prefix: str = "") -> None:
        self.data = data
        self.path = path
        self.prefix = prefix
        self._used: set[str] = set()

    def key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def error(self, key: str, problem: str) -> BankError:
        return BankError(self.path, problem, self.key(key))

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        self._used.add(key)
        value = self.data.get(key, _MISSING)
        if value is _MISSING and required:
            raise BankError(self.path, f'is missing the required key "{self.key(key)}"')
        return value

    def _typed(self, key: str, value: Any, wanted: type | tuple[type, ...], name: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, wanted):
            raise self.error(key, f"must be {name}, not {describe(value)}")
        return value

    def string(self, key: str, *, choices: Sequence[str] | None = None, is_id: bool = False) -> str:
        value: str = self._typed(key, self._get(key, True), str, "a string")
        if not value.strip():
            raise self.error(key, "must be a non-empty string, not an empty one")
        if choices is not None and value not in choices:
            allowed = ", ".join(f'"{c}"' for c in choices)
            raise self.error(key, f'is "{excerpt(value)}", which is not one of {allowed}')
        if is_id and not ID_PATTERN.match(value):
            raise self.error(key, f'is "{excerpt(value)}"; ids are lowercase letters and digits joined by "-"')
        if is_id and len(value) > MAX_ID_LENGTH:
            raise self.error(key, f'is "{excerpt(value)}"; ids are at most {MAX_ID_LENGTH} characters')
        return value

    def integer(self, key: str, low: int, high: int) -> int:
        value = self._typed(key, self._get(key, True), int, "an integer")
        if not low <= value <= high:
            raise self.error(key, f"is {value}, outside the allowed range {low}–{high}")
        return int(value)

    def number(self, key: str, low: float, high: float, default: float) -> float:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        value = self._typed(key, value, (int, float), "a number")
        if not low <= value <= high:
            raise self.error(key, f"is {value}, outside the allowed range {low}–{high}")
        return float(value)

    def strings(
        self,
        key: str,
        *,
        required: bool = True,
        choices: Sequence[str] | None = None,
        allow_empty: bool = False,
    ) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        items = self._typed(key, value, list, "a list of strings")
        if not items and not allow_empty:
            raise self.error(key, "must list at least one string, not be empty")
        for index, item in enumerate(items, start=1):
            where = f"{key}[{index}]"
            if not isinstance(item, str):
                raise self.error(where, f"must be a string, not {describe(item)}")
            if not item.strip():
                raise self.error(where, "must be a non-empty string, not an empty one")
            if choices is not None and item not in choices:
                allowed = ", ".join(f'"{c}"' for c in choices)
                raise self.error(where, f'is "{item}", which is not one of {allowed}')
        return tuple(items)

    def table(self, key: str, *, required: bool = True) -> Table | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        return Table(self._typed(key, value, dict, "a table"), self.path, f"{self.key(key)}.")

    def tables(self, key: str, *, required: bool = True) -> list[Table]:
        value = self._get(key, required)
        if value is _MISSING:
            return []
        items = self._typed(key, value, list, "an array of tables")
        tables = []
        for index, item in enumerate(items, start=1):
            where = f"{key}[{index}]"
            if not isinstance(item, dict):
                raise self.error(where, f"must be a table, not {describe(item)}")
            tables.append(Table(item, self.path, f"{self.key(where)}."))
        return tables

    def text(self, key: str) -> Text:
        """A bilingual value: a table with non-empty ``en`` and ``fr`` strings."""
        value = self._get(key, True)
        if isinstance(value, str):
            raise self.error(key, 'must be a table with "en" and "fr" texts, not a single string')
        inner = Table(self._typed(key, value, dict, 'a table with "en" and "fr" texts'), self.path, f"{self.key(key)}.")
        return inner.as_text()

    def as_text(self) -> Text:
        """This table read as a bilingual text."""
        en, fr = (self.string(lang) for lang in LANGUAGES)
        self.finish()
        return Text(en=en, fr=fr)

    def texts(self, key: str, *, required: bool = True) -> tuple[Text, ...]:
        return tuple(t.as_text() for t in self.tables(key, required=required))

    def finish(self) -> None:
        """Reject keys nobody read: a typo must not pass silently."""
        unknown = [k for k in self.data if k not in self._used]
        if unknown:
            raise BankError(
                self.path,
                f'has an unknown key "{self.key(unknown[0])}"; check its spelling against question_bank/README.md',
            )
