# expect: fail
# kind: wrong
# mistake: does not drop start == end sessions; the min-heap of ends counts them when pushed: [(5, 5)] gives 1, expected 0; [(0, 10), (5, 5)] gives 2, expected 1
import heapq


def max_concurrent_sessions(sessions) -> int:
    valid = []
    for s, e in sessions:
        if e < s:
            raise ValueError("end before start")
        valid.append((s, e))
    valid.sort(key=lambda se: se[0])
    heap = []
    best = 0
    for s, e in valid:
        while heap and heap[0] <= s:
            heapq.heappop(heap)
        heapq.heappush(heap, e)
        best = max(best, len(heap))
    return best
