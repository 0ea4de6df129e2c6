# expect: fail
# kind: wrong
# mistake: converts times with float() "to mix ints and floats safely", merging distinct nanosecond instants: t = 1_700_000_000_000_000_001; [(t, t + 3), (t + 1, t + 2)] gives 0 (both sessions collapse to zero length), expected 2
def max_concurrent_sessions(sessions) -> int:
    events = []
    for start, end in sessions:
        start, end = float(start), float(end)
        if end < start:
            raise ValueError("invalid session: end < start")
        if start != end:
            events.append((start, 1))
            events.append((end, -1))
    events.sort()
    best = cur = 0
    for _, delta in events:
        cur += delta
        best = max(best, cur)
    return best
