"""Round timers: a countdown computed from a start reading, with pause and overtime.

The timer never counts anything down itself. It remembers when it started
and how long it has been paused, and derives elapsed, remaining and overtime
from the clock each time it is asked, so a display refreshed late (or a
laptop that slept) always shows the truth.
"""

from __future__ import annotations

import math
from enum import StrEnum

from tui.core.clock import Clock
from tui.core.messages import t

#: Below this many seconds left the timer turns critical, whatever the round's length.
CRITICAL_SECONDS = 120.0
#: Below this fraction of the round left the timer turns low.
LOW_FRACTION = 0.25


class TimerPhase(StrEnum):
    """How urgent the countdown looks; the header styles itself by this."""

    NORMAL = "normal"
    LOW = "low"  # 25 % of the round or less left
    CRITICAL = "critical"  # two minutes or less left
    OVERTIME = "overtime"  # time is up (a drill keeps counting)


def format_duration(seconds: float) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on; whole seconds, never negative."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


class RoundTimer:
    """The countdown of one round (or one drill).

    ``pausable`` is False in an onsite: a real interviewer does not stop the
    clock. The timer is created stopped; ``start`` records the clock reading.
    """

    def __init__(self, clock: Clock, duration: float, *, pausable: bool = False) -> None:
        if duration <= 0:
            raise ValueError(f"a round lasts a positive number of seconds, not {duration}")
        self.clock = clock
        self.duration = float(duration)
        self.pausable = pausable
        self.started_at: float | None = None
        self.stopped_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    # -- control ---------------------------------------------------------------------

    def start(self) -> None:
        if self.started_at is None:
            self.started_at = self.clock.now()

    def stop(self, *, at_deadline: bool = False) -> None:
        """Freeze the timer (the round ended); idempotent.

        ``at_deadline`` freezes it exactly at the end of the round, however
        late the tick that noticed it came: a round that timed out used its
        whole time, not a few ticks more.
        """
        if self.started_at is not None and self.stopped_at is None:
            if self._paused_at is not None:
                self.resume()
            now = self.clock.now()
            if at_deadline:
                now = min(now, self.started_at + self._paused_total + self.duration)
            self.stopped_at = now

    def restore(self, elapsed: float, *, paused: bool = False) -> None:
        """Continue a round that had used ``elapsed`` seconds (resume after a crash), paused if it was.

        The timer reads as started ``elapsed`` seconds of interview time ago; a
        paused one stays at ``elapsed`` until ``resume()``, however long the
        clock runs meanwhile.
        """
        now = self.clock.now()
        self.started_at = now - elapsed
        self.stopped_at = None
        self._paused_total = 0.0
        self._paused_at = now if paused and self.pausable else None

    def pause(self) -> None:
        if not self.pausable:
            raise RuntimeError("this timer cannot be paused (an onsite round never pauses)")
        if self.running and self._paused_at is None:
            self._paused_at = self.clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock.now() - self._paused_at
            self._paused_at = None

    # -- readings --------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.stopped_at is None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self) -> float:
        """Seconds of interview time used so far (pauses excluded)."""
        if self.started_at is None:
            return 0.0
        end = self.stopped_at if self.stopped_at is not None else self.clock.now()
        if self._paused_at is not None:
            end = self._paused_at
        return max(0.0, end - self.started_at - self._paused_total)

    def remaining(self) -> float:
        """Seconds left, never below zero."""
        return max(0.0, self.duration - self.elapsed())

    def overtime(self) -> float:
        """Seconds past the end, zero while time remains."""
        return max(0.0, self.elapsed() - self.duration)

    def is_up(self) -> bool:
        return self.elapsed() >= self.duration

    def phase(self) -> TimerPhase:
        if self.is_up():
            return TimerPhase.OVERTIME
        left = self.remaining()
        if left <= CRITICAL_SECONDS:
            return TimerPhase.CRITICAL
        if left <= self.duration * LOW_FRACTION:
            return TimerPhase.LOW
        return TimerPhase.NORMAL

    def fraction_used(self) -> float:
        return min(1.0, self.elapsed() / self.duration)

    def display(self) -> str:
        """What the header shows: the countdown, or ``+03:12 overtime`` past the end.

        The countdown rounds up, so it reads ``00:00`` exactly when time is up
        and never shows ``00:00`` while a fraction of a second remains.
        """
        if self.is_up():
            over = self.overtime()
            return t("timer.overtime", over=format_duration(over)) if over >= 1 else "00:00"
        return format_duration(math.ceil(self.remaining() - 1e-9))
