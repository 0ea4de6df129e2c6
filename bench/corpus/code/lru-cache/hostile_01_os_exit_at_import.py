# expect: fail
# kind: hostile
# mistake: calls os._exit(0) at import time, killing the test process with a success exit status before any test runs (the class below is never even defined)
import os

os._exit(0)


class LRUCache:  # never reached
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity

    def get(self, key):
        return -1

    def put(self, key, value) -> None:
        pass
