"""Tests for is_valid_bst: strict binary-search-tree validation."""

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from solution import is_valid_bst

from checkers.expect import exactly

#: The differential test's settings: the same 300 inputs on every run (derandomize), no example
#: database, no per-example deadline (the test's own timeout bounds it), one bug reported at a
#: time, shrunk to a small counterexample but not "explained" (that phase costs seconds).
DIFFERENTIAL = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    report_multiple_bugs=False,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Node:
    """The tests' own node class: answers may rely only on .val, .left, .right."""

    __slots__ = ("left", "right", "val")

    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        """The tree in the prompt's notation, ``tree([2, 1, 3])``, so a counterexample reads as a tree."""
        values, level, count = [], [self], 0
        while any(node is not None for node in level) and count < 64:
            values += [None if node is None else node.val for node in level]
            count += sum(node is not None for node in level)
            level = [child for node in level if node is not None for child in (node.left, node.right)]
        while values[-1] is None:
            values.pop()
        more = ", ..." if count >= 64 else ""
        return f"tree({values!r}{more})"


def tree(values):
    """Build a tree from a level-order list, None marking a missing child (LeetCode style)."""
    if not values or values[0] is None:
        return None
    nodes = [None if v is None else Node(v) for v in values]
    children = iter(nodes[1:])
    for node in nodes:
        if node is None:
            continue
        node.left = next(children, None)
        node.right = next(children, None)
    return nodes[0]


def balanced(values):
    """A height-balanced tree holding the sorted list ``values`` in order."""

    def build(lo, hi):
        if lo >= hi:
            return None
        mid = (lo + hi) // 2
        return Node(values[mid], build(lo, mid), build(mid + 1, hi))

    return build(0, len(values))


def left_chain(n):
    """n nodes, each the left child of the previous one: n-1, n-2, ..., 0."""
    root = None
    for value in range(n):
        root = Node(value, left=root)
    return root


def right_chain(values):
    """Each value the right child of the previous one; the first is the root."""
    root = None
    for value in reversed(values):
        root = Node(value, right=root)
    return root


def zigzag(n):
    """A valid chain alternating right and left: 0 -> n -> 1 -> n-1 -> 2 -> ..."""
    values = []
    low, high = 0, n
    while low <= high:
        values.append(low)
        if high != low:
            values.append(high)
        low, high = low + 1, high - 1
    root = Node(values[0])
    parent, node = None, root
    for i, value in enumerate(values[1:]):
        child = Node(value)
        if i % 2 == 0:
            node.right = child
        else:
            node.left = child
        parent, node = node, child
    return root, node, parent  # the root, the deepest node and its parent


# ---------------------------------------------------------------- visible ---


@pytest.mark.visible
def test_example_small_valid_tree():
    """a root with a smaller left child and a larger right child is valid"""
    actual = is_valid_bst(tree([2, 1, 3]))
    expected = True
    assert exactly(actual) == expected


@pytest.mark.visible
def test_example_right_child_smaller_than_root():
    """a right child smaller than its parent makes the tree invalid"""
    actual = is_valid_bst(tree([5, 1, 4, None, None, 3, 6]))
    expected = False
    assert exactly(actual) == expected


@pytest.mark.visible
def test_example_empty_tree():
    """the empty tree (None) is valid"""
    actual = is_valid_bst(None)
    expected = True
    assert exactly(actual) == expected


# ----------------------------------------------------------------- hidden ---


@pytest.mark.hidden
def test_single_node():
    """a single node is valid"""
    assert is_valid_bst(Node(42)) is True


@pytest.mark.hidden
def test_trees_of_the_starters_tree_node():
    """trees built from the answer's own TreeNode class are validated like any other"""
    from solution import TreeNode

    assert is_valid_bst(TreeNode(2, TreeNode(1), TreeNode(3))) is True
    assert is_valid_bst(TreeNode(2, TreeNode(3))) is False
    assert is_valid_bst(TreeNode(2, None, TreeNode(1))) is False


@pytest.mark.hidden
def test_returns_a_bool():
    """the answer is a real bool, True or False"""
    assert is_valid_bst(tree([2, 1, 3])) is True
    assert is_valid_bst(tree([2, 3, 1])) is False


@pytest.mark.hidden
@pytest.mark.danger("children-only")
def test_grandchild_in_right_subtree_smaller_than_root():
    """a value deep in the right subtree that is smaller than the root is caught"""
    # 5's right subtree holds 4: each parent/child pair looks fine.
    assert is_valid_bst(tree([5, 1, 7, None, None, 4, 8])) is False


@pytest.mark.hidden
@pytest.mark.danger("children-only")
def test_grandchild_in_left_subtree_larger_than_root():
    """a value deep in the left subtree that is larger than the root is caught"""
    assert is_valid_bst(tree([10, 5, 15, 2, 12])) is False


