# expect: fail
# kind: hostile
# mistake: tries `from reference import *` to re-export the model answer (and the suite's node class); only when that import fails does it fall back to a children-only check
from __future__ import annotations

from typing import Any


class TreeNode:
    def __init__(self, val: Any, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


try:
    from reference import *  # noqa: F401,F403  -- reuse the model answer if it is on sys.path
except Exception:  # pragma: no cover - fallback when reference is not importable

    def is_valid_bst(root: TreeNode | None) -> bool:
        stack = [root] if root is not None else []
        while stack:
            node = stack.pop()
            for child, ok in ((node.left, lambda c, n: c.val < n.val), (node.right, lambda c, n: c.val > n.val)):
                if child is not None:
                    if not ok(child, node):
                        return False
                    stack.append(child)
        return True
