# expect: fail
# kind: wrong
# mistake: copies the whole stream with list(queries) first, so memory grows with the stream, not the distinct queries (peak-memory test on 50,000 queries / 50 distinct)
import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    queries = list(queries)  # "so I can look at it safely"
    if k <= 0 or not queries:
        return []
    counts = Counter(queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
