"""The JSON-lines framing between client, server and test process is bounded and forgiving."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import TestInfo
from checkers.protocol import LineReader, decode, encode
from checkers.suite import Suite, base_name, select_tests, wanted


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
