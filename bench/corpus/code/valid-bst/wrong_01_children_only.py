# expect: fail
# kind: wrong
# mistake: compares each node only with its direct children: root 5, left 1, right 6 whose left child is 3 (3 < 5 deep in the right subtree) gives True, should be False
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.left is not None:
            if not node.left.val < node.val:
                return False
            stack.append(node.left)
        if node.right is not None:
            if not node.right.val > node.val:
                return False
            stack.append(node.right)
    return True
