# expect: pass
# kind: right
# mistake: none
import heapq


def max_concurrent_sessions(sessions) -> int:
    valid = []
    for s, e in sessions:
        if e < s:
            raise ValueError("end before start")
        if s < e:
            valid.append((s, e))
    valid.sort(key=lambda se: se[0])  # sorts a copy, never the caller's list
    heap = []  # end times of the sessions still active
    best = 0
    for s, e in valid:
        while heap and heap[0] <= s:
            heapq.heappop(heap)
        heapq.heappush(heap, e)
        if len(heap) > best:
            best = len(heap)
    return best
