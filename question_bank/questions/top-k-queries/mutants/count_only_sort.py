"""Sorts every distinct query by count only, so ties keep dictionary order.

Caught by: test_ties_not_in_first_seen_order, test_tie_at_cutoff_keeps_smallest_strings, test_ascending_order_is_plain_string_order
"""


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    counts = {}
    for query in queries:
        counts[query] = counts.get(query, 0) + 1
    return sorted(counts, key=counts.get, reverse=True)[:k]
