"""Recounts pairs over every word occurrence at each merge instead of over distinct words.

Caught by: test_large_corpus_fast
"""

import itertools
from collections import Counter


def bpe_merges(corpus, num_merges):
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    words = [list(word) for word in corpus.split()]  # one entry per occurrence
    merges = []
    while len(merges) < num_merges:
        pair_counts = Counter()
        for symbols in words:
            for pair in itertools.pairwise(symbols):
                pair_counts[pair] += 1
        if not pair_counts:
            break
        best = min(pair_counts, key=lambda pair: (-pair_counts[pair], pair))
        if pair_counts[best] < 2:
            break
        merges.append(best)
        words = [merge(symbols, best) for symbols in words]
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
