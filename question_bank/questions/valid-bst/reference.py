"""Model answer: is a binary tree a strict binary search tree?"""

from __future__ import annotations

from typing import Any


class TreeNode:
    """A binary-tree node. Any object with .val, .left and .right works too."""

    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    """True when every left-subtree value < node value < every right-subtree value."""
    # Each node must lie strictly inside an open interval (low, high) set by
    # *all* its ancestors, not just its parent: going left tightens the upper
    # bound, going right tightens the lower bound.
    #
    # None means "unbounded". Sentinels such as sys.maxsize or -2**31 break on
    # Python's arbitrary-size ints; float('inf') would work for finite values,
    # but None needs no assumption at all.
    #
    # An explicit stack instead of recursion: a degenerate tree (a chain) may
    # be far deeper than Python's recursion limit (1,000 by default).
    stack: list[tuple[Any, Any, Any]] = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        value = node.val
        # <= and >=: duplicates are invalid, wherever they are in the tree.
        if (low is not None and value <= low) or (high is not None and value >= high):
            return False
        stack.append((node.left, low, value))
        stack.append((node.right, value, high))
    return True
