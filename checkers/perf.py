"""Performance checks for code suites: the answer against the reference, as a ratio.

Absolute time limits fail on slow or busy machines and pass wrong-complexity
answers on fast ones. Instead a performance test times the model answer and
the candidate's answer on the same input, in the same process, and asserts the
answer stays within a generous multiple of the reference.

Both are measured in CPU seconds of this process (``time.process_time``), which
another busy process on the machine does not inflate. The answer runs under a
CPU-time budget enforced with ``ITIMER_PROF``/``SIGPROF``, so an answer of the
wrong complexity is stopped as soon as it exceeds the budget instead of
running until the test's wall-clock timeout (pytest-timeout uses ``SIGALRM``,
which this leaves alone).
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable
from typing import Any

__all__ = ["OverBudget", "assert_fast_enough", "cpu_seconds"]


class OverBudget(Exception):
    """Raised inside the answer when it used up its CPU-time budget."""


def cpu_seconds(call: Callable[[], Any], *, repeat: int = 1) -> float:
    """Best CPU time of ``repeat`` calls of ``call`` (the best is the least noisy), garbage collection paused."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        start = time.process_time()
        try:
            call()
        finally:
            if was_enabled:
                gc.enable()
        best = min(best, time.process_time() - start)
    return best


def _raise_over_budget(signum: int, frame: object) -> None:
    raise OverBudget


#: The answer is stopped at this multiple of its budget; between the budget and this, it is measured again.
HARD_STOP = 1.5
#: How many times a borderline answer is measured (its best time counts).
TRIES = 3


def _timed_under_budget(call: Callable[[], Any], limit: float) -> float | None:
    """CPU seconds of one call of ``call``, or None when it used ``limit`` seconds and was stopped."""
    previous = signal.signal(signal.SIGPROF, _raise_over_budget)
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()  # collections land at random points: they are noise, not the answer's speed
    signal.setitimer(signal.ITIMER_PROF, limit)
    start = time.process_time()
    try:
        call()
    except OverBudget:
        return None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if was_enabled:
            gc.enable()
    return time.process_time() - start


def assert_fast_enough(
    answer: Callable[[], Any],
    reference: Callable[[], Any],
    *,
    ratio: float = 5.0,
    floor: float = 0.05,
    what: str = "the answer",
) -> None:
    """Fail unless ``answer()`` runs within ``ratio`` times the reference's CPU time.

    The same answer must get the same verdict every time, on a quiet machine
    or a busy one, so: both sides are measured in CPU time of this process
    (which another busy process does not inflate), with garbage collection
    paused; the reference counts by its best of three; an answer clearly
    within budget passes at once; one far over it (past ``HARD_STOP`` times
    the budget) is stopped there and fails at once; only an answer near the
    line is measured up to ``TRIES`` times, and its best time decides, against
    the reference's best of all its measurements. ``floor`` (seconds) keeps
    the budget sensible when the reference is so fast that timer resolution
    dominates.
    """
    reference_time = cpu_seconds(reference, repeat=3)
    best: float | None = None
    for attempt in range(TRIES):
        budget = max(reference_time * ratio, floor)
        elapsed = _timed_under_budget(answer, budget * HARD_STOP)
        if elapsed is None:  # far over: more tries would not change the verdict
            raise AssertionError(
                f"{what} was stopped after {budget * HARD_STOP:.2f} s of CPU time; the reference needs "
                f"{reference_time:.3f} s (allowed: {ratio:g}× the reference). Look for a step that is "
                "slower than it needs to be."
            )
        best = elapsed if best is None else min(best, elapsed)
        if best <= budget:
            return
        if attempt < TRIES - 1:  # near the line: measure the reference again too, and keep its best
            reference_time = min(reference_time, cpu_seconds(reference))
    assert best is not None
    raise AssertionError(
        f"{what} took {best:.2f} s of CPU time at best (of {TRIES} tries); the reference needs "
        f"{reference_time:.3f} s (allowed: {ratio:g}× the reference)."
    )
