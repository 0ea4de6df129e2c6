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

import signal
import time
from collections.abc import Callable
from typing import Any

__all__ = ["OverBudget", "assert_fast_enough", "cpu_seconds"]


class OverBudget(Exception):
    """Raised inside the answer when it used up its CPU-time budget."""


def cpu_seconds(call: Callable[[], Any], *, repeat: int = 1) -> float:
    """Best CPU time of ``repeat`` calls of ``call`` (the best is the least noisy)."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def _raise_over_budget(signum: int, frame: object) -> None:
    raise OverBudget


def assert_fast_enough(
    answer: Callable[[], Any],
    reference: Callable[[], Any],
    *,
    ratio: float = 5.0,
    floor: float = 0.05,
    what: str = "the answer",
) -> None:
    """Fail unless ``answer()`` runs within ``ratio`` times the reference's CPU time.

    ``floor`` (seconds) keeps the budget sensible when the reference is so fast
    that timer resolution dominates. The reference is timed first (best of
    three), then the answer once under the budget.
    """
    reference_time = cpu_seconds(reference, repeat=3)
    budget = max(reference_time * ratio, floor)
    previous = signal.signal(signal.SIGPROF, _raise_over_budget)
    signal.setitimer(signal.ITIMER_PROF, budget)
    start = time.process_time()
    try:
        answer()
    except OverBudget:
        raise AssertionError(
            f"{what} was stopped after {budget:.2f} s of CPU time; the reference "
            f"needs {reference_time:.3f} s (allowed: {ratio:g}× the reference). "
            "Look for a step that is slower than it needs to be."
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    elapsed = time.process_time() - start
    assert elapsed <= budget, (
        f"{what} took {elapsed:.2f} s of CPU time; the reference needs "
        f"{reference_time:.3f} s (allowed: {ratio:g}× the reference)."
    )
