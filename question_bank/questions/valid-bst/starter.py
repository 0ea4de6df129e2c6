from __future__ import annotations

from typing import Any


class TreeNode:
    """A binary-tree node. The tests may also pass their own node objects:
    rely only on the attributes .val, .left and .right."""

    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: TreeNode | None) -> bool:
    """Return True if the tree rooted at ``root`` is a valid binary search tree.

    - Strict ordering: every value in a node's left subtree is smaller than the
      node's value, and every value in its right subtree is larger. Equal
      values (duplicates) anywhere make the tree invalid.
    - ``None`` (the empty tree) is valid.
    - Values are ints of any size or finite floats (no NaN), possibly mixed.
    - Trees can have up to 10**5 nodes and may be degenerate: a single chain
      that deep.
    """
    raise NotImplementedError
