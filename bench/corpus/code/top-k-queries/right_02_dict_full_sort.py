# expect: pass
# kind: right
# mistake: none
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts: dict[str, int] = {}
    for q in queries:
        counts[q] = counts.get(q, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [q for q, _ in ranked[:k]]
