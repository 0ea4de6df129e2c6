"""Checks "is the cache full?" before "is the key already there?", so an update of a full cache evicts.

Caught by: test_update_when_full_does_not_evict, test_matches_a_simple_model_on_random_operations
"""

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if len(self.data) == self.capacity:
            self.data.popitem(last=False)  # even when key is only being updated
        self.data[key] = value
        self.data.move_to_end(key)
