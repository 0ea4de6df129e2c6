# expect: fail
# kind: wrong
# mistake: sorts the caller's list in place (sessions.sort()) when given a list: after max_concurrent_sessions(s) with s = [(3, 4), (1, 2)], s is [(1, 2), (3, 4)]
import heapq


def max_concurrent_sessions(sessions) -> int:
    if not isinstance(sessions, list):
        sessions = list(sessions)
    sessions.sort()  # avoid a copy of a million tuples
    heap = []
    best = 0
    for s, e in sessions:
        if e < s:
            raise ValueError("end before start")
        if s == e:
            continue
        while heap and heap[0] <= s:
            heapq.heappop(heap)
        heapq.heappush(heap, e)
        best = max(best, len(heap))
    return best
