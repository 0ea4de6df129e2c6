"""Stamps each key with a use counter and evicts with min() over all stamps: eviction is O(n).

Caught by: test_many_operations_in_constant_time
"""


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.values = {}
        self.last_used = {}
        self.clock = 0

    def _touch(self, key):
        self.clock += 1
        self.last_used[key] = self.clock

    def get(self, key):
        if key not in self.values:
            return -1
        self._touch(key)
        return self.values[key]

    def put(self, key, value):
        if key not in self.values and len(self.values) == self.capacity:
            oldest = min(self.last_used, key=self.last_used.get)  # O(n)
            del self.values[oldest]
            del self.last_used[oldest]
        self.values[key] = value
        self._touch(key)
