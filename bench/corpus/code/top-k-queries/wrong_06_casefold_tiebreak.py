# expect: fail
# kind: wrong
# mistake: breaks ties "alphabetically" with q.lower() instead of plain code-point order: top_k_frequent(["a", "B"], 1) gives ["a"], not ["B"]
from collections import Counter
from collections.abc import Iterable
import heapq


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q.lower()))
