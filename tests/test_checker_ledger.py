"""RunLedger: every announced test gets exactly one result, and RunFinished comes once, last."""

from __future__ import annotations

from checkers import Result, RunFinished, Status, TestInfo
from checkers.ledger import RunLedger

TESTS = [TestInfo("a"), TestInfo("b"), TestInfo("c", visible=False)]


def test_fill_gives_a_status_to_every_test_not_reached() -> None:
    ledger = RunLedger("r", "submit")
    assert ledger.start(TESTS) is not None
    assert ledger.start(TESTS) is None  # announced once
    ledger.test_started("a")
    ledger.test_finished(Result("a", Status.PASSED))
    ledger.test_started("b")
    assert ledger.in_flight == "b"
    filled = ledger.fill(Status.CRASHED, "Not run")
    assert [e.result.name for e in filled] == ["b", "c"]
    assert all(not e.result.ran for e in filled)
    assert filled[1].result.visible is False
    finished = ledger.finish()
    assert isinstance(finished, RunFinished)
    assert finished.status is Status.FAILED
    assert finished.counts == {"passed": 1, "crashed": 2}


def test_duplicates_and_events_after_the_end_are_dropped() -> None:
    ledger = RunLedger("r", "run")
    ledger.start(TESTS[:1])
    assert ledger.test_finished(Result("a", Status.PASSED)) is not None
    assert ledger.test_finished(Result("a", Status.FAILED)) is None
    assert ledger.finish() is not None
    assert ledger.finish() is None
    assert ledger.test_started("a") is None
    assert ledger.finished is not None and ledger.finished.status is Status.PASSED


def test_explicit_status_and_unknown_results() -> None:
    ledger = RunLedger("r", "run")
    ledger.start([])
    ledger.test_finished(Result("surprise", Status.PASSED))
    assert [t.name for t in ledger.tests or []] == ["surprise"]
    finished = ledger.finish(status=Status.IMPORT_ERROR, message="boom")
    assert finished is not None and finished.status is Status.IMPORT_ERROR and finished.detail == "boom"
