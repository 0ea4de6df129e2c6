# expect: fail
# kind: wrong
# mistake: at equal times processes starts before ends (sort key (t, -delta)), so back-to-back sessions overlap: [(1, 3), (3, 6), (6, 8)] gives 2, expected 1
def max_concurrent_sessions(sessions) -> int:
    events = []
    for start, end in sessions:
        if end < start:
            raise ValueError("invalid session: end < start")
        if start != end:
            events.append((start, 1))
            events.append((end, -1))
    events.sort(key=lambda ev: (ev[0], -ev[1]))
    best = cur = 0
    for _, delta in events:
        cur += delta
        best = max(best, cur)
    return best
