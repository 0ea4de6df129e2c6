"""Folding checker events into rows, and what hidden tests may show."""

from __future__ import annotations

from conftest import TWO_SUM_TESTS, TWO_SUM_VISIBLE

from tui.core.checking import RunFailed, RunFinished, RunMode, RunStarted, TestFinished, TestStarted, TestStatus
from tui.core.results import CheckRun, RunOutcome, trim_traceback


def test_rows_move_from_queued_to_running_to_result() -> None:
    run = CheckRun(RunMode.RUN, "src", started_at=0)
    assert run.summary() == "Starting the checker…"
    run.apply(RunStarted(TWO_SUM_VISIBLE), 0)
    assert [r.status for r in run.rows] == [TestStatus.QUEUED] * 3
    run.apply(TestStarted("test_example"), 0)
    assert run.rows[0].status is TestStatus.RUNNING
    run.apply(TestFinished("test_example", TestStatus.PASSED, duration=0.25), 1)
    assert run.rows[0].status is TestStatus.PASSED and run.rows[0].duration == 0.25
    assert run.summary() == "Running 1/3 · 1 passed · hidden tests run on submit"
    run.apply(TestFinished("test_negative_numbers", TestStatus.FAILED, expected="(0, 2)", actual="None"), 1)
    run.apply(TestFinished("test_no_pair", TestStatus.PASSED), 1)
    run.apply(RunFinished(), 2)
    assert run.outcome is RunOutcome.FINISHED and run.finished_at == 2
    assert run.summary() == "2/3 passed · hidden tests run on submit"
    detail = run.detail("test_negative_numbers")
    assert detail is not None and (detail.expected, detail.actual) == ("(0, 2)", "None")


def test_hidden_tests_never_show_expected_values() -> None:
    run = CheckRun(RunMode.SUBMIT, "src", started_at=0)
    run.apply(RunStarted(TWO_SUM_TESTS), 0)
    run.apply(
        TestFinished(
            "test_large_input", TestStatus.TIMEOUT, message="secret", expected="(1, 2)", actual="x", traceback="tb"
        ),
        1,
    )
    detail = run.detail("test_large_input")
    assert detail is not None and not detail.visible
    assert (detail.expected, detail.actual, detail.traceback) == (None, None, "")
    assert detail.message == "secret"  # the checker writes hidden messages to be safe to show
    assert detail.description == "a large input, in linear time"
    run.apply(RunFinished(), 2)
    assert run.summary() == "0/5 passed · 2 hidden"


def test_cancel_marks_unfinished_rows_not_run_and_ignores_late_events() -> None:
    run = CheckRun(RunMode.RUN, "src", started_at=0)
    run.apply(RunStarted(TWO_SUM_VISIBLE), 0)
    run.apply(TestStarted("test_example"), 0)
    run.cancel(1)
    assert run.outcome is RunOutcome.CANCELLED
    assert {r.status for r in run.rows} == {TestStatus.NOT_RUN}
    run.apply(TestFinished("test_example", TestStatus.PASSED), 2)
    assert run.rows[0].status is TestStatus.NOT_RUN
    assert run.summary().endswith("cancelled · hidden tests run on submit")


def test_import_error_fails_the_whole_run() -> None:
    run = CheckRun(RunMode.RUN, "def broken(:", started_at=0)
    run.apply(RunFailed("import_error", "Your answer could not be imported:\nSyntaxError at line 1: invalid syntax"), 0)
    assert run.outcome is RunOutcome.FAILED
    assert run.summary() == "Does not import: SyntaxError at line 1: invalid syntax"


def test_unknown_tests_are_added_not_lost() -> None:
    run = CheckRun(RunMode.RUN, "src", started_at=0)
    run.apply(TestFinished("test_surprise", TestStatus.PASSED), 0)
    assert [r.name for r in run.rows] == ["test_surprise"]


def test_tracebacks_keep_their_end() -> None:
    text = "\n".join(f"line {i}" for i in range(100))
    trimmed = trim_traceback(text, limit=5).splitlines()
    assert trimmed[0] == "… 95 earlier lines" and trimmed[-1] == "line 99"
