"""Tracebacks are cut before anyone formats them, and show only the answer's frames."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from checkers import Status, TestInfo
from checkers.diagnose import (
    classify,
    compose_result,
    crash_frames,
    diagnose,
    first_lines,
    statement_at,
)
from checkers.traceback_trim import answer_frames, cut_traceback, format_frames, frames_of

HERE = __file__


def _recurse(n: int) -> int:
    return _recurse(n + 1) + 1


def _deep_error(depth: int) -> RecursionError:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth)
    try:
        _recurse(0)
    except RecursionError as exc:
        return exc
    finally:
        sys.setrecursionlimit(old)
    raise AssertionError("no RecursionError")


def test_a_deep_traceback_is_cut_fast_and_folded() -> None:
    exc = _deep_error(200_000)
    start = time.perf_counter()
    cuts = cut_traceback(exc)
    frames = answer_frames(exc, HERE, cuts=cuts)
    text = format_frames(frames)
    assert time.perf_counter() - start < 5  # a single pass; generous for slow machines
    assert len(frames_of(exc.__traceback__)) <= 100
    assert sum(cuts.values()) > 150_000
    assert frames[-1].name == "_recurse" and frames[-1].repeat > 150_000  # the cut folded in
    assert "repeated" in text and len(text) < 400


def test_short_tracebacks_are_left_alone() -> None:
    try:
        {"y": 1}["x"]
    except KeyError as exc:
        assert cut_traceback(exc) == {}
        frames = answer_frames(exc, HERE)
        assert frames[-1].line == '{"y": 1}["x"]'
        assert format_frames(frames, display_name="mine.py").startswith("mine.py, line ")


def test_classify() -> None:
    def raised(exc: BaseException) -> BaseException:
        try:
            raise exc
        except BaseException as caught:  # noqa: BLE001
            return caught

    assert classify(raised(MemoryError()), answer_file=HERE) is Status.MEMORY
    assert classify(raised(OSError(27, "File too large")), answer_file=HERE) is Status.OUTPUT_LIMIT
    assert classify(raised(ValueError("x")), answer_file=HERE) is Status.ERROR
    # An assertion raised by the answer's own code is the answer raising, not a wrong result.
    assert classify(raised(AssertionError()), answer_file=HERE) is Status.ERROR
    assert classify(raised(AssertionError()), answer_file="elsewhere.py") is Status.FAILED
    chained = raised(ValueError("outer"))
    chained.__context__ = MemoryError()
    assert classify(chained, answer_file=HERE) is Status.MEMORY


def test_statement_at_finds_the_whole_statement(tmp_path: Path) -> None:
    path = tmp_path / "t.py"
    path.write_text("def test():\n    assert f(\n        1,\n    ) == 2\n")
    assert statement_at(str(path), 3) == "assert f(\n    1,\n) == 2"
    assert statement_at(str(path), 99) == ""


def test_diagnose_keeps_expected_and_actual_for_a_failed_assert(tmp_path: Path) -> None:
    try:
        assert 1 == 2, "values differ"
    except AssertionError as exc:
        diag = diagnose(exc, answer_file="solution.py", tests_file=HERE, compare=("==", "1", "2"))
    assert diag.status is Status.FAILED
    assert (diag.actual, diag.expected) == ("1", "2")
    assert diag.statement.startswith("assert 1 == 2")


def test_hidden_results_show_only_what_they_probe() -> None:
    try:
        assert 41 == 42
    except AssertionError as exc:
        diag = diagnose(exc, answer_file="solution.py", tests_file=HERE, compare=("==", "41", "42"))
    hidden = TestInfo("test_secret", "strings as input", visible=False)
    result = compose_result(hidden, diag.status, duration=0.1, diag=diag, output="debug 42\n")
    assert result.message == "Hidden test failed: strings as input"
    assert result.expected is None and result.actual is None and result.output == "" and result.traceback == ""
    assert "42" not in result.message
    assert "expected: 42" in result.detail and "debug 42" in result.detail  # for after the round
    visible = compose_result(TestInfo("test_x"), diag.status, duration=0.1, diag=diag, output="debug\n")
    assert "expected: 42" in visible.message and "actual:   41" in visible.message
    assert "printed:\n  debug" in visible.message and visible.expected == "42"


def test_crash_frames_from_a_faulthandler_dump() -> None:
    log = (
        "noise\nFatal Python error: Segmentation fault\n\nCurrent thread 0x01 (most recent call first):\n"
        '  File "/w/solution.py", line 3 in inner\n  File "/w/solution.py", line 7 in outer\n'
        '  File "/w/tests.py", line 9 in test_x\n'
    )
    source = "\n".join(f"line{i}" for i in range(1, 10))
    frames = crash_frames(log, "/w/solution.py", source)
    assert [(f.lineno, f.name, f.line) for f in frames] == [
        (7, "outer", "line7"),
        (3, "inner", "line3"),
    ]
    assert crash_frames("nothing here", "/w/solution.py", source) == []


def test_first_lines_bounds_output() -> None:
    assert first_lines("a\nb\nc", lines=2) == "a\nb\n…"
    assert first_lines("x" * 50, chars=10) == "x" * 10 + "\n…"
    assert first_lines("") == ""


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_a_hidden_wording(status: Status) -> None:
    result = compose_result(TestInfo("t", "probe", visible=False), status, duration=0, note="n")
    assert result.message.startswith("Hidden test") or status is Status.PASSED
