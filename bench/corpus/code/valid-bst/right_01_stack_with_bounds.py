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


def is_valid_bst(root: TreeNode | None) -> bool:
    # Explicit stack of (node, low, high); None means "no bound", so any int
    # or float, however large, is compared exactly.
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        v = node.val
        if low is not None and v <= low:
            return False
        if high is not None and v >= high:
            return False
        stack.append((node.right, v, high))
        stack.append((node.left, low, v))
    return True
