# expect: fail
# kind: wrong
# mistake: no k <= 0 guard, a bare [:k] slice: top_k_frequent(["a", "b", "c"], -1) gives ["a", "b"], not []
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    counts = Counter(queries)
    ranked = sorted(counts, key=lambda q: (-counts[q], q))
    return ranked[:k]
