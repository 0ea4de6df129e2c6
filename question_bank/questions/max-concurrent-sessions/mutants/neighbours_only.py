"""Sorts by start only and compares each session with its neighbour.

Caught by: test_example_unsorted, test_mixed_int_and_float_times, test_long_session_over_short_ones, test_chain_of_pairwise_overlaps, test_peak_after_a_gap, test_nanosecond_timestamps, test_accepts_a_generator, test_a_million_sessions

Counting how long a run of "overlaps the next one" lasts misses a long session
that overlaps later, non-adjacent ones, and over-counts chains where each
session only overlaps its successor.
"""

import itertools


def max_concurrent_sessions(sessions):
    ordered = []
    for start, end in sorted(sessions):
        if end < start:
            raise ValueError("session ends before it starts")
        if start < end:
            ordered.append((start, end))
    if not ordered:
        return 0
    best = current = 1
    for (_, prev_end), (start, _) in itertools.pairwise(ordered):
        if start < prev_end:
            current += 1
            best = max(best, current)
        else:
            current = 1
    return best
