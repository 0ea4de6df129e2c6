"""Accepts a capacity below 1 instead of raising ValueError.

Caught by: test_capacity_zero_rejected, test_negative_capacity_rejected
"""

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        elif len(self.data) >= self.capacity:
            if not self.data:
                return
            self.data.popitem(last=False)
        self.data[key] = value
