"""Reads the stream twice: once for the distinct queries, once to count them.

Caught by: test_one_shot_generator, test_stream_iterated_once

Works on a list; on a one-shot generator the second pass sees nothing and
every count stays at zero.
"""


def top_k_frequent(queries, k):
    if k <= 0:
        return []
    counts = dict.fromkeys(set(queries), 0)  # first pass
    for query in queries:  # second pass
        counts[query] += 1
    ranked = sorted(counts, key=lambda q: (-counts[q], q))
    return ranked[:k]
