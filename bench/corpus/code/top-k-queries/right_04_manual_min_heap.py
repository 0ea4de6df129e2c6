# expect: pass
# kind: right
# mistake: none
import heapq
from collections.abc import Iterable


class _Worst:
    """Heap entry ordered so the root is the worst kept query:
    lowest count first, then the *largest* string."""

    __slots__ = ("count", "query")

    def __init__(self, count: int, query: str) -> None:
        self.count = count
        self.query = query

    def __lt__(self, other: "_Worst") -> bool:
        if self.count != other.count:
            return self.count < other.count
        return self.query > other.query


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts: dict[str, int] = {}
    for q in queries:
        if q in counts:
            counts[q] += 1
        else:
            counts[q] = 1
    heap: list[_Worst] = []
    for q, c in counts.items():
        entry = _Worst(c, q)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif heap[0] < entry:  # entry is better than the worst kept one
            heapq.heapreplace(heap, entry)
    heap.sort(key=lambda e: (-e.count, e.query))
    return [e.query for e in heap]
