# expect: pass
# kind: right
# mistake: none
from collections import defaultdict
from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    if k <= 0:
        return []
    counts = defaultdict(int)
    for q in queries:
        counts[q] += 1
    # Bucket the distinct queries by their count. The buckets are keyed by
    # count in a dict (not a list indexed by count), because a count can be in
    # the billions while the number of distinct counts stays small.
    buckets: dict[int, list[str]] = defaultdict(list)
    for q, c in counts.items():
        buckets[c].append(q)
    result: list[str] = []
    for c in sorted(buckets, reverse=True):
        for q in sorted(buckets[c]):
            result.append(q)
            if len(result) == k:
                return result
    return result
