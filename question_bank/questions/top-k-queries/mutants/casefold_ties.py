"""Breaks ties "alphabetically" with q.lower() instead of plain code-point order.

Caught by: test_ascending_order_is_plain_string_order

From the held-out corpus (bench/corpus/code/top-k-queries/wrong_06_casefold_tiebreak.py), written from the prompt alone;
it passed every test of the suite before that test was added. breaks ties "alphabetically" with q.lower() instead of plain code-point order: top_k_frequent(["a", "B"], 1) gives ["a"], not ["B"]
"""

import heapq
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q.lower()))
