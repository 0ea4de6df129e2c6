"""Merges occurrences scanning from the right, so "aaa" becomes "a", "aa" instead of "aa", "a".

Caught by: test_example_overlapping_pairs, test_runs_merge_left_to_right
"""

import itertools
from collections import Counter


def bpe_merges(corpus, num_merges):
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    words = [(list(word), freq) for word, freq in Counter(corpus.split()).items()]
    merges = []
    while len(merges) < num_merges:
        pair_counts = Counter()
        for symbols, freq in words:
            for pair in itertools.pairwise(symbols):
                pair_counts[pair] += freq
        if not pair_counts:
            break
        best = min(pair_counts, key=lambda pair: (-pair_counts[pair], pair))
        if pair_counts[best] < 2:
            break
        merges.append(best)
        words = [(merge(symbols, best), freq) for symbols, freq in words]
    return merges


def merge(symbols, pair):
    out = []
    i = len(symbols) - 1
    while i >= 0:
        if i > 0 and (symbols[i - 1], symbols[i]) == pair:
            out.append(symbols[i - 1] + symbols[i])
            i -= 2
        else:
            out.append(symbols[i])
            i -= 1
    out.reverse()
    return out
