"""Tracks the size in a counter that every put increments, so updates count as new entries.

Caught by: test_repeated_updates_do_not_fill_the_cache, test_update_when_full_does_not_evict, test_matches_a_simple_model_on_random_operations
"""

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.data = OrderedDict()
        self.size = 0

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        self.size += 1  # also for updates
        if self.size > self.capacity:
            self.data.popitem(last=False)
            self.size -= 1
