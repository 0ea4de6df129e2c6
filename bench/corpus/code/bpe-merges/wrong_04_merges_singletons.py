# expect: fail
# kind: wrong
# mistake: stop test is `counts[best] < 1`, so a pair that occurs once is still merged: bpe_merges("ab", 5) gives [("a", "b")], expected []
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
        if counts[best] < 1:
            break
        for entry in vocab:
            entry[0] = _merge(entry[0], *best)
        merges.append(best)
    return merges
