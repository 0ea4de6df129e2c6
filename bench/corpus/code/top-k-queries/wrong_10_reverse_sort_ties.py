# expect: fail
# kind: wrong
# mistake: sorts (count, query) with reverse=True, so ties come in DESCENDING string order: top_k_frequent(["a", "b"], 2) gives ["b", "a"]
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    ranked = sorted(counts.items(), key=lambda item: (item[1], item[0]), reverse=True)
    return [q for q, _ in ranked[:k]]
