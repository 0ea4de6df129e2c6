# expect: fail
# kind: wrong
# mistake: normalises queries with strip().lower() although matching is exact: top_k_frequent(["Paris", "paris", "x"], 1) gives ["paris"], not ["Paris"]
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(q.strip().lower() for q in queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
