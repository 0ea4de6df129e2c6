"""Slices with [:k] without checking k: k = 0 works, but k = -1 drops only the last query.

Caught by: test_negative_k_returns_empty
"""

from collections import Counter


def top_k_frequent(queries, k):
    counts = Counter(queries)
    ranked = sorted(counts, key=lambda q: (-counts[q], q))
    return ranked[:k]
