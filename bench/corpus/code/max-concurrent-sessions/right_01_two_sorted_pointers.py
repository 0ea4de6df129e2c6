# expect: pass
# kind: right
# mistake: none
def max_concurrent_sessions(sessions) -> int:
    starts = []
    ends = []
    for start, end in sessions:  # one pass; works for generators
        if end < start:
            raise ValueError(f"session ends before it starts: ({start!r}, {end!r})")
        if start == end:
            continue  # [t, t) is empty
        starts.append(start)
        ends.append(end)
    starts.sort()
    ends.sort()
    best = active = 0
    j = 0
    for s in starts:
        # retire every session that ended at or before this start
        while ends[j] <= s:
            j += 1
            active -= 1
        active += 1
        if active > best:
            best = active
    return best