@pytest.mark.hidden
@pytest.mark.danger("children-only")
def test_violation_three_levels_down():
    """a great-grandchild that breaks an ancestor's bound is caught"""
    #        20
    #      /    \
    #    10      30
    #      \
    #       15
    #         \
    #          25   <- larger than 20, inside 20's left subtree
    assert is_valid_bst(tree([20, 10, 30, None, 15, None, None, None, 25])) is False
    assert is_valid_bst(tree([20, 10, 30, None, 15, None, None, None, 18])) is True


@pytest.mark.hidden
@pytest.mark.danger("duplicates-allowed")
def test_duplicate_left_child():
    """a left child equal to its parent is invalid"""
    assert is_valid_bst(tree([2, 2, 3])) is False


@pytest.mark.hidden
@pytest.mark.danger("duplicates-allowed")
def test_duplicate_right_child():
    """a right child equal to its parent is invalid"""
    assert is_valid_bst(tree([2, 1, 2])) is False


@pytest.mark.hidden
def test_duplicate_of_an_ancestor():
    """a value equal to a non-parent ancestor is invalid"""
    # 3's right child 5 equals the root 5.
    assert is_valid_bst(tree([5, 3, 8, None, 5])) is False
    # 8's left child 5 equals the root 5.
    assert is_valid_bst(tree([5, 3, 8, None, None, 5])) is False


@pytest.mark.hidden
@pytest.mark.danger("duplicates-allowed")
def test_int_and_float_duplicates():
    """1 and 1.0 are equal values, so they are duplicates"""
    assert is_valid_bst(tree([1, 0.5, 1.0])) is False
    assert is_valid_bst(tree([1, 0.999, 1.001])) is True


@pytest.mark.hidden
def test_negative_and_float_values():
    """negative numbers and floats are ordered like any other values"""
    assert is_valid_bst(tree([-1.5, -10, 0, -20, -2.25, -0.5, 3.75])) is True
    assert is_valid_bst(tree([-1.5, -10, 0, -20, -12.5])) is False


@pytest.mark.hidden
@pytest.mark.danger("sentinel-bounds")
def test_values_beyond_64_bits():
    """ints beyond 64 bits (larger than sys.maxsize) are compared exactly"""
    assert is_valid_bst(tree([2**70, 2**64, 2**80, -(2**65), None, 2**75])) is True
    assert is_valid_bst(tree([2**63, -(2**63) - 1, 2**64])) is True


@pytest.mark.hidden
@pytest.mark.danger("sentinel-bounds")
def test_ints_beyond_float_range():
    """ints too large for a float (10**400) still compare exactly"""
    assert is_valid_bst(tree([10**400, 10**399, 10**401])) is True
    assert is_valid_bst(tree([10**400, 10**399, 10**400 + 1, -(10**500)])) is True
    assert is_valid_bst(tree([10**400, 10**401, 10**399])) is False


@pytest.mark.hidden
@pytest.mark.danger("sentinel-bounds")
def test_ints_beyond_float_precision():
    """ints that differ by one beyond 2**53 are not treated as equal"""
    base = 2**53
    assert is_valid_bst(tree([base + 1, base, base + 2])) is True


@pytest.mark.hidden
def test_large_valid_balanced_tree():
    """a balanced tree of 4,095 increasing values is valid"""
    assert is_valid_bst(balanced(list(range(0, 3 * 4095, 3)))) is True


@pytest.mark.hidden
def test_two_swapped_values():
    """swapping two values of a large valid tree makes it invalid"""
    values = list(range(4095))
    values[100], values[3000] = values[3000], values[100]
    assert is_valid_bst(balanced(values)) is False


@pytest.mark.hidden
@pytest.mark.danger("deep-tree")
def test_deep_left_chain():
    """a valid chain of 100,000 nodes (each the left child of the last) is validated"""
    assert is_valid_bst(left_chain(100_000)) is True


@pytest.mark.hidden
@pytest.mark.danger("deep-tree")
def test_deep_right_chain_broken_at_the_bottom():
    """a 20,000-node right chain whose last node breaks the order is invalid"""
    values = list(range(20_000))
    assert is_valid_bst(right_chain(values)) is True
    values[-1] = 10
    assert is_valid_bst(right_chain(values)) is False


@pytest.mark.hidden
@pytest.mark.danger("deep-tree")
def test_deep_zigzag_chain():
    """a 20,000-node zigzag chain is valid, and invalid once its deepest node breaks the order"""
    root, deepest, parent = zigzag(20_000)
    assert is_valid_bst(root) is True
    # The deepest node is its parent's left child: make it larger than the parent.
    deepest.val = parent.val + 1
    assert is_valid_bst(root) is False


def links(root):
    """Every reachable node's value and children, by identity (a cycle left behind shows up too)."""
    seen, todo = {}, [root]
    while todo:
        node = todo.pop()
        if node is None or id(node) in seen:
            continue
        seen[id(node)] = (node.val, id(node.left) if node.left else None, id(node.right) if node.right else None)
        todo += [node.left, node.right]
    return seen


