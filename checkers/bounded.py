"""Reprs and comparison reports of an answer's values, in bounded time and size whatever the value.

The checker's own reporting must never cost the answer its time limit or its
output cap. An answer that returns ``list(range(10**7))`` where the suite
expects 3 is a wrong value, and must be reported as one in milliseconds: a
full ``repr`` of it is 70 MB, and pytest's diff of two such lists takes
minutes. So values are measured first (``size_hint`` stops counting at a
small budget) and large ones are shown abbreviated, and pytest's comparison
report (``_pytest.assertion.util.assertrepr_compare``) is wrapped to do the
same (``guard_pytest_comparisons``, installed once by the checker server).
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["LARGE", "bounded_repr", "cap", "guard_pytest_comparisons", "size_hint"]

#: Elements (or characters / 100) beyond which a value is "large": no full repr, no diff.
LARGE = 5000

_SHORT = reprlib.Repr()
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxfrozenset = _SHORT.maxdeque = 20
_SHORT.maxdict = 20
_SHORT.maxstring = _SHORT.maxother = 400
_SHORT.maxlevel = 4


def size_hint(value: object, budget: int = LARGE) -> int:
    """Roughly how many elements ``value`` holds, counting no further than ``budget`` (then budget + 1)."""
    seen = 0
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        seen += 1
        if seen > budget:
            return budget + 1
        if isinstance(item, str | bytes | bytearray):
            seen += len(item) // 100
        elif isinstance(item, Mapping):
            if len(item) > budget:
                return budget + 1
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            if len(item) > budget:
                return budget + 1
            stack.extend(item)
    return seen


def cap(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, saying how much was cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + f"… ({len(text) - limit:,} more characters)"


def bounded_repr(value: object, limit: int = 1000) -> str:
    """``repr(value)`` for small values, an abbreviated one for large values; never more than ``limit``."""
    try:
        text = repr(value) if size_hint(value) <= LARGE else _SHORT.repr(value)
    except Exception:  # noqa: BLE001 - the answer's own __repr__ is broken
        text = f"<{type(value).__name__} object (its repr failed)>"
    return cap(text, limit)


def _describe_large(op: str, left: object, right: object) -> Iterator[str]:
    yield f"{bounded_repr(left, 200)} {op} {bounded_repr(right, 200)}"
    if op != "==":
        return
    if type(left) is not type(right):
        yield f"the answer gave a {type(left).__name__}, the test expected a {type(right).__name__}"
    try:
        if isinstance(left, list | tuple | str) and isinstance(right, list | tuple | str):
            if len(left) != len(right):
                yield f"lengths differ: {len(left):,} against {len(right):,} expected"
            for index, (a, b) in enumerate(zip(left, right, strict=False)):
                if a != b:
                    yield f"first difference at index {index}: {bounded_repr(a, 200)} != {bounded_repr(b, 200)}"
                    break
    except Exception:  # noqa: BLE001, S110 - the answer's own __eq__ or __len__ is broken: the summary line stands
        pass


def guard_pytest_comparisons() -> None:
    """Make pytest's comparison reports cheap for large values (idempotent)."""
    from _pytest.assertion import util

    original: Callable[..., Iterator[str]] = util.assertrepr_compare
    if getattr(original, "_mockloop_guarded", False):
        return

    def guarded(op: str, left: Any, right: Any, **options: Any) -> Iterator[str]:
        if size_hint(left) > LARGE or size_hint(right) > LARGE:
            return _describe_large(op, left, right)
        return original(op, left, right, **options)

    guarded._mockloop_guarded = True  # type: ignore[attr-defined]  # a marker on the wrapper function
    util.assertrepr_compare = guarded
