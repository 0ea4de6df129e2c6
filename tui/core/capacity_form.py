"""The design canvas's capacity calculator as data: its fields, and text in → estimate out.

People type numbers the way they say them: ``10M`` users, ``2,500,000``,
``1.5k``, a ``100:1`` read:write ratio, a ``2 KB`` object. ``estimate_from_form``
reads those, calls ``checkers.text.estimate_capacity`` and either returns the
estimate or raises ``CapacityError`` whose message is one sentence naming the
field by its label (never a traceback, never a Python name).

Counts take K/M/B/T suffixes (and French k/M/Md); sizes take B/KB/MB/GB/TB
(and French o/ko/Mo/Go/To), decimal as everywhere in the estimates; a comma
between digit groups is a thousands separator (``2,500,000``), otherwise it
is a decimal comma (``1,5``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checkers.text import CapacityError, CapacityEstimate, estimate_capacity, parse_ratio
from tui.core.messages import t


@dataclass(frozen=True, slots=True)
class FormField:
    name: str  # estimate_capacity's argument
    default: str
    placeholder: str

    @property
    def label(self) -> str:
        """The field's label in the interface language (``calculator.field.<name>``)."""
        return t(f"calculator.field.{self.name}")


FIELDS: tuple[FormField, ...] = (
    FormField("daily_active_users", "10M", "10M"),
    FormField("actions_per_user_per_day", "10", "10"),
    FormField("read_write_ratio", "10:1", "10:1"),
    FormField("object_size_bytes", "1 KB", "1 KB"),
    FormField("retention_years", "5", "5"),
    FormField("peak_factor", "3", "3"),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}

_COUNT_SUFFIX = {"": 1, "k": 1e3, "m": 1e6, "md": 1e9, "b": 1e9, "bn": 1e9, "t": 1e12}
_SIZE_SUFFIX = {
    "": 1,
    "b": 1,
    "o": 1,
    "kb": 1e3,
    "ko": 1e3,
    "mb": 1e6,
    "mo": 1e6,
    "gb": 1e9,
    "go": 1e9,
    "tb": 1e12,
    "to": 1e12,
    "pb": 1e15,
    "po": 1e15,
}
_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _number(text: str, suffixes: Mapping[str, float], field: FormField, example: str) -> float:
    raw = text.strip()
    if _GROUPED.match(raw):
        raw = raw.replace(",", "")
    match = _NUMBER.match(raw)
    if not raw:
        raise CapacityError(field.name, t("calculator.error.empty", label=field.label, example=example))
    if match is None or match.group(2).lower() not in suffixes:
        shown = text.strip()
        raise CapacityError(
            field.name, t("calculator.error.not_a_number", label=field.label, text=shown, example=example)
        )
    value = float(match.group(1).replace(",", ".")) * suffixes[match.group(2).lower()]
    if not math.isfinite(value):
        raise CapacityError(field.name, t("calculator.error.too_large", label=field.label, text=text.strip()))
    return value


def parse_field(name: str, text: str) -> float:
    """One field's value, as ``estimate_capacity`` wants it (raises ``CapacityError``)."""
    field = FIELD_BY_NAME[name]
    if name == "read_write_ratio":
        if not text.strip():
            raise CapacityError(name, t("calculator.error.empty_ratio", label=field.label))
        return parse_ratio(text)  # its message names the ratio already
    if name == "object_size_bytes":
        return _number(text, _SIZE_SUFFIX, field, "1 KB, 500 B or 2 MB")
    if name == "daily_active_users":
        return _number(text, _COUNT_SUFFIX, field, "10M, 2.5K or 2,500,000")
    return _number(text, _COUNT_SUFFIX, field, "10 or 2.5")


def estimate_from_form(values: Mapping[str, str]) -> CapacityEstimate:
    """The estimate from the form's texts (missing fields take their defaults)."""
    numbers = {f.name: parse_field(f.name, values.get(f.name, f.default)) for f in FIELDS}
    try:
        return estimate_capacity(**numbers)
    except CapacityError as error:
        field = FIELD_BY_NAME.get(error.field)
        message = str(error)
        if field is not None and message.startswith(field.name):
            message = f"{field.label}{message[len(field.name) :]}"
        raise CapacityError(error.field, message) from None
