"""The JSON-lines framing between client, server and test process is bounded and forgiving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers import TestInfo
from checkers.events import Result, Status
from checkers.protocol import LineReader, decode, encode
from checkers.suite import Suite, base_name, select_tests, wanted
from checkers.wire import (
    Collected,
    CollectionFailed,
    Done,
    Imported,
    ImportFailed,
    Importing,
    TestBegan,
    TestEnded,
    WireMessage,
    encode_message,
    read_message,
)


def test_lines_split_across_chunks() -> None:
    reader = LineReader(100)
    assert list(reader.feed(b'{"a": 1}\n{"b"')) == [b'{"a": 1}']
    assert list(reader.feed(b": 2}\n")) == [b'{"b": 2}']


def test_over_long_lines_are_dropped_whole() -> None:
    reader = LineReader(10)
    assert list(reader.feed(b"x" * 25)) == []
    assert list(reader.feed(b"yyy\nok\n")) == [b"ok"]
    assert list(reader.feed(b"z" * 11 + b"\nfine\n")) == [b"fine"]


def test_decode_accepts_only_objects() -> None:
    assert decode(encode({"op": "run"})) == {"op": "run"}
    assert decode(b"[1, 2]") is None
    assert decode(b"\xff not json") is None


def test_selection_by_mode_and_only() -> None:
    tests = [
        TestInfo("test_a"),
        TestInfo("test_b[1]", visible=False),
        TestInfo("test_b[2]", visible=False),
    ]
    assert [t.name for t in select_tests(tests, "run", None)] == ["test_a"]
    assert [t.name for t in select_tests(tests, "submit", ["test_b"])] == ["test_b[1]", "test_b[2]"]
    assert [t.name for t in select_tests(tests, "submit", ["test_b[2]"])] == ["test_b[2]"]
    assert base_name("test_b[1-2]") == "test_b"
    assert wanted("anything", None)


def test_suite_paths_are_sent_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = Suite(Path("t.py"), Path("r.py"), 3.0).to_dict()
    assert data == {
        "tests": str(tmp_path / "t.py"),
        "reference": str(tmp_path / "r.py"),
        "timeout": 3.0,
    }


# -- the test process's messages to the server (checkers.wire) ---------------------------


@pytest.mark.parametrize(
    "message",
    [
        Importing(),
        Imported(),
        ImportFailed("SyntaxError at line 1: '(' was never closed", "", 1, "printed"),
        CollectionFailed("ImportError: cannot import name 'f'", "tb", "from solution import f"),
        Collected((TestInfo("test_a", "a", visible=False, danger="z", perf=True, timeout=3.0),)),
        TestBegan("test_a", 1.0),
        TestBegan("test_b"),
        TestEnded(Result("test_a", Status.FAILED, message="expected: 1", ran=True)),
        Done(),
    ],
    ids=lambda m: type(m).__name__,
)
def test_wire_messages_round_trip(message: WireMessage) -> None:
    line = encode_message(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert read_message(json.loads(line)) == message


@pytest.mark.parametrize(
    "data",
    [{}, {"ev": "nope"}, {"ev": "start"}, {"ev": "result", "result": {"name": "x"}}, {"ev": "collected", "tests": 3}],
)
def test_a_torn_or_foreign_line_is_dropped(data: dict[str, object]) -> None:
    assert read_message(data) is None


def test_a_start_with_a_nonsense_limit_keeps_none() -> None:
    assert read_message({"ev": "start", "name": "t", "timeout": True}) == TestBegan("t")
    assert read_message({"ev": "start", "name": "t", "timeout": -1}) == TestBegan("t")


def test_the_checkers_own_code_stays_out_of_hypothesis_inputs() -> None:
    """The generated inputs of a suite must not depend on the checker's source (see checkers.warm)."""
    from hypothesis.internal.conjecture import providers

    import checkers.budget
    from checkers.warm import ignore_loaded_modules_constants

    assert ignore_loaded_modules_constants(), "Hypothesis moved its local-constants state: update checkers/warm.py"
    assert id(checkers.budget) in providers._seen_modules
