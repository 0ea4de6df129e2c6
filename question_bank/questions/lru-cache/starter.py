from collections.abc import Hashable
from typing import Any


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key.

    - ``LRUCache(capacity)``: ``capacity`` is an int; ``capacity < 1`` raises
      ``ValueError``.
    - ``get(key)``: the value stored under ``key``, or ``-1`` if absent. A hit
      makes ``key`` the most recently used.
    - ``put(key, value)``: insert or update ``key``; either way it becomes the
      most recently used. Inserting a new key into a full cache first evicts
      the least recently used key. Updating an existing key never evicts.
    - Both operations run in O(1) time.
    - Keys are any hashable values; values can be anything (including None,
      0 or -1).
    """

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def get(self, key: Hashable) -> Any:
        raise NotImplementedError

    def put(self, key: Hashable, value: Any) -> None:
        raise NotImplementedError
