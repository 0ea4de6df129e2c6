"""Model answer: a least-recently-used cache with O(1) get and put."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class _Node:
    """One entry of the recency list."""

    __slots__ = ("key", "next", "prev", "value")

    def __init__(self, key: Any = None, value: Any = None) -> None:
        self.key = key
        self.value = value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key.

    A dict maps each key to its node in a doubly linked list ordered by
    recency: the most recently used entry sits just after the sentinel
    ``_head``, the least recently used just before it. Finding a node is a
    dict lookup and moving or unlinking it touches four pointers, so both
    ``get`` and ``put`` are O(1).

    (In production Python, ``collections.OrderedDict`` with ``move_to_end``
    and ``popitem(last=False)`` is exactly this structure, implemented in C.
    Interviewers often ask for the linked list itself, as here.)
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self._capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        # A circular list with one sentinel: no None checks at either end.
        self._head = _Node()

    def get(self, key: Hashable) -> Any:
        """The value stored under ``key`` (now the most recently used), or -1."""
        node = self._nodes.get(key)
        if node is None:  # nodes are never None, so stored values can be anything
            return -1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> None:
        """Insert or update ``key``; it becomes the most recently used."""
        node = self._nodes.get(key)
        if node is not None:
            # An update is not a new entry: never evict for it.
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self._nodes) == self._capacity:
            oldest = self._head.prev  # the least recently used entry
            self._unlink(oldest)
            del self._nodes[oldest.key]
        node = _Node(key, value)
        self._nodes[key] = node
        self._push_front(node)

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node: _Node) -> None:
        head = self._head
        node.prev = head
        node.next = head.next
        head.next.prev = node
        head.next = node
