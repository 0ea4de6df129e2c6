"""Morris in-order traversal that returns False as soon as it sees a violation, leaving a threaded .right pointer behind.

Caught by: test_does_not_modify_the_tree

From the held-out corpus (bench/corpus/code/valid-bst/wrong_09_morris_early_return.py), written from the prompt alone;
it passed every test of the suite before that test was added. Morris in-order traversal that returns False as soon as it sees a violation, leaving a threaded .right pointer behind: on root 10 whose left child 5 has left child 7, it returns False but leaves 5.right pointing back at the root (tree mutated, now cyclic)
"""

from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    # O(1) extra space: Morris traversal threads the tree temporarily.
    node = root
    prev = None
    has_prev = False
    while node is not None:
        if node.left is None:
            if has_prev and node.val <= prev:
                return False
            prev, has_prev = node.val, True
            node = node.right
        else:
            pred = node.left
            while pred.right is not None and pred.right is not node:
                pred = pred.right
            if pred.right is None:
                pred.right = node
                node = node.left
            else:
                pred.right = None
                if has_prev and node.val <= prev:
                    return False
                prev, has_prev = node.val, True
                node = node.right
    return True
