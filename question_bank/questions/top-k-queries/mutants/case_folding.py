"""Normalises queries with lower() and strip(), merging queries the contract keeps apart.

Caught by: test_exact_matching_no_case_folding
"""

import heapq
from collections import Counter


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    counts = Counter(query.strip().lower() for query in queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
