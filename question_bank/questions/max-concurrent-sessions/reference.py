"""Model answer: sweep the starts and the ends in time order, O(n log n)."""

from __future__ import annotations

from collections.abc import Iterable


def max_concurrent_sessions(sessions: Iterable[tuple[float, float]]) -> int:
    """Return the largest number of sessions active at the same moment.

    A session ``(start, end)`` is active on the half-open interval
    ``[start, end)``: one ending at ``t`` does not overlap one starting at
    ``t``, and a session with ``start == end`` is never active. Raises
    ``ValueError`` if a session ends before it starts; returns 0 for no sessions.
    """
    starts: list[float] = []
    ends: list[float] = []
    # One pass over the input: it may be a generator, and we must not sort the
    # caller's list in place.
    for start, end in sessions:
        if end < start:
            raise ValueError(f"session ({start!r}, {end!r}) ends before it starts")
        if start < end:  # a zero-length session is never active: leave it out
            starts.append(start)
            ends.append(end)

    # The number of active sessions only changes at a start or an end, so it is
    # enough to visit the starts in time order and, before each one, retire the
    # sessions that have already ended. Sorting both lists on their own is
    # fine: we only need *how many* sessions ended, not which ones.
    starts.sort()
    ends.sort()

    active = best = 0
    ended = 0  # how many of the sorted ends we have retired
    for start in starts:
        # `<=`, not `<`: a session ending exactly when this one starts is over
        # (half-open intervals). This is where touching sessions are decided.
        # `ends[ended]` always exists: every end is after its own start, so at
        # most the sessions started before this one can have ended.
        while ends[ended] <= start:
            ended += 1
            active -= 1
        active += 1
        if active > best:
            best = active
    return best
