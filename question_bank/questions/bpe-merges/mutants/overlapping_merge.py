"""Finds every occurrence first, then merges them from the right: overlapping occurrences both merge and "aaa" loses a character.

Caught by: test_example_overlapping_pairs, test_runs_merge_left_to_right, test_merging_keeps_every_character
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
    symbols = list(symbols)
    positions = [i for i in range(len(symbols) - 1) if (symbols[i], symbols[i + 1]) == pair]
    # Merge from the right so earlier positions stay valid... but overlapping
    # positions ("aaa": 0 and 1) are both merged.
    for i in reversed(positions):
        symbols[i : i + 2] = [pair[0] + pair[1]]
    return symbols
