"""Uses Counter.most_common, which breaks ties by first appearance, not by string order.

Caught by: test_ties_not_in_first_seen_order, test_tie_at_cutoff_keeps_smallest_strings, test_ascending_order_is_plain_string_order
"""

from collections import Counter


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    return [query for query, _ in Counter(queries).most_common(k)]
