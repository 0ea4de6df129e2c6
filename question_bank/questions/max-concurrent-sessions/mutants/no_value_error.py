"""Never checks that a session ends after it starts.

Caught by: test_end_before_start_raises

An event sweep that is otherwise right: a reversed session just adds its -1
before its +1 and the function returns a number instead of raising ValueError.
"""


def max_concurrent_sessions(sessions):
    events = []
    for start, end in sessions:
        events.append((start, 1))
        events.append((end, -1))
    events.sort()  # at equal times (t, -1) sorts before (t, +1): ends first
    active = best = 0
    for _, delta in events:
        active += delta
        best = max(best, active)
    return best
