"""`if low and v <= low` ignores a bound equal to 0.

Caught by: test_zero_values_are_compared_like_any_other

From the held-out corpus (bench/corpus/code/valid-bst/wrong_08_falsy_zero_bound.py), written from the prompt alone;
it passed every test of the suite before that test was added. `if low and v <= low` ignores a bound equal to 0: root 0, right child 2 whose left child is -1 gives True, should be False
"""

from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        v = node.val
        if low and v <= low:
            return False
        if high and v >= high:
            return False
        stack.append((node.right, v, high))
        stack.append((node.left, low, v))
    return True
