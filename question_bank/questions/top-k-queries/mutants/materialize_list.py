"""Copies the whole stream into a list before counting.

Caught by: test_peak_memory_on_large_stream

`list(queries)` makes a generator safe to reuse, but the stream is "far too
large to copy": memory grows with the number of queries, not distinct ones.
"""

import heapq
from collections import Counter


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    queries = list(queries)  # "so I can iterate it safely"
    counts = Counter(queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
