# expect: fail
# kind: wrong
# mistake: correct answers but O(n^2): for each start counts the sessions active at that instant; a 10**6-session input (even 20,000) takes far more than a few seconds
def max_concurrent_sessions(sessions) -> int:
    valid = []
    for s, e in sessions:
        if e < s:
            raise ValueError("end before start")
        if s < e:
            valid.append((s, e))
    best = 0
    for t, _ in valid:  # the peak is always reached at some start
        active = sum(1 for s, e in valid if s <= t < e)
        best = max(best, active)
    return best
