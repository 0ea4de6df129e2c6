"""get returns the value but does not mark the key as recently used.

Caught by: test_get_refreshes_recency, test_lru_is_not_fifo, test_stored_minus_one_is_a_hit, test_matches_a_simple_model_on_random_operations
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
        return self.data[key]  # forgot move_to_end

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        elif len(self.data) == self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
