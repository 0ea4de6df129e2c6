"""Recursive bounds check: correct logic, but a deep chain raises RecursionError.

Caught by: test_deep_left_chain, test_deep_right_chain_broken_at_the_bottom, test_deep_zigzag_chain
"""


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root, low=None, high=None):
    if root is None:
        return True
    if (low is not None and root.val <= low) or (high is not None and root.val >= high):
        return False
    return is_valid_bst(root.left, low, root.val) and is_valid_bst(root.right, root.val, high)
