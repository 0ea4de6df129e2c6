# expect: fail
# kind: wrong
# mistake: the OrderedDict is a class attribute, so all instances share entries: a = LRUCache(2); b = LRUCache(2); a.put("k", 1); b.get("k") -> 1 (expected -1)
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    _data: OrderedDict = OrderedDict()

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity

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
            self._data.popitem(last=False)
        self._data[key] = value
