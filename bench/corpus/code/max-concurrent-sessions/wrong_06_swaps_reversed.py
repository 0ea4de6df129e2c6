# expect: fail
# kind: wrong
# mistake: silently swaps a session with end < start instead of raising ValueError: [(5, 1)] returns 1
def max_concurrent_sessions(sessions) -> int:
    starts, ends = [], []
    for start, end in sessions:
        if end < start:
            start, end = end, start  # tolerate swapped timestamps
        if start == end:
            continue
        starts.append(start)
        ends.append(end)
    starts.sort()
    ends.sort()
    best = active = j = 0
    for s in starts:
        while ends[j] <= s:
            j += 1
            active -= 1
        active += 1
        best = max(best, active)
    return best
