# expect: pass
# kind: right
# mistake: none
from collections import Counter


def _merge(symbols, left, right):
    out = []
    i = 0
    n = len(symbols)
    while i < n:
        if i + 1 < n and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    # Work on distinct words weighted by frequency, not on every occurrence.
    vocab = [[list(word), freq] for word, freq in Counter(corpus.split()).items()]
    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges:
        counts: Counter = Counter()
        for symbols, freq in vocab:
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += freq
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        if counts[best] < 2:
            break
        left, right = best
        for entry in vocab:
            if len(entry[0]) > 1:
                entry[0] = _merge(entry[0], left, right)
        merges.append(best)
    return merges
