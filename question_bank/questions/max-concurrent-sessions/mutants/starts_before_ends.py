"""At equal times, processes session starts before session ends.

Caught by: test_example_back_to_back, test_zero_length_where_sessions_touch, test_back_to_back_shuffled, test_many_end_as_many_start, test_mixed_int_and_float_times, test_nanosecond_timestamps, test_a_million_sessions

Events are encoded as (time, 0) for a start and (time, 1) for an end, so the
tuple sort puts a start before an end at the same instant and touching
sessions are counted as concurrent.
"""

START, END = 0, 1


def max_concurrent_sessions(sessions):
    events = []
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
        if start < end:
            events.append((start, START))
            events.append((end, END))
    events.sort()
    active = best = 0
    for _, kind in events:
        active += 1 if kind == START else -1
        best = max(best, active)
    return best
