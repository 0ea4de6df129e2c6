"""Checks each node only against its immediate children, not against all its ancestors.

Caught by: test_grandchild_in_right_subtree_smaller_than_root, test_grandchild_in_left_subtree_larger_than_root, test_violation_three_levels_down, test_duplicate_of_an_ancestor
"""


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.left is not None and not node.left.val < node.val:
            return False
        if node.right is not None and not node.right.val > node.val:
            return False
        stack.append(node.left)
        stack.append(node.right)
    return True
