# expect: fail
# kind: wrong
# mistake: converts values with float() before comparing: root 2**53 + 1 with left child 2**53 gives False (both become 9007199254740992.0), should be True; 10**400 raises OverflowError
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right

import math


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = [(root, -math.inf, math.inf)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        v = float(node.val)
        if not low < v < high:
            return False
        stack.append((node.right, v, high))
        stack.append((node.left, low, v))
    return True
