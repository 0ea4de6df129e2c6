"""The round timer: derived from the start reading, so it never drifts; pause and overtime."""

from __future__ import annotations

import pytest

from tui.core.clock import FakeClock, MonotonicClock
from tui.core.timer import RoundTimer, TimerPhase, format_duration


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59.9, "00:59"),
        (60, "01:00"),
        (45 * 60, "45:00"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (-5, "00:00"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_countdown_is_computed_from_the_start(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 45 * 60)
    assert timer.display() == "45:00" and not timer.started
    timer.start()
    clock.advance(0.4)
    assert timer.display() == "45:00"  # rounds up: a started second is not yet used
    clock.advance(0.6)
    assert timer.display() == "44:59"
    clock.advance(44 * 60 + 58.5)  # one irregular jump, as after a sleep: still exact
    assert timer.display() == "00:01"
    clock.advance(0.5)
    assert timer.display() == "00:00" and timer.is_up()


def test_long_rounds_show_hours(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 90 * 60)
    timer.start()
    assert timer.display() == "1:30:00"
    clock.advance(31 * 60)
    assert timer.display() == "59:00"


def test_phases_change_at_a_quarter_left_and_at_two_minutes(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 40 * 60)
    timer.start()
    assert timer.phase() is TimerPhase.NORMAL
    clock.advance(30 * 60 - 1)
    assert timer.phase() is TimerPhase.NORMAL
    clock.advance(1)  # 10:00 left = 25 %
    assert timer.phase() is TimerPhase.LOW
    clock.advance(8 * 60)  # 2:00 left
    assert timer.phase() is TimerPhase.CRITICAL
    clock.advance(120)
    assert timer.phase() is TimerPhase.OVERTIME


def test_short_rounds_go_critical_before_low(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 5 * 60)
    timer.start()
    clock.advance(181)  # 1:59 left, more than 25 %
    assert timer.phase() is TimerPhase.CRITICAL


def test_overtime_counts_up(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 60, pausable=True)
    timer.start()
    clock.advance(60 + 3 * 60 + 12)
    assert timer.overtime() == pytest.approx(192)
    assert timer.display() == "+03:12 overtime"
    assert timer.remaining() == 0


def test_pause_excludes_time(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 600, pausable=True)
    timer.start()
    clock.advance(100)
    timer.pause()
    assert timer.paused
    clock.advance(1000)
    assert timer.elapsed() == pytest.approx(100)
    timer.resume()
    clock.advance(50)
    assert timer.elapsed() == pytest.approx(150)
    assert not timer.is_up()


def test_onsite_timers_cannot_pause(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 600)
    timer.start()
    with pytest.raises(RuntimeError):
        timer.pause()


def test_stop_freezes(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 600, pausable=True)
    timer.start()
    clock.advance(10)
    timer.pause()
    clock.advance(5)
    timer.stop()
    clock.advance(100)
    assert timer.elapsed() == pytest.approx(10)
    assert not timer.running


def test_clocks_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        MonotonicClock(scale=0)
    with pytest.raises(ValueError):
        FakeClock().advance(-1)
    with pytest.raises(ValueError):
        RoundTimer(FakeClock(), 0)


def test_monotonic_clock_scales() -> None:
    fast = MonotonicClock(scale=1000.0)
    first = fast.now()
    second = fast.now()
    assert second >= first >= 0


def test_a_timed_out_round_stops_at_its_deadline(clock: FakeClock) -> None:
    timer = RoundTimer(clock, 600)
    timer.start()
    clock.advance(615)  # the tick that noticed came 15 s late
    timer.stop(at_deadline=True)
    clock.advance(100)
    assert timer.elapsed() == 600 and timer.overtime() == 0
    assert timer.display() == "00:00"
