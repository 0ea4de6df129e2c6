# expect: fail
# kind: wrong
# mistake: returns (query, count) pairs instead of the query strings: top_k_frequent(["x", "y", "x"], 5) gives [("x", 2), ("y", 1)]
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    return heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
