# expect: fail
# kind: wrong
# mistake: uses -sys.maxsize-1 / sys.maxsize as "no bound" sentinels: a single node with val 2**63 gives False, should be True
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right

import sys


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = [(root, -sys.maxsize - 1, sys.maxsize)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if not low < node.val < high:
            return False
        stack.append((node.right, node.val, high))
        stack.append((node.left, low, node.val))
    return True
