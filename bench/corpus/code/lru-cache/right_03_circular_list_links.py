# expect: pass
# kind: right
# mistake: none
from collections.abc import Hashable
from typing import Any

# Links are plain lists [PREV, NEXT, KEY, VALUE] in a circular list around a
# root sentinel, the way functools.lru_cache does it.
PREV, NEXT, KEY, VALUE = 0, 1, 2, 3


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if not capacity >= 1:
            raise ValueError("capacity must be a positive int")
        self._cap = capacity
        self._links: dict = {}
        root = []
        root[:] = [root, root, None, None]
        self._root = root

    def _move_to_front(self, link) -> None:
        # unlink
        link_prev, link_next = link[PREV], link[NEXT]
        link_prev[NEXT] = link_next
        link_next[PREV] = link_prev
        # insert just before root (the "newest" end)
        root = self._root
        last = root[PREV]
        last[NEXT] = link
        link[PREV] = last
        link[NEXT] = root
        root[PREV] = link

    def get(self, key: Hashable) -> Any:
        link = self._links.get(key)
        if link is None:
            return -1
        self._move_to_front(link)
        return link[VALUE]

    def put(self, key: Hashable, value: Any) -> None:
        link = self._links.get(key)
        if link is not None:
            link[VALUE] = value
            self._move_to_front(link)
            return
        root = self._root
        if len(self._links) >= self._cap:
            oldest = root[NEXT]
            root[NEXT] = oldest[NEXT]
            oldest[NEXT][PREV] = root
            del self._links[oldest[KEY]]
        last = root[PREV]
        link = [last, root, key, value]
        last[NEXT] = link
        root[PREV] = link
        self._links[key] = link
