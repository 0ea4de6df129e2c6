"""Clocks: where "now" comes from, so timers can be tested without waiting.

A clock returns seconds on a monotonic scale with an arbitrary origin; only
differences between two readings mean anything. Timers store the reading at
which they started and compute what to display from it, so nothing is ever
decremented and the display cannot drift however irregularly it is refreshed.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

#: ``--time-scale`` bounds: a hundredth of real time up to an hour a second. Beyond, the numbers stop
#: meaning anything (1e308 overflows the timer; inf freezes it).
MIN_TIME_SCALE = 0.01
MAX_TIME_SCALE = 3600.0


def check_time_scale(scale: float) -> float:
    """``scale`` if it is a usable time scale; ``ValueError`` (one sentence) otherwise."""
    if not (math.isfinite(scale) and MIN_TIME_SCALE <= scale <= MAX_TIME_SCALE):
        raise ValueError(f"the time scale must be between {MIN_TIME_SCALE:g} and {MAX_TIME_SCALE:g}, not {scale:g}")
    return scale


class Clock(Protocol):
    """Anything that can tell the time, in seconds, monotonically.

    ``scale`` is how many interview seconds pass per real second (1 unless
    ``--time-scale`` says otherwise).
    """

    scale: float

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: ``time.monotonic``, optionally running faster.

    ``scale`` is how many interview seconds pass per real second (the
    ``--time-scale`` option): 60 turns a 45-minute round into 45 seconds,
    which is handy for a demo or for checking the flow end to end.
    """

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = check_time_scale(scale)
        self._origin = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._origin) * self.scale


class FakeClock:
    """A clock that only moves when told to: tests advance it explicitly."""

    def __init__(self, start: float = 0.0) -> None:
        self.scale = 1.0
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds

    def set(self, now: float) -> None:
        if now < self._now:
            raise ValueError("a monotonic clock cannot go back")
        self._now = now
