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

from itertools import pairwise


def _inorder(root):
    stack = []
    node = root
    while stack or node is not None:
        if node is not None:
            stack.append(node)
            node = node.left
        else:
            node = stack.pop()
            yield node.val
            node = node.right


def is_valid_bst(root: TreeNode | None) -> bool:
    return all(a < b for a, b in pairwise(_inorder(root)))
