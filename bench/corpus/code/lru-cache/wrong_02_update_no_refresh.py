# expect: fail
# kind: wrong
# mistake: an update assigns into the OrderedDict, which keeps the old position: cap 2, put(1,1), put(2,2), put(1,10), put(3,3) evicts 1 instead of 2, so get(1) -> -1 (expected 10)
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
        if key not in self._data and len(self._data) >= self.capacity:
            self._data.popitem(last=False)
        self._data[key] = value
