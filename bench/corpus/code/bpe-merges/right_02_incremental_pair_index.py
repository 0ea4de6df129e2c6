# expect: pass
# kind: right
# mistake: none
from collections import Counter, defaultdict


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
        raise ValueError("num_merges must not be negative")
    word_freq = Counter(corpus.split())
    words = [list(w) for w in word_freq]
    freqs = list(word_freq.values())

    pair_counts: defaultdict = defaultdict(int)
    where: defaultdict = defaultdict(set)  # pair -> indices of words that (may) contain it
    for idx, symbols in enumerate(words):
        f = freqs[idx]
        for pair in zip(symbols, symbols[1:]):
            pair_counts[pair] += f
            where[pair].add(idx)

    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges and pair_counts:
        best = min(pair_counts, key=lambda p: (-pair_counts[p], p))
        if pair_counts[best] < 2:
            break
        left, right = best
        for idx in list(where.pop(best, ())):
            old = words[idx]
            new = _merge(old, left, right)
            if len(new) == len(old):
                continue  # stale index entry: the pair is no longer in this word
            f = freqs[idx]
            # Only this word's pairs change: remove its old pairs, add its new ones.
            for pair in zip(old, old[1:]):
                pair_counts[pair] -= f
                if pair_counts[pair] == 0:
                    del pair_counts[pair]
            for pair in zip(new, new[1:]):
                pair_counts[pair] += f
                where[pair].add(idx)
            words[idx] = new
        pair_counts.pop(best, None)
        merges.append(best)
    return merges
