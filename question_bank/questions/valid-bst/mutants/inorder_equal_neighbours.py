"""In-order traversal that only rejects a decrease, letting equal neighbours (duplicates) through.

Caught by: test_duplicate_left_child, test_duplicate_right_child, test_duplicate_of_an_ancestor, test_int_and_float_duplicates
"""


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = []
    node = root
    previous = None
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if previous is not None and node.val < previous:  # should be <=
            return False
        previous = node.val
        node = node.right
    return True
