# expect: fail
# kind: wrong
# mistake: reads the stream twice (set() then Counter()): on a generator, top_k_frequent(iter(["a", "a", "b"]), 1) gives [] instead of ["a"]
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    distinct = set(queries)
    if not distinct:
        return []
    counts = Counter(queries)
    k = min(k, len(distinct))
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
