"""Returns [] for a negative num_merges instead of raising ValueError.

Caught by: test_negative_num_merges_raises
"""

import itertools
from collections import Counter


def bpe_merges(corpus, num_merges):
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
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out
