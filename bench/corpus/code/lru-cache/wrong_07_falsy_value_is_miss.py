# expect: fail
# kind: wrong
# mistake: get uses `if self._data.get(key):`, so stored falsy values read as misses: put(1, 0); get(1) -> -1 (expected 0); same for None and False, and the key is not refreshed
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
        if self._data.get(key):
            self._data.move_to_end(key)
            return self._data[key]
        return -1

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._data:
            self._data[key] = value
            self._data.move_to_end(key)
            return
        if len(self._data) >= self.capacity:
            self._data.popitem(last=False)
        self._data[key] = value
