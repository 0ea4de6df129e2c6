"""Limits travel as plain data; signals read as words a person understands."""

from __future__ import annotations

from checkers import Limits


def test_limits_round_trip_and_ignore_unknown_keys() -> None:
    limits = Limits(memory=1 << 30, grace=0.5)
    assert Limits.from_dict(limits.to_dict()) == limits
    assert Limits.from_dict({"grace": 2.0, "from_the_future": 1}) == Limits(grace=2.0)
