"""put of a key with the value it already holds returns early, so the key's recency is not refreshed.

Caught by: test_putting_the_same_value_again_refreshes_recency, test_matches_the_model_answer_on_generated_operations

Written from the prompt alone; before test_putting_the_same_value_again_refreshes_recency only the
differential test caught it (every hand-written update put a new value).
"""

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError("capacity must be >= 1")
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            if self.data[key] == value:
                return  # nothing changed, skip the work
            self.data[key] = value
            self.data.move_to_end(key)
            return
        if len(self.data) >= self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value
