"""Stores the entries in a class attribute, so every cache shares one dict.

Caught by: test_caches_are_independent
"""

from collections import OrderedDict


class LRUCache:
    data = OrderedDict()  # class attribute: one dict for all instances

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.data.clear()

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        elif len(self.data) == self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
