"""Model answer: the k most frequent queries of a one-shot stream."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    """Return up to ``k`` distinct queries, most frequent first.

    Ties are broken by ascending string order; matching is exact; ``k <= 0``
    gives ``[]``.
    """
    if k <= 0:
        return []
    # One pass over the stream. Counter(iterable) consumes it exactly once and
    # never copies it: memory grows with the number of *distinct* queries.
    counts = Counter(queries)
    # Rank by (-count, query): the higher count first, then the smaller string.
    # nsmallest keeps a heap of k candidates, O(d log k) for d distinct
    # queries, instead of sorting all of them in O(d log d). Because the key
    # already includes the string, a tie at the cut-off keeps the smallest
    # strings, exactly as the contract asks.
    return heapq.nsmallest(k, counts, key=lambda query: (-counts[query], query))
