"""Passes must be earned and waits bounded, through the real checker server.

Each test submits one answer that tries (by accident or on purpose) to pass
without being right, or to keep the candidate waiting, and checks the
verdict: the status, the sentence, and how long it took.
"""

from __future__ import annotations

import os
import signal
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.checker_support.helpers import REFERENCE, SUITE, answer

import checkers.client
from checkers import CheckerClient, Limits, Status, Suite, TestStarted
from checkers.budget import RUN_BUDGET
from checkers.events import RunOutcome
from checkers.verdicts import NO_TESTS, danger_zones_hit

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def client() -> Iterator[CheckerClient]:
    with CheckerClient(limits=Limits(grace=1.0)) as client:
        assert client.wait_ready(60)
        yield client


def submit(client: CheckerClient, source: str, suite: Suite = SUITE, **options: object) -> RunOutcome:
    return client.run(suite, source, mode="submit", supersede=False, **options).wait(120)  # type: ignore[arg-type]  # only= and friends


# -- passes that are not earned ---------------------------------------------------------


@pytest.mark.parametrize("call", ["pytest.skip('later')", "pytest.xfail('known')"])
def test_a_skip_or_xfail_from_the_answer_is_not_a_pass(client: CheckerClient, call: str) -> None:
    outcome = submit(client, answer(f"import pytest\n{call}"))
    risky = outcome.result("test_risky")
    assert risky.status is Status.ERROR
    assert risky.message.startswith("The answer skipped this test") and "not a pass" in risky.message
    assert outcome.status is Status.FAILED


def test_the_model_answer_cannot_be_imported(client: CheckerClient) -> None:
    outcome = submit(client, "from reference import *\n" + REFERENCE)
    assert outcome.status is Status.IMPORT_ERROR
    assert "No module named 'reference'" in outcome.finished.message


@pytest.mark.parametrize(
    "value",
    [
        "type('Eq', (), {'__eq__': lambda self, other: True, '__hash__': object.__hash__})()",
        "type('Int', (int,), {'__eq__': lambda self, other: True, '__hash__': int.__hash__})(7)",
    ],
    ids=["always-equal-object", "int-subclass"],
)
def test_a_value_that_only_compares_equal_fails_and_says_why(client: CheckerClient, value: str) -> None:
    outcome = submit(client, answer(f"return {value}"))
    risky = outcome.result("test_risky")
    assert risky.status is Status.FAILED
    assert "the answer gave" in risky.message and "an int is expected" in risky.message


def test_zero_tests_run_is_not_a_pass(client: CheckerClient) -> None:
    outcome = submit(client, REFERENCE, only=["test_that_does_not_exist"])
    assert outcome.status is Status.ERROR
    assert outcome.finished.message == NO_TESTS


def test_a_huge_wrong_value_is_reported_fast_and_short(client: CheckerClient) -> None:
    outcome = submit(client, answer("return list(range(10**7))"))
    risky = outcome.result("test_risky")
    # Failed, not timeout: showing the value did not cost the answer its time limit (a full diff took minutes).
    assert risky.status is Status.FAILED, risky.message
    assert len(risky.message) < 4000 and "the answer gave a list" in risky.message


def test_an_answer_too_large_is_refused_with_a_sentence(client: CheckerClient) -> None:
    outcome = submit(client, "x = 1\n" * 300_000)
    assert outcome.status is Status.CRASHED and "at most 1,024 KiB" in outcome.finished.message


# -- expected exceptions and danger zones --------------------------------------------------

RAISES_SUITE = '''
import pytest
from solution import parse


class BadInput(Exception):
    pass


@pytest.mark.visible
@pytest.mark.danger("only-numbers")
def test_rejects_text():
    """text is refused with ValueError"""
    with pytest.raises(ValueError):
        parse("abc")


@pytest.mark.visible
@pytest.mark.danger("only-numbers")
def test_rejects_none():
    """None is refused with ValueError"""
    with pytest.raises(ValueError):
        parse(None)
'''


@pytest.fixture
def raises_suite(tmp_path: Path) -> Suite:
    (tmp_path / "tests.py").write_text(textwrap.dedent(RAISES_SUITE), encoding="utf-8")
    (tmp_path / "reference.py").write_text(
        "def parse(text):\n    if not isinstance(text, str) or not text.isdigit():\n"
        "        raise ValueError(text)\n    return int(text)\n",
        encoding="utf-8",
    )
    return Suite(tmp_path / "tests.py", tmp_path / "reference.py", timeout=1.0)


