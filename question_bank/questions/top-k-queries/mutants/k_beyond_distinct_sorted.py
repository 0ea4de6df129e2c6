"""When k exceeds the number of distinct queries, returns them all in string order, forgetting to rank them by count.

Caught by: test_k_beyond_distinct_keeps_the_ranking, test_matches_the_model_answer_on_generated_streams

Written from the prompt alone; before test_k_beyond_distinct_keeps_the_ranking only the
differential test caught it (every hand-written k above the distinct count had equal counts or
string order matching the ranking).
"""

import heapq
from collections import Counter


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    counts = Counter(queries)
    if k > len(counts):
        return sorted(counts)  # every query makes the cut: just put them in order
    return heapq.nsmallest(k, counts, key=lambda q: (-counts[q], q))
