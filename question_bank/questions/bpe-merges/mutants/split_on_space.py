"""Splits words with split(" "), so tabs and newlines stay inside words and runs of spaces make empty words.

Caught by: test_any_whitespace_separates_words, test_empty_and_blank_corpus
"""

import itertools
from collections import Counter


def bpe_merges(corpus, num_merges):
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    words = [(list(word), freq) for word, freq in Counter(corpus.split(" ")).items()]
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
