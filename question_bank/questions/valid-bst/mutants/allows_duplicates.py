"""Uses < and > where <= and >= are needed, so values equal to a bound (duplicates) pass.

Caught by: test_duplicate_left_child, test_duplicate_right_child, test_duplicate_of_an_ancestor, test_int_and_float_duplicates
"""


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [(root, None, None)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if (low is not None and node.val < low) or (high is not None and node.val > high):
            return False
        stack.append((node.left, low, node.val))
        stack.append((node.right, node.val, high))
    return True
