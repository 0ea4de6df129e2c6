# expect: fail
# kind: wrong
# mistake: splits words with corpus.split(" "), so tabs and newlines do not separate words and pairs cross them: bpe_merges("xa\nb xa\nb", 1) gives [("\n", "b")], expected [("x", "a")]
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
    vocab = [[list(w), f] for w, f in Counter(corpus.split(" ")).items() if w]
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
