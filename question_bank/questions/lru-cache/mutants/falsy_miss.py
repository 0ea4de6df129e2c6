"""Detects a miss with `if not value`, so stored 0, None, "" or False read as -1.

Caught by: test_falsy_values_are_stored
"""

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        value = self.data.get(key)
        if not value:
            return -1
        self.data.move_to_end(key)
        return value

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        elif len(self.data) == self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
