"""Finds the top k by taking the maximum k times: O(k·d) instead of O(d log k).

Caught by: test_many_distinct_queries_fast
"""

from collections import Counter


def top_k_frequent(queries, k):
    counts = Counter(queries)
    result = []
    for _ in range(max(k, 0)):
        if not counts:
            break
        best = min(counts, key=lambda q: (-counts[q], q))
        result.append(best)
        del counts[best]
    return result
