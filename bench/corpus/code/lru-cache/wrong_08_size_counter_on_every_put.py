# expect: fail
# kind: wrong
# mistake: a size counter is bumped on every put, updates included: cap 2, put("a",1), put("a",2), put("b",3) evicts "a", so get("a") -> -1 (expected 2; second prompt example)
from collections.abc import Hashable
from typing import Any


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value, self.prev, self.next = key, value, None, None


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.size = 0
        self.map: dict = {}
        self.head, self.tail = _Node(), _Node()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, key: Hashable) -> Any:
        node = self.map.get(key)
        if node is None:
            return -1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> None:
        self.size += 1
        if self.size > self.capacity and self.tail.prev is not self.head:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.size -= 1
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            node = _Node(key, value)
            self.map[key] = node
        self._push_front(node)
