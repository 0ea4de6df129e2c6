"""What to check an answer against (``Suite``) and which of its tests a run selects.

The checker takes plain data — paths and numbers — never a bank ``Question``
or a UI object, so the app, the CLI and the content tests all build the same
``Suite``. ``select_tests`` is the one rule for "which tests run", used both
inside the pytest plugin (to deselect) and by the server (to name the tests a
failed import never reached), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from checkers.events import Mode, TestInfo

__all__ = ["CodeSpecLike", "Suite", "base_name", "select_tests", "wanted"]


class CodeSpecLike(Protocol):
    """The part of ``question_bank.CodeSpec`` the checker needs (duck-typed on purpose)."""

    @property
    def tests_path(self) -> Path: ...
    @property
    def reference_path(self) -> Path: ...
    @property
    def timeout(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Suite:
    """A code question's pytest file, its model answer and its per-test time limit.

    ``reference`` is copied beside the answer as ``reference.py`` (performance
    tests ``import reference``); it also lets the checker name every test when
    the answer itself cannot be imported. ``timeout`` (seconds) applies to each
    test unless the test has its own ``@pytest.mark.timeout``.
    """

    tests: Path
    reference: Path | None = None
    timeout: float = 2.0

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"a suite's timeout must be positive, not {self.timeout!r}")

    @classmethod
    def from_code(cls, code: CodeSpecLike) -> Suite:
        """The suite of a bank code question (``question.code``)."""
        return cls(Path(code.tests_path), Path(code.reference_path), float(code.timeout))

    def to_dict(self) -> dict[str, Any]:
        """Plain data, with absolute paths (the server does not share our working folder)."""
        return {
            "tests": str(self.tests.absolute()),
            "reference": str(self.reference.absolute()) if self.reference is not None else None,
            "timeout": self.timeout,
        }


def base_name(name: str) -> str:
    """``test_x[1-2]`` → ``test_x``: the test without its parameters."""
    return name.split("[", 1)[0]


def wanted(name: str, only: Iterable[str] | None) -> bool:
    """Whether ``only`` names this test, exactly or by its name without parameters."""
    if only is None:
        return True
    names = set(only)
    return name in names or base_name(name) in names


def select_tests(tests: Sequence[TestInfo], mode: Mode, only: Iterable[str] | None) -> list[TestInfo]:
    """The tests a run executes: visible ones only for ``run``, all for ``submit``."""
    only_list = list(only) if only is not None else None
    return [t for t in tests if (mode == "submit" or t.visible) and wanted(t.name, only_list)]
