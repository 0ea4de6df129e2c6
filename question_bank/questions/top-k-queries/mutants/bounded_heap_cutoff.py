"""Keeps a size-k min-heap of (count, query): on a tie at the cut-off it evicts the smallest string.

Caught by: test_tie_at_cutoff_keeps_smallest_strings

The heap's root is the entry to drop, so it must be the *worst* entry: lowest
count, then the *largest* string. Ordering entries by (count, query) drops the
smallest string instead, keeping the wrong query when several tie for the last
place. The final sort hides the mistake whenever there is no tie at the cut.
"""

import heapq
from collections import Counter


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    heap = []
    for query, count in Counter(queries).items():
        heapq.heappush(heap, (count, query))
        if len(heap) > k:
            heapq.heappop(heap)
    return [query for _, query in sorted(heap, key=lambda e: (-e[0], e[1]))]
