# expect: fail
# kind: wrong
# mistake: dedupes the words with set(corpus.split()) and forgets their frequency: bpe_merges("hug hug pug bun", 10) gives [("u", "g")], expected [("u", "g"), ("h", "ug")]
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
    words = [list(w) for w in set(corpus.split())]
    merges = []
    while len(merges) < num_merges:
        counts = Counter()
        for symbols in words:
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += 1
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        if counts[best] < 2:
            break
        words = [_merge(s, *best) for s in words]
        merges.append(best)
    return merges
