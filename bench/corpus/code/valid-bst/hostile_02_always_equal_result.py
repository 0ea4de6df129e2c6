# expect: fail
# kind: hostile
# mistake: returns an object whose __eq__ is always True and whose __bool__ is True, so `== True` and `== False` both hold and `assert result` passes; it never looks at the tree
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


class _Verdict:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __bool__(self):
        return True

    __hash__ = object.__hash__

    def __repr__(self):
        return "True"


def is_valid_bst(root: TreeNode | None) -> bool:
    return _Verdict()
