# expect: pass
# kind: right
# mistake: none
def max_concurrent_sessions(sessions) -> int:
    events = []
    for start, end in sessions:
        if end < start:
            raise ValueError("invalid session: end < start")
        if start != end:
            events.append((start, 1))
            events.append((end, -1))
    # At equal times (t, -1) sorts before (t, 1): ends are processed first.
    events.sort()
    best = cur = 0
    for _, delta in events:
        cur += delta
        if cur > best:
            best = cur
    return best
