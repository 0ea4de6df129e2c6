"""Counts a zero-length session (start == end) as active for an instant.

Caught by: test_only_zero_length_sessions, test_zero_length_inside_a_session

A min-heap of end times, correct otherwise: it pushes the zero-length session
and measures the heap before that session's own end is retired.
"""

import heapq


def max_concurrent_sessions(sessions):
    ends = []
    best = 0
    for start, end in sorted(sessions):
        if end < start:
            raise ValueError("session ends before it starts")
        while ends and ends[0] <= start:
            heapq.heappop(ends)
        heapq.heappush(ends, end)
        best = max(best, len(ends))
    return best
