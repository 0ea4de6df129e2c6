"""A code question's mutants: known-wrong answers, each saying which tests must catch it.

Each file in ``questions/<id>/mutants/`` is an answer with one mistake. Its
docstring's first line names the mistake, and a ``Caught by: test_a, test_b``
line names the tests of the suite that must fail on it. The test suite and
``bench/mutant_claims.py`` both read mutants here, so the two check the same
claims.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from question_bank.models import Question

__all__ = ["Mutant", "MutantError", "mutants_of"]

_CAUGHT_BY = re.compile(r"^Caught by:\s*(?P<names>.+)$", re.MULTILINE)


class MutantError(ValueError):
    """A mutant file whose docstring does not say its mistake or the tests that catch it."""


@dataclass(frozen=True, slots=True)
class Mutant:
    """One known-wrong answer to a question and the tests that must fail on it."""

    question_id: str
    path: Path
    mistake: str
    caught_by: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.path.stem

    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @classmethod
    def read(cls, question_id: str, path: Path) -> Mutant:
        """The mutant in ``path``; ``MutantError`` when its docstring lacks the mistake or the catching tests."""
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))) or ""
        mistake = docstring.splitlines()[0].strip() if docstring else ""
        if not mistake or _CAUGHT_BY.match(mistake):  # the docstring's blank first lines are dropped
            raise MutantError(f"{path.name}: the first docstring line must name the mistake.")
        match = _CAUGHT_BY.search(docstring)
        if match is None:
            raise MutantError(f"{path.name}: the docstring needs a 'Caught by: test_a, test_b' line.")
        names = tuple(name.strip() for name in match["names"].split(",") if name.strip())
        return cls(question_id, path, mistake, names)


def mutants_of(question: Question) -> list[Mutant]:
    """The question's mutants, in file-name order (none for a question without a mutants folder)."""
    return [Mutant.read(question.id, path) for path in sorted((question.folder / "mutants").glob("*.py"))]
