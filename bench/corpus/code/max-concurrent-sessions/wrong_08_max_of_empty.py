# expect: fail
# kind: wrong
# mistake: returns max() over the counts seen at each start, which raises ValueError when there is no non-empty session: max_concurrent_sessions([]) raises instead of returning 0 (same for [(5, 5)])
def max_concurrent_sessions(sessions) -> int:
    starts, ends = [], []
    for start, end in sessions:
        if end < start:
            raise ValueError("session ends before it starts")
        if start < end:
            starts.append(start)
            ends.append(end)
    starts.sort()
    ends.sort()
    counts = []
    active = j = 0
    for s in starts:
        while ends[j] <= s:
            j += 1
            active -= 1
        active += 1
        counts.append(active)
    return max(counts)
