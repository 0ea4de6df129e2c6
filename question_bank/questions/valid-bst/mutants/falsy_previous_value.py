"""`if prev and node.val <= prev` treats a previous value of 0 as "no previous".

Caught by: test_zero_values_are_compared_like_any_other

From the held-out corpus (bench/corpus/code/valid-bst/wrong_06_inorder_falsy_prev.py), written from the prompt alone;
it passed every test of the suite before that test was added. `if prev and node.val <= prev` treats a previous value of 0 as "no previous": root 0 with right child 0 gives True, should be False
"""

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
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if prev and node.val <= prev:
            return False
        prev = node.val
        node = node.right
    return True
