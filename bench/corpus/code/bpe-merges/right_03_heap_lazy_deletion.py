# expect: pass
# kind: right
# mistake: none
import heapq
from collections import Counter, defaultdict


def _pairs(symbols):
    return Counter(zip(symbols, symbols[1:]))


def _merge(symbols, left, right):
    out = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    if num_merges < 0:
        raise ValueError(f"num_merges must be >= 0, got {num_merges}")
    freq = Counter(corpus.split())
    words = {w: list(w) for w in freq}
    counts: Counter = Counter()
    owners = defaultdict(set)
    for w, symbols in words.items():
        for pair, c in _pairs(symbols).items():
            counts[pair] += c * freq[w]
            owners[pair].add(w)
    # Max-heap by count, ties to the smallest pair, via (-count, pair).
    # Entries go stale when a count changes; they are skipped when popped.
    heap = [(-c, p) for p, c in counts.items()]
    heapq.heapify(heap)
    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges:
        while heap and (-heap[0][0]) != counts.get(heap[0][1], 0):
            heapq.heappop(heap)
        if not heap:
            break
        neg, best = heap[0]
        if -neg < 2:
            break
        heapq.heappop(heap)
        left, right = best
        touched = set()
        for w in owners.pop(best, ()):
            old = words[w]
            new = _merge(old, left, right)
            if new == old:
                continue
            f = freq[w]
            for pair, c in _pairs(old).items():
                counts[pair] -= c * f
                touched.add(pair)
            for pair, c in _pairs(new).items():
                counts[pair] += c * f
                owners[pair].add(w)
                touched.add(pair)
            words[w] = new
        counts.pop(best, None)
        touched.discard(best)
        for pair in touched:
            c = counts.get(pair, 0)
            if c > 0:
                heapq.heappush(heap, (-c, pair))
            else:
                counts.pop(pair, None)
        merges.append(best)
    return merges
