"""Limits travel as plain data; signals read as words a person understands."""

from __future__ import annotations

import signal

from checkers import Limits
from checkers.process import describe_signal


def test_limits_round_trip_and_ignore_unknown_keys() -> None:
    limits = Limits(memory=1 << 30, grace=0.5)
    assert Limits.from_dict(limits.to_dict()) == limits
    assert Limits.from_dict({"grace": 2.0, "from_the_future": 1}) == Limits(grace=2.0)


def test_signal_descriptions() -> None:
    assert describe_signal(signal.SIGSEGV) == "segmentation fault (SIGSEGV)"
    assert describe_signal(signal.SIGXCPU) == "CPU time limit exceeded (SIGXCPU)"
    assert describe_signal(9999) == "signal 9999"
