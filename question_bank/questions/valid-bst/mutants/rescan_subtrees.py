"""Compares every node with every value of its subtrees: correct but O(n · height).

Caught by: test_large_tree_in_linear_time, test_deep_left_chain, test_deep_right_chain_broken_at_the_bottom, test_deep_zigzag_chain
"""


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def _values(node):
    stack, values = [node], []
    while stack:
        current = stack.pop()
        if current is not None:
            values.append(current.val)
            stack.append(current.left)
            stack.append(current.right)
    return values


def is_valid_bst(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if any(v >= node.val for v in _values(node.left)):
            return False
        if any(v <= node.val for v in _values(node.right)):
            return False
        stack.append(node.left)
        stack.append(node.right)
    return True