def test_did_not_raise_and_the_wrong_exception_are_wrong_answers(client: CheckerClient, raises_suite: Suite) -> None:
    outcome = submit(client, "def parse(text):\n    return int(text) if text else 0\n", raises_suite)
    text, none = outcome.result("test_rejects_text"), outcome.result("test_rejects_none")
    assert text.status is Status.PASSED  # int("abc") raises the ValueError the test wants
    assert none.status is Status.FAILED and "DID NOT RAISE" in none.message
    assert danger_zones_hit(outcome.results) == ["only-numbers"]
    wrong = submit(client, "def parse(text):\n    return text + 1\n", raises_suite)
    assert wrong.result("test_rejects_text").status is Status.FAILED
    assert "expected: ValueError" in wrong.result("test_rejects_text").message
    assert "actual:   TypeError" in wrong.result("test_rejects_text").message


def test_an_unfinished_starter_hits_no_danger_zone(client: CheckerClient, raises_suite: Suite) -> None:
    outcome = submit(client, "def parse(text):\n    raise NotImplementedError\n", raises_suite)
    assert {r.status for r in outcome.results} == {Status.ERROR}
    assert danger_zones_hit(outcome.results) == []


# -- bounded waits --------------------------------------------------------------------------

HANGS_EVERYWHERE = """
def add(a, b):
    while True:
        pass


def divide(a, b):
    while True:
        pass


def mean(xs):
    while True:
        pass


def risky():
    while True:
        pass
"""


def test_an_answer_that_hangs_in_every_call_gets_its_verdict_in_seconds(client: CheckerClient) -> None:
    start = time.monotonic()
    outcome = submit(client, HANGS_EVERYWHERE)
    elapsed = time.monotonic() - start
    ran = [r for r in outcome.results if r.ran]
    assert all(r.status is Status.TIMEOUT for r in outcome.results)
    assert ran[0].duration == pytest.approx(SUITE.timeout, abs=0.5), "the first timeout shows within its own limit"
    assert elapsed < RUN_BUDGET + 6, f"{elapsed:.1f} s"
    not_run = [r for r in outcome.results if not r.ran]
    assert all(r.message.startswith("Not run: earlier tests ran out of time") for r in not_run)


def test_a_server_that_stops_answering_is_replaced(client: CheckerClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkers.client, "STALL_SECONDS", 1.5)
    with CheckerClient() as own:
        assert own.wait_ready(60)
        pid = own.server_pid
        assert pid is not None
        handle = own.run(SUITE, HANGS_EVERYWHERE, mode="run")
        for event in handle:
            if isinstance(event, TestStarted):
                os.kill(pid, signal.SIGSTOP)
                break
        outcome = handle.wait(30)
        assert outcome.status is Status.CRASHED
        assert "stopped answering" in outcome.finished.message or any(
            "stopped answering" in r.message for r in outcome.results
        )
        assert own.run(SUITE, REFERENCE, mode="run").wait(60).status is Status.PASSED
        assert own.server_pid != pid


# -- the same verdict every time ----------------------------------------------------------

SLOW_BUT_RIGHT = answer("total = 0\nfor i in range(2_000_000):\n    total += 1\nreturn 42")
QUADRATIC_MEAN = answer("return 42").replace(
    "def mean(xs):\n    return sum(xs) / len(xs)",
    "def mean(xs):\n    total = 0\n    for i in range(len(xs)):\n        total += sum(xs[: i + 1]) - sum(xs[:i])\n"
    "    return total / len(xs)",
)


#: Statuses of each answer's first run, to compare the next runs with (checker tests share one worker).
FIRST_RUN: dict[str, tuple[tuple[str, Status, bool], ...]] = {}
#: Short limits, so five runs stay quick: the slow-but-right answer needs ~0.1 s a test, the looping
#: one only has to run out of time (each of its six looping tests costs its whole limit).
QUICK = Suite(SUITE.tests, SUITE.reference, timeout=0.3)
QUICKEST = Suite(SUITE.tests, SUITE.reference, timeout=0.1)


@pytest.mark.parametrize("run", range(5))
@pytest.mark.parametrize(
    ("name", "source", "suite"),
    [
        ("looping", HANGS_EVERYWHERE, QUICKEST),
        ("slow-but-right", SLOW_BUT_RIGHT, QUICK),
        ("quadratic", QUADRATIC_MEAN, QUICK),
    ],
    ids=["looping", "slow-but-right", "quadratic"],
)
def test_the_same_answer_gets_the_same_statuses_five_runs_in_a_row(
    client: CheckerClient, name: str, source: str, suite: Suite, run: int
) -> None:
    statuses = tuple((r.name, r.status, r.ran) for r in submit(client, source, suite).results)
    expected = FIRST_RUN.setdefault(name, statuses)
    assert statuses == expected, f"run {run + 1} of {name} differs from the first"
    if name == "slow-but-right":
        assert all(status is Status.PASSED for _, status, _ in statuses)
    if name == "quadratic":
        assert {n: s for n, s, _ in statuses}["test_mean_speed"] is Status.FAILED
