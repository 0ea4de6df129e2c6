# expect: pass
# kind: right
# mistake: none
from collections import defaultdict


def max_concurrent_sessions(sessions) -> int:
    # Net change of the active count at each instant. Ends and starts at the
    # same instant cancel out before we look at the running total, which is
    # exactly the half-open [start, end) rule.
    delta = defaultdict(int)
    for start, end in sessions:
        if end < start:
            raise ValueError("corrupt session")
        if start == end:
            continue
        delta[start] += 1
        delta[end] -= 1
    best = running = 0
    for t in sorted(delta):
        running += delta[t]
        best = max(best, running)
    return best
