"""Treats sessions as closed intervals: one ending at t overlaps one starting at t.

Caught by: test_example_back_to_back, test_zero_length_where_sessions_touch, test_back_to_back_shuffled, test_many_end_as_many_start, test_mixed_int_and_float_times, test_nanosecond_timestamps, test_a_million_sessions

The two-pointer sweep retires an end only when it is strictly before the next
start (`<` instead of `<=`).
"""


def max_concurrent_sessions(sessions):
    starts, ends = [], []
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
        if start < end:
            starts.append(start)
            ends.append(end)
    starts.sort()
    ends.sort()
    active = best = ended = 0
    for start in starts:
        while ends[ended] < start:
            ended += 1
            active -= 1
        active += 1
        best = max(best, active)
    return best
