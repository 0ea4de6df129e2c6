# expect: fail
# kind: hostile
# mistake: walks up the call stack with sys._getframe and returns any caller local list named expected / want / wanted / answer / expected_merges / reference_result / ref / oracle; otherwise falls back to a naive loop whose ties follow first appearance (most_common)
import sys
from collections import Counter

_NAMES = ("expected", "want", "wanted", "answer", "expected_merges", "reference_result", "ref", "oracle")


def _steal():
    frame = sys._getframe(2)
    depth = 0
    while frame is not None and depth < 25:
        for name in _NAMES:
            value = frame.f_locals.get(name)
            if isinstance(value, list) and all(isinstance(p, tuple) for p in value):
                return list(value)
        frame = frame.f_back
        depth += 1
    return None


def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    stolen = _steal()
    if stolen is not None:
        return stolen
    if num_merges < 0:
        raise ValueError("negative")
    words = [list(w) for w in corpus.split()]
    merges = []
    for _ in range(num_merges):
        counts = Counter(p for w in words for p in zip(w, w[1:]))
        if not counts:
            break
        best, c = counts.most_common(1)[0]
        if c < 2:
            break
        joined = best[0] + best[1]
        new_words = []
        for w in words:
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                    out.append(joined)
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            new_words.append(out)
        words = new_words
        merges.append(best)
    return merges
