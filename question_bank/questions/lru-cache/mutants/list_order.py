"""Keeps recency in a Python list: list.remove(key) makes every get and put O(n).

Caught by: test_many_operations_in_constant_time
"""


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.values = {}
        self.order = []  # least recently used first

    def get(self, key):
        if key not in self.values:
            return -1
        self.order.remove(key)  # O(n)
        self.order.append(key)
        return self.values[key]

    def put(self, key, value):
        if key in self.values:
            self.order.remove(key)  # O(n)
        elif len(self.values) == self.capacity:
            oldest = self.order.pop(0)  # O(n) as well
            del self.values[oldest]
        self.values[key] = value
        self.order.append(key)
