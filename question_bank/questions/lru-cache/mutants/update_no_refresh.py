"""put on an existing key replaces the value but leaves the key's recency unchanged.

Caught by: test_update_refreshes_recency, test_matches_a_simple_model_on_random_operations
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
        if key in self.data:
            self.data[key] = value  # assignment keeps the old position
            return
        if len(self.data) == self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
