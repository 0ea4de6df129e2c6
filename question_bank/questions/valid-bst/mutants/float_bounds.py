"""Converts values to float for the bound checks, losing huge and precise ints.

Caught by: test_ints_beyond_float_range, test_ints_beyond_float_precision

float(10**400) raises OverflowError, and float(2**53 + 1) == float(2**53).
"""

import math


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root):
    stack = [(root, -math.inf, math.inf)]
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        value = float(node.val)  # "keep every bound the same type"
        if not low < value < high:
            return False
        stack.append((node.left, low, value))
        stack.append((node.right, value, high))
    return True
