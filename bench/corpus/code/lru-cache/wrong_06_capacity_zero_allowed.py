# expect: fail
# kind: wrong
# mistake: validates with `capacity < 0`, so LRUCache(0) is accepted instead of raising ValueError
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 0:
            raise ValueError("capacity must not be negative")
        self.capacity = capacity
        self._data: OrderedDict = OrderedDict()

    def get(self, key: Hashable) -> Any:
        if key not in self._data:
            return -1
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._data:
            self._data[key] = value
            self._data.move_to_end(key)
            return
        if self._data and len(self._data) >= self.capacity:
            self._data.popitem(last=False)
        self._data[key] = value
