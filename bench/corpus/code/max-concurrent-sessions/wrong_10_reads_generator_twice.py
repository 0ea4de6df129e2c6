# expect: fail
# kind: wrong
# mistake: validates in a first pass over the input and then reads it again: with a generator, max_concurrent_sessions(iter([(1, 4), (2, 5)])) gives 0, expected 2
def max_concurrent_sessions(sessions) -> int:
    if any(end < start for start, end in sessions):
        raise ValueError("session ends before it starts")
    starts = sorted(s for s, e in sessions if s < e)
    ends = sorted(e for s, e in sessions if s < e)
    best = active = j = 0
    for s in starts:
        while ends[j] <= s:
            j += 1
            active -= 1
        active += 1
        best = max(best, active)
    return best
