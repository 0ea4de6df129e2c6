# expect: fail
# kind: wrong
# mistake: for every node rescans its whole left and right subtrees for their max / min: correct answers but O(n^2), far beyond 2 s on a 20,000-node chain
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def _values(node):
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        yield n.val
        if n.left is not None:
            stack.append(n.left)
        if n.right is not None:
            stack.append(n.right)


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.left is not None:
            if max(_values(node.left)) >= node.val:
                return False
            stack.append(node.left)
        if node.right is not None:
            if min(_values(node.right)) <= node.val:
                return False
            stack.append(node.right)
    return True
