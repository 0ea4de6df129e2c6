# expect: fail
# kind: wrong
# mistake: treats a negative num_merges like 0 instead of raising ValueError: bpe_merges("low lower", -1) returns []
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
    vocab = [[list(w), f] for w, f in Counter(corpus.split()).items()]
    merges = []
    while len(merges) < num_merges:
        counts = Counter()
        for symbols, f in vocab:
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += f
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        if counts[best] < 2:
            break
        for entry in vocab:
            entry[0] = _merge(entry[0], *best)
        merges.append(best)
    return merges
