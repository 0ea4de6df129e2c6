# expect: fail
# kind: wrong
# mistake: skips blank queries with `if not q: continue`, but "" is a valid query: top_k_frequent(["", "", "a"], 1) gives ["a"], not [""]
import heapq
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts: dict[str, int] = {}
    for q in queries:
        if not q:
            continue  # ignore empty searches
        counts[q] = counts.get(q, 0) + 1
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
