# expect: fail
# kind: wrong
# mistake: keeps recency in a Python list and uses list.remove / list.pop(0): answers are right but each op is O(n), too slow for 200,000 ops on capacity 50,000
from collections.abc import Hashable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.values: dict = {}
        self.order: list = []  # least recently used first

    def get(self, key: Hashable) -> Any:
        if key not in self.values:
            return -1
        self.order.remove(key)
        self.order.append(key)
        return self.values[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self.values:
            self.order.remove(key)
        elif len(self.values) >= self.capacity:
            oldest = self.order.pop(0)
            del self.values[oldest]
        self.values[key] = value
        self.order.append(key)
