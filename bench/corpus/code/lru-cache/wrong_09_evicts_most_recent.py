# expect: fail
# kind: wrong
# mistake: evicts with popitem() (last=True default), i.e. the MOST recently used key: cap 2, put(1,1), put(2,2), put(3,3) evicts 2, so get(1) -> 1 (expected -1)
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
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
        if len(self._data) >= self.capacity:
            self._data.popitem()
        self._data[key] = value
