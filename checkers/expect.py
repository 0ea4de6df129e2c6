"""How suites compare an answer's value with the expected one: type first, then value.

``assert result == ["a", "b"]`` lets through anything that *compares* equal:
an object whose ``__eq__`` always returns True, a ``list`` subclass with such
an ``__eq__``, ``True`` for ``1``. A pass must be earned, so suites write

    assert exactly(result) == ["a", "b"]

which holds only when the answer's value has exactly the expected type at
every level (a ``list`` of ``str``, not a subclass) and equal contents, the
comparison always made by the expected (built-in) side. When it fails,
pytest's report says why in one line (``checkers.plugin`` asks
``mismatch``): "the answer returned a MyList (a subclass of list); a plain
list is expected".

The answer's objects are never asked to compare themselves: ``__eq__``,
``__len__`` and iteration of a value of the wrong type are not called.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["Exactly", "exactly", "mismatch"]

#: Types whose values are compared by ``==`` once the types match.
_SCALARS = (int, float, complex, str, bytes, bool, type(None))


class Exactly:
    """The answer's value, compared by type before value (see the module docstring)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, expected: object) -> bool:
        return mismatch(self.value, expected) is None

    def __ne__(self, expected: object) -> bool:
        return not self.__eq__(expected)

    __hash__ = None  # type: ignore[assignment]  # compared, never hashed

    def __repr__(self) -> str:
        from checkers.bounded import bounded_repr

        return bounded_repr(self.value)


def exactly(value: object) -> Exactly:
    """Wrap the answer's value so ``==`` checks its type at every level, then its contents."""
    return Exactly(value)


def _a(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def _kind(value: object) -> str:
    kind = type(value)
    for base in kind.__mro__[1:]:
        if base in (list, tuple, dict, set, frozenset, *_SCALARS):
            return f"{_a(kind.__name__)} (a subclass of {base.__name__})"
    return _a(kind.__name__)


def mismatch(actual: object, expected: object, where: str = "") -> str | None:
    """Why ``actual`` is not exactly ``expected`` (None when it is); ``where`` names the position."""
    at = f" at {where}" if where else ""
    if type(actual) is not type(expected):
        return f"the answer gave {_kind(actual)}{at}; {_a(type(expected).__name__)} is expected"
    if isinstance(expected, list | tuple):
        assert isinstance(actual, list | tuple)
        if len(actual) != len(expected):
            return f"the answer gave {len(actual)} items{at}; {len(expected)} are expected"
        for index, (a, e) in enumerate(zip(actual, expected, strict=True)):
            found = mismatch(a, e, f"{where}[{index}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, Mapping):
        assert isinstance(actual, Mapping)
        if set(actual) != set(expected) or any(type(k) is not type(_key(expected, k)) for k in actual):
            return f"the answer's keys{at} differ from the expected ones"
        for key, value in expected.items():
            found = mismatch(actual[key], value, f"{where}[{key!r}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, set | frozenset):
        assert isinstance(actual, set | frozenset)
        if any(type(a) not in {type(e) for e in expected} for a in actual) or expected != actual:
            return f"the answer's set{at} differs from the expected one"
        return None
    if isinstance(expected, float) and isinstance(actual, float) and math.isnan(expected) and math.isnan(actual):
        return None
    if expected != actual:  # same built-in type: the comparison is the type's own
        return f"different value{at}" if where else "a different value"
    return None


def _key(mapping: Mapping[object, object], key: object) -> object:
    """The expected mapping's own key equal to ``key`` (to compare key types)."""
    for own in mapping:
        if own == key:
            return own
    return key
