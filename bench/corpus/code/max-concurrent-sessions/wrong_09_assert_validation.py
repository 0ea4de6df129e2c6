# expect: fail
# kind: wrong
# mistake: validates with assert, so a session with end < start raises AssertionError, not ValueError: [(5, 1)]
def max_concurrent_sessions(sessions) -> int:
    events = []
    for start, end in sessions:
        assert start <= end, f"bad session ({start}, {end})"
        if start < end:
            events.append((start, 1))
            events.append((end, -1))
    events.sort()
    best = cur = 0
    for _, delta in events:
        cur += delta
        best = max(best, cur)
    return best
