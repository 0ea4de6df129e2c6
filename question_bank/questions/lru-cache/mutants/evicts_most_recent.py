"""Evicts from the wrong end: popitem() removes the most recently used key.

Caught by: test_evicts_least_not_most_recent, test_many_inserts_keep_the_last_ones, test_get_refreshes_recency, test_matches_a_simple_model_on_random_operations
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
            self.data.move_to_end(key)
        elif len(self.data) == self.capacity:
            self.data.popitem()  # last=True by default: the newest entry
        self.data[key] = value
