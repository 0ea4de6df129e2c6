"""Every code question's suite is a fair judge: it passes the model answer and
rejects every known-wrong answer, through the real checker server (so these
tests exercise isolation too, not just the suites).

Each mutant's docstring names its mistake and, on a ``Caught by:`` line, the
tests that must fail on it (``question_bank.mutants``). Here each mutant is
submitted once against the tests it names, the way a candidate's Submit runs
them; ``bench/mutant_claims.py`` runs every (mutant, test) pair alone, so
each claim is also proven with nothing before it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checkers.client import CheckerClient
from checkers.events import Result, RunOutcome, Status
from checkers.suite import Suite
from question_bank import Question, load_bank
from question_bank.mutants import Mutant, mutants_of

CODE_QUESTIONS = sorted((q for q in load_bank() if q.kind.is_code), key=lambda q: q.id)
MUTANTS = [mutant for question in CODE_QUESTIONS for mutant in mutants_of(question)]


def suite_of(question: Question) -> Suite:
    assert question.code is not None
    return Suite.from_code(question.code)


def base_name(result: Result) -> str:
    """``test_x`` for ``test_x`` and for each of its parametrized cases ``test_x[…]``."""
    return result.name.split("[", 1)[0]


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
def test_starter_fails_the_visible_examples(question: Question, client: CheckerClient) -> None:
    """Run (the visible examples) is enough: a Submit runs those too, so it cannot pass either."""
    assert question.code is not None
    outcome = client.run(suite_of(question), question.code.starter(), mode="run", supersede=False).wait(120)
    assert outcome.status is not Status.PASSED


@pytest.mark.parametrize("question", CODE_QUESTIONS, ids=lambda q: q.id)
def test_at_least_five_mutants(question: Question) -> None:
    assert len(mutants_of(question)) >= 5


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.question_id}/{m.name}")
def test_a_mutant_names_tests_the_suite_has(mutant: Mutant, reference_runs: ReferenceRuns) -> None:
    known = {base_name(r) for r in reference_runs[mutant.question_id].results}
    assert mutant.caught_by, f"{mutant.path.name} names no test"
    assert set(mutant.caught_by) <= known, f"{mutant.path.name} names tests the suite does not have"


def names_to_submit(mutant: Mutant, perf: set[str]) -> list[str]:
    """The tests a mutant is submitted against here: the ones it names, speed tests aside.

    A speed test times the answer against the model answer on a large input
    (seconds each), so it runs here only for a mutant that nothing else
    catches; the bench runs every pair.
    """
    correctness = [name for name in mutant.caught_by if name not in perf]
    return correctness or [mutant.caught_by[0]]


def full_limit_results(outcome: RunOutcome) -> list[Result]:
    """The results a run's time budget did not shorten: every one up to and including its first timeout.

    After a timeout the checker gives the remaining tests a shorter limit, or
    none (``checkers.budget``): a later timeout there says less about the
    answer, though a pass or a failed assertion says as much as ever.
    """
    trusted: list[Result] = []
    timed_out = False
    for result in outcome.results:
        if not (timed_out and result.status is Status.TIMEOUT):
            trusted.append(result)
        timed_out = timed_out or result.status is Status.TIMEOUT
    return trusted


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.question_id}/{m.name}")
def test_a_mutant_fails_the_tests_it_names(
    mutant: Mutant, client: CheckerClient, reference_runs: ReferenceRuns
) -> None:
    question = next(q for q in CODE_QUESTIONS if q.id == mutant.question_id)
    perf = {base_name(r) for r in reference_runs[question.id].results if r.perf}
    names = names_to_submit(mutant, perf)
    outcome = client.run(suite_of(question), mutant.source(), mode="submit", only=names, supersede=False).wait(120)
    by_name: dict[str, list[Status]] = {}
    for result in outcome.results:
        by_name.setdefault(base_name(result), []).append(result.status)
    assert set(names) <= by_name.keys(), f"{mutant.path.name}: {sorted(set(names) - by_name.keys())} did not run"
    # A parametrized test catches the mutant when one of its cases fails.
    passing = sorted(name for name in names if all(s is Status.PASSED for s in by_name[name]))
    assert not passing, f"{mutant.path.name} passes {passing}"
    caught = {base_name(r) for r in full_limit_results(outcome) if r.status is not Status.PASSED}
    assert caught, f"{mutant.path.name} only ran out of a shortened time budget"
