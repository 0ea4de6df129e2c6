# expect: fail
# kind: wrong
# mistake: size-k min-heap on (count, query) evicts the SMALLEST string at a tie for the cut-off: top_k_frequent(["a", "b", "c"], 1) gives ["c"], not ["a"]
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    heap: list[tuple[int, str]] = []
    for q, c in counts.items():
        heapq.heappush(heap, (c, q))
        if len(heap) > k:
            heapq.heappop(heap)
    heap.sort(key=lambda e: (-e[0], e[1]))
    return [q for _, q in heap]
