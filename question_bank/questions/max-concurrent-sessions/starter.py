def max_concurrent_sessions(sessions) -> int:
    """Return the largest number of sessions active at the same moment.

    sessions: any iterable of (start, end) pairs, ints or floats, in any order.

    - A session is active on the half-open interval [start, end): one that ends
      at t does not overlap one that starts at t.
    - A session with start == end is never active and counts for nothing.
    - A session with end < start is invalid: raise ValueError.
    - No sessions: return 0.
    - Must handle 10**6 sessions in a few seconds.

    >>> max_concurrent_sessions([(1, 4), (2, 5), (7, 9)])
    2
    >>> max_concurrent_sessions([(1, 3), (3, 6), (6, 8)])
    1
    >>> max_concurrent_sessions([(5, 10), (0, 6), (1, 2), (4, 7)])
    3
    """
    raise NotImplementedError
