# expect: pass
# kind: right
# mistake: none
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


_NOTHING = object()


def is_valid_bst(root: TreeNode | None) -> bool:
    # Iterative in-order traversal: values must be strictly increasing.
    stack = []
    node = root
    prev = _NOTHING
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if prev is not _NOTHING and node.val <= prev:
            return False
        prev = node.val
        node = node.right
    return True