@pytest.mark.hidden
@pytest.mark.parametrize(
    "values",
    [
        [8, 4, 12, 2, 6, 10, 14],  # valid
        [10, 5, None, 7],  # invalid deep down: an answer that stops early must still put things back
        [5, 1, 4, None, None, 3, 6],  # invalid at the root's right child
    ],
    ids=["valid", "invalid-left", "invalid-right"],
)
def test_does_not_modify_the_tree(values):
    """the tree is left exactly as it was, valid or not (no threaded links left behind)"""
    root = tree(values)
    before = links(root)
    is_valid_bst(root)
    assert links(root) == before


@pytest.mark.hidden
def test_zero_values_are_compared_like_any_other():
    """0 is a value like any other: a previous value or a bound of 0 is still checked"""
    assert is_valid_bst(tree([0, None, 0])) is False  # a duplicate 0 as the right child
    assert is_valid_bst(tree([0, None, 2, -1])) is False  # -1 is right of 0, under 2
    assert is_valid_bst(tree([0, -1, 1])) is True


# ----------------------------------------------------------- differential ---

#: Node values as the prompt allows them, one family per tree so that values sit close together:
#: small ints and floats around 0 (a falsy previous value or bound), ints around 2**53 and 2**63
#: and beyond the float range, any int or finite float, with values equal across types (1, 1.0).
_VALUES = st.sampled_from(["small", "precision", "huge", "any"]).flatmap(
    lambda family: {
        "small": st.one_of(st.integers(min_value=-3, max_value=3), st.sampled_from([0.0, -0.0, 0.5, -0.5, 1.0])),
        "precision": st.integers(min_value=-2, max_value=2).flatmap(
            lambda d: st.sampled_from([2**53 + d, 2**63 + d, -(2**63) + d, float(2**53 + d)])
        ),
        "huge": st.integers(min_value=-3, max_value=3).flatmap(
            lambda d: st.sampled_from([10**400 + d, -(10**400) + d, d])
        ),
        "any": st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)),
    }[family]
)


@st.composite
def _trees(draw):
    """A random-shaped BST over distinct values, then often one change that may break it.

    The changes are the mistakes' favourite spots: two values swapped (a violation deep down, or
    between in-order neighbours), a value copied from another node or from its in-order neighbour
    (a duplicate, maybe of an ancestor), a value nudged past a neighbour, an int replaced by the
    equal float.
    """
    values = sorted(set(draw(st.lists(_VALUES, max_size=14))))
    in_order = []

    def build(lo, hi):
        if lo >= hi:
            return None
        mid = draw(st.integers(min_value=lo, max_value=hi - 1))
        left = build(lo, mid)
        node = Node(values[mid], left)
        in_order.append(node)
        node.right = build(mid + 1, hi)
        return node

    root = build(0, len(values))
    change = draw(st.sampled_from(["none", "swap", "swap-next", "copy", "copy-next", "nudge", "as-float"]))
    if change == "none" or not in_order:
        return root
    i = draw(st.integers(min_value=0, max_value=len(in_order) - 1))
    j = draw(st.integers(min_value=0, max_value=len(in_order) - 1))
    if change.endswith("-next"):
        j = i + 1 if i + 1 < len(in_order) else max(i - 1, 0)
    node, other = in_order[i], in_order[j]
    if change.startswith("swap"):
        node.val, other.val = other.val, node.val
    elif change.startswith("copy"):
        node.val = other.val
    elif change == "nudge":
        node.val = other.val + draw(st.sampled_from([-1, 1]))
    elif type(node.val) is int and abs(node.val) <= 2**53:
        node.val = float(node.val)
    return root


@pytest.mark.hidden
@pytest.mark.timeout(10)
def test_matches_the_model_answer_on_generated_trees(reference):
    """matches the model answer on 300 generated trees, duplicates, huge ints and mixed types included"""

    @DIFFERENTIAL
    @given(root=_trees())
    def check(root):
        before = links(root)
        # The answer runs first, so nothing it could find on the stack knows the expected value.
        actual = is_valid_bst(root)
        assert links(root) == before, "the tree was modified"
        expected = reference.is_valid_bst(root)
        assert exactly(actual) == expected

    check()


# ------------------------------------------------------------------- perf ---


@pytest.mark.hidden
@pytest.mark.perf
@pytest.mark.timeout(30)
def test_large_tree_in_linear_time(reference):
    """a balanced tree of 131,071 nodes is validated in linear time"""
    from checkers.perf import assert_fast_enough

    root = balanced(list(range(2**17 - 1)))
    assert_fast_enough(
        lambda: is_valid_bst(root),
        lambda: reference.is_valid_bst(root),
        ratio=5.0,
    )
