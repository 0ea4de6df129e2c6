# expect: fail
# kind: wrong
# mistake: plain recursion with bounds: a degenerate chain of 20,000 nodes (e.g. 0 -> 1 -> 2 ... all right children) raises RecursionError instead of returning True
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    def check(node, low, high):
        if node is None:
            return True
        if low is not None and node.val <= low:
            return False
        if high is not None and node.val >= high:
            return False
        return check(node.left, low, node.val) and check(node.right, node.val, high)

    return check(root, None, None)
