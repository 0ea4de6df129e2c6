# expect: fail
# kind: wrong
# mistake: Counter.most_common keeps first-appearance order on ties: top_k_frequent(["b", "a"], 1) gives ["b"], not ["a"]
from collections import Counter
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = Counter(queries)
    return [q for q, _ in counts.most_common(k)]
