"""Everything that judges an answer.

Code answers run in isolated checker processes that stream results
(``CheckerClient``; design in docs/checkers.md). The names below are loaded
on first use, so importing a sibling such as ``checkers.text`` stays cheap;
nothing here imports pytest (only the checker server does).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checkers.client import CheckerClient, RunHandle, check
    from checkers.events import (
        Event,
        Mode,
        Result,
        RunFinished,
        RunOutcome,
        RunStarted,
        Status,
        TestFinished,
        TestInfo,
        TestStarted,
        event_from_dict,
        event_to_dict,
    )
    from checkers.limits import Limits
    from checkers.suite import Suite

_EXPORTS = {
    "CheckerClient": "checkers.client",
    "RunHandle": "checkers.client",
    "check": "checkers.client",
    "Event": "checkers.events",
    "Mode": "checkers.events",
    "Result": "checkers.events",
    "RunFinished": "checkers.events",
    "RunOutcome": "checkers.events",
    "RunStarted": "checkers.events",
    "Status": "checkers.events",
    "TestFinished": "checkers.events",
    "TestInfo": "checkers.events",
    "TestStarted": "checkers.events",
    "event_from_dict": "checkers.events",
    "event_to_dict": "checkers.events",
    "Limits": "checkers.limits",
    "Suite": "checkers.suite",
}

__all__ = [
    "CheckerClient",
    "Event",
    "Limits",
    "Mode",
    "Result",
    "RunFinished",
    "RunHandle",
    "RunOutcome",
    "RunStarted",
    "Status",
    "Suite",
    "TestFinished",
    "TestInfo",
    "TestStarted",
    "check",
    "event_from_dict",
    "event_to_dict",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checkers' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
