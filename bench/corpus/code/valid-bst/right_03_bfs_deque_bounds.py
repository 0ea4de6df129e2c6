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

from collections import deque


def is_valid_bst(root: TreeNode | None) -> bool:
    if root is None:
        return True
    queue = deque([(root, None, None)])
    while queue:
        node, low, high = queue.popleft()
        v = node.val
        if (low is not None and not low < v) or (high is not None and not v < high):
            return False
        if node.left is not None:
            queue.append((node.left, low, v))
        if node.right is not None:
            queue.append((node.right, v, high))
    return True
