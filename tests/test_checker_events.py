"""Checker events and results are plain JSON data both ways (the session recorder stores them)."""

from __future__ import annotations

import json

import pytest

from checkers import (
    Event,
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
from checkers.events import count_statuses

INFO = TestInfo("test_x[1-2]", "adds", visible=False, danger="zone", perf=True, timeout=3.5)
RESULT = Result(
    name="test_x[1-2]",
    status=Status.FAILED,
    description="adds",
    visible=True,
    danger="zone",
    perf=False,
    duration=0.25,
    message="assert f(1) == 2",
    expected="2",
    actual="1",
    output="hello\n",
    traceback="solution.py, line 1, in f",
    line=1,
    detail="everything",
)
EVENTS: list[Event] = [
    RunStarted("r1", "submit", (INFO, TestInfo("test_y"))),
    TestStarted("r1", "test_x[1-2]"),
    TestFinished("r1", RESULT),
    RunFinished("r1", Status.FAILED, {"failed": 1}, 0.5, "msg", "out", "detail", cancelled=True),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: type(e).__name__)
def test_round_trip_through_json(event: Event) -> None:
    data = json.loads(json.dumps(event_to_dict(event)))
    assert event_from_dict(data) == event


def test_statuses_are_stable_strings() -> None:
    assert [s.value for s in Status] == [
        "passed", "failed", "error", "timeout", "memory", "output_limit", "crashed", "import_error",
    ]  # fmt: skip
    assert json.dumps({"s": Status.TIMEOUT}) == '{"s": "timeout"}'


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "nope", "run": "r"},
        {"kind": "test_started"},
        {"kind": "run_started", "run": "r", "mode": "x", "tests": []},
    ],
)
def test_malformed_events_raise_value_error(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        event_from_dict(data)


def test_not_run_result_keeps_the_test_metadata() -> None:
    result = Result.not_run(INFO, Status.CRASHED, "Not run: the process died.")
    assert (result.name, result.visible, result.danger, result.perf) == (
        "test_x[1-2]",
        False,
        "zone",
        True,
    )
    assert not result.ran and result.message == result.detail


def test_run_outcome_round_trip_and_lookups() -> None:
    outcome = RunOutcome.from_events(EVENTS)
    assert outcome.result("test_x[1-2]") is RESULT
    assert outcome.statuses() == {"test_x[1-2]": Status.FAILED}
    assert RunOutcome.from_dict(json.loads(json.dumps(outcome.to_dict()))) == outcome
    with pytest.raises(KeyError):
        outcome.result("missing")
    with pytest.raises(ValueError):
        RunOutcome.from_events(EVENTS[:2])


def test_count_statuses() -> None:
    assert count_statuses([RESULT, RESULT, Result("a", Status.PASSED)]) == {
        "failed": 2,
        "passed": 1,
    }
