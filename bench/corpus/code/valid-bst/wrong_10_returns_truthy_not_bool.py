# expect: fail
# kind: wrong
# mistake: returns the last in-order value instead of True for a valid non-empty tree (not a real bool): is_valid_bst(tree([2, 1, 3])) returns 3, and a valid single node 0 returns 0, which reads as invalid
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = []
    node = root
    prev = None
    seen = False
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if seen and node.val <= prev:
            return False
        prev, seen = node.val, True
        node = node.right
    # "prev is the largest value, so it's truthy when the tree is non-empty"
    return prev if seen else True
