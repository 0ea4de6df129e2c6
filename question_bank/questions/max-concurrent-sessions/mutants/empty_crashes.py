"""Crashes when there is no active session: max() of an empty sequence.

Caught by: test_no_sessions, test_only_zero_length_sessions

The running count is built with itertools.accumulate and its max taken with
no default, so no sessions (or only zero-length ones) raise ValueError
instead of returning 0.
"""

from itertools import accumulate


def max_concurrent_sessions(sessions):
    events = []
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
        if start < end:
            events.append((start, 1))
            events.append((end, -1))
    events.sort()
    return max(accumulate(delta for _, delta in events))
