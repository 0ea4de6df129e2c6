"""Every code question's suite is a fair judge: it passes the model answer and
rejects every known-wrong answer, through the real checker server (so these
tests exercise isolation too, not just the suites).

Each mutant's docstring names its mistake and, on a ``Caught by:`` line, the
tests that must fail on it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkers.client import CheckerClient
from checkers.events import RunOutcome, Status
from checkers.suite import Suite
from question_bank import Question, load_bank

pytestmark = pytest.mark.checker

CODE_QUESTIONS = sorted((q for q in load_bank() if q.kind.is_code), key=lambda q: q.id)
CAUGHT_BY = re.compile(r"^Caught by:\s*(?P<names>.+)$", re.MULTILINE)


def suite_of(question: Question) -> Suite:
    assert question.code is not None
    return Suite.from_code(question.code)


def mutants() -> list[tuple[Question, Path]]:
    return [(q, path) for q in CODE_QUESTIONS for path in sorted((q.folder / "mutants").glob("*.py"))]


def caught_by(path: Path) -> list[str]:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    match = CAUGHT_BY.search(docstring)
    assert match, f"{path.name}: its docstring needs a 'Caught by: test_a, test_b' line"
    assert docstring.splitlines()[0].strip(), f"{path.name}: the first docstring line names the mistake"
    return [name.strip() for name in match["names"].split(",") if name.strip()]


@pytest.fixture(scope="module")
def client() -> Iterator[CheckerClient]:
    checker = CheckerClient()
    yield checker
    checker.close()


@pytest.fixture(scope="module")
def reference_runs(client: CheckerClient) -> ReferenceRuns:
    """Each question's reference, submitted once (when a test first needs it) and shared by the tests below."""
    return ReferenceRuns(client)


class ReferenceRuns:
    """question id -> the reference's Submit, run on first use (so no single test pays for all seven)."""

    def __init__(self, client: CheckerClient) -> None:
        self.client = client
        self.runs: dict[str, RunOutcome] = {}

    def __getitem__(self, question_id: str) -> RunOutcome:
        if question_id not in self.runs:
            question = next(q for q in CODE_QUESTIONS if q.id == question_id)
            assert question.code is not None
            handle = self.client.run(suite_of(question), question.code.reference(), mode="submit", supersede=False)
            self.runs[question_id] = handle.wait(timeout=120)
        return self.runs[question_id]


def test_there_are_seven_code_questions() -> None:
    assert len(CODE_QUESTIONS) == 7


@pytest.mark.parametrize("question", CODE_QUESTIONS, ids=lambda q: q.id)
def test_reference_passes_every_test(question: Question, reference_runs: ReferenceRuns) -> None:
    outcome = reference_runs[question.id]
    failing = {r.name: r.message for r in outcome.results if r.status is not Status.PASSED}
    assert not failing
    assert outcome.status is Status.PASSED


@pytest.mark.parametrize("question", CODE_QUESTIONS, ids=lambda q: q.id)
def test_suite_shape(question: Question, reference_runs: ReferenceRuns) -> None:
    """At least 15 tests, 2–4 visible examples, every danger zone tagged, every test described."""
    results = reference_runs[question.id].results
    assert len(results) >= 15
    assert 2 <= sum(r.visible for r in results) <= 4
    tagged = {r.danger for r in results if r.danger}
    assert {z.id for z in question.danger_zones} <= tagged
    assert tagged <= {z.id for z in question.danger_zones}, "a test is tagged with a zone the question lacks"
    assert all(r.description for r in results)


@pytest.mark.parametrize("question", CODE_QUESTIONS, ids=lambda q: q.id)
def test_starter_does_not_pass(question: Question, client: CheckerClient) -> None:
    assert question.code is not None
    outcome = client.run(suite_of(question), question.code.starter(), mode="submit", supersede=False).wait(120)
    assert outcome.status is not Status.PASSED


@pytest.mark.parametrize("question", CODE_QUESTIONS, ids=lambda q: q.id)
def test_at_least_five_mutants(question: Question) -> None:
    assert len(list((question.folder / "mutants").glob("*.py"))) >= 5


def mutant_claims() -> list[tuple[Question, Path, str]]:
    """Each mutant with each test its docstring says catches it (one case each: a slow mutant stays one slow case)."""
    return [(q, path, name) for q, path in mutants() for name in caught_by(path)]


@pytest.mark.parametrize(
    "question, mutant, name", mutant_claims(), ids=[f"{q.id}/{p.stem}/{n}" for q, p, n in mutant_claims()]
)
def test_mutant_fails_the_tests_it_names(
    question: Question, mutant: Path, name: str, client: CheckerClient, reference_runs: ReferenceRuns
) -> None:
    known = {r.name.split("[", 1)[0] for r in reference_runs[question.id].results}
    assert name in known, f"{mutant.name} names {name}, which the suite does not have"
    outcome = client.run(
        suite_of(question), mutant.read_text(encoding="utf-8"), mode="submit", only=[name], supersede=False
    ).wait(timeout=120)
    statuses = {r.name: r.status for r in outcome.results if r.name.split("[", 1)[0] == name}
    assert statuses, f"{name} did not run"
    assert any(s is not Status.PASSED for s in statuses.values()), f"{mutant.name} passes {name}"
