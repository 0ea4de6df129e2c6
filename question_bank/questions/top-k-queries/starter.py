from collections.abc import Iterable


def top_k_frequent(queries: Iterable[str], k: int) -> list[str]:
    """Return the k most frequent queries of a stream.

    - ``queries`` is any iterable of strings, possibly a one-shot generator far
      too large to copy: read it once, and keep memory proportional to the
      number of distinct queries.
    - Return up to ``k`` distinct queries, most frequent first; queries with
      the same count come in ascending string order.
    - Matching is exact ("Paris" and "paris" are different queries).
    - ``k <= 0`` returns ``[]``; with fewer than ``k`` distinct queries, return
      all of them.
    """
    raise NotImplementedError
