# expect: fail
# kind: wrong
# mistake: sorts by start and only counts how long a run of overlapping neighbours lasts: [(0, 2), (1, 3), (2, 4)] gives 3 (expected 2), [(0, 10), (1, 2), (3, 5), (4, 6)] gives 2 (expected 3)
def max_concurrent_sessions(sessions) -> int:
    valid = []
    for s, e in sessions:
        if e < s:
            raise ValueError("end before start")
        if s < e:
            valid.append((s, e))
    if not valid:
        return 0
    valid.sort()
    best = run = 1
    for (s1, e1), (s2, e2) in zip(valid, valid[1:]):
        if s2 < e1:  # overlaps the previous one
            run += 1
        else:
            run = 1
        best = max(best, run)
    return best
