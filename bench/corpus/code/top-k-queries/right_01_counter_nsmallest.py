# expect: pass
# kind: right
# mistake: none
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)  # one pass, memory ~ distinct queries
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
