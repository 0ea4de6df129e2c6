"""Model answer: learn byte-pair-encoding (BPE) merges from a corpus."""

from __future__ import annotations

import itertools
from collections import Counter


def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    """Return the BPE merges learned from ``corpus``, in the order they happen.

    Words are ``corpus.split()``, each starting as its characters. Each step
    merges the most frequent adjacent pair (ties: the smallest ``(left,
    right)`` tuple), everywhere, left to right without overlap. Stops after
    ``num_merges`` merges, or earlier when the best pair occurs fewer than
    twice. ``num_merges < 0`` raises ``ValueError``.
    """
    if num_merges < 0:
        raise ValueError(f"num_merges must be >= 0, not {num_merges}")

    # The key to speed: a corpus of 10**5 words has far fewer *distinct*
    # words. Work on each distinct word once, weighted by its frequency,
    # instead of on every occurrence. Words of one symbol have no pairs and
    # are dropped as soon as they appear.
    words = [(list(word), freq) for word, freq in Counter(corpus.split()).items() if len(word) > 1]

    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges:
        # Every adjacent pair counts, overlapping ones included: "aaa" holds
        # ("a", "a") twice. A word seen n times counts n times.
        pair_counts: Counter[tuple[str, str]] = Counter()
        for symbols, freq in words:
            for pair in itertools.pairwise(symbols):
                pair_counts[pair] += freq
        if not pair_counts:
            break
        # Highest count first, then the smallest (left, right) tuple.
        best = min(pair_counts, key=lambda pair: (-pair_counts[pair], pair))
        if pair_counts[best] < 2:
            break
        merges.append(best)
        words = [(merged, freq) for symbols, freq in words if len(merged := _merge(symbols, best)) > 1]
    return merges


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replace each occurrence of ``pair``, scanning left to right without overlap."""
    left, right = pair
    if left not in symbols:  # cheap skip for the many words the pair misses
        return symbols
    merged: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            merged.append(left + right)
            i += 2  # both symbols are consumed: "aaa" -> "aa", "a"
        else:
            merged.append(symbols[i])
            i += 1
    return merged
