"""Counts, for every session's start, all sessions active then: O(n^2).

Caught by: test_speed_against_reference, test_a_million_sessions

Correct answers, but a million sessions means 10**12 comparisons.
"""


def max_concurrent_sessions(sessions):
    sessions = list(sessions)
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
    best = 0
    for start, end in sessions:
        if start == end:
            continue
        active = sum(1 for other_start, other_end in sessions if other_start <= start < other_end)
        best = max(best, active)
    return best
