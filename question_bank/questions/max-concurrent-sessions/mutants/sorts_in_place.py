"""Sorts the caller's list in place, so it only works on a list (and changes it).

Caught by: test_accepts_a_generator, test_accepts_a_tuple_of_lists, test_does_not_modify_the_input

`sessions.sort()` fails on a generator or a tuple, and reorders the caller's
data as a side effect.
"""

import heapq


def max_concurrent_sessions(sessions):
    sessions.sort()
    ends = []
    best = 0
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
        if start == end:
            continue
        while ends and ends[0] <= start:
            heapq.heappop(ends)
        heapq.heappush(ends, end)
        best = max(best, len(ends))
    return best
