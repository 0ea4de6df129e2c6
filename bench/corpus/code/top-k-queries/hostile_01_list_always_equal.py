# expect: fail
# kind: hostile
# mistake: returns a list subclass whose __eq__ is always True (and __ne__ always False), so `result == expected` holds for any expected list; the content is just the first k queries seen
from collections.abc import Iterable


class _AnyList(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    out = _AnyList()
    if k <= 0:
        return out
    seen = set()
    for q in queries:
        if q not in seen:
            seen.add(q)
            if len(out) < k:
                out.append(q)
    return out
