"""Tests for LRUCache: a fixed-capacity least-recently-used cache."""

import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from solution import LRUCache

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

# ---------------------------------------------------------------- visible ---


@pytest.mark.visible
def test_example_classic_sequence():
    """gets refresh recency and a full cache evicts the least recently used key"""
    cache = LRUCache(2)
    results = []
    cache.put(1, 1)
    cache.put(2, 2)
    results.append(cache.get(1))  # 1 is now the most recently used
    cache.put(3, 3)  # evicts 2
    results.append(cache.get(2))
    cache.put(4, 4)  # evicts 1
    results.append(cache.get(1))
    results.append(cache.get(3))
    results.append(cache.get(4))
    actual = results
    expected = [1, -1, -1, 3, 4]
    assert exactly(actual) == expected


@pytest.mark.visible
def test_example_update_in_place():
    """putting an existing key replaces its value"""
    cache = LRUCache(2)
    results = []
    cache.put("a", 1)
    cache.put("a", 2)
    results.append(cache.get("a"))
    cache.put("b", 3)
    results.append(cache.get("a"))
    results.append(cache.get("b"))
    actual = results
    expected = [2, 2, 3]
    assert exactly(actual) == expected


# ----------------------------------------------------------------- hidden ---


@pytest.mark.hidden
def test_capacity_zero_rejected():
    """a capacity of 0 raises ValueError"""
    with pytest.raises(ValueError):
        LRUCache(0)


@pytest.mark.hidden
def test_negative_capacity_rejected():
    """a negative capacity raises ValueError"""
    with pytest.raises(ValueError):
        LRUCache(-3)


@pytest.mark.hidden
def test_get_on_empty_cache():
    """get on an empty cache returns -1"""
    cache = LRUCache(3)
    assert exactly(cache.get("missing")) == -1
    assert exactly(cache.get(0)) == -1


@pytest.mark.hidden
def test_capacity_one():
    """with capacity 1 each new key evicts the previous one"""
    cache = LRUCache(1)
    cache.put("a", 1)
    cache.put("b", 2)
    assert exactly(cache.get("a")) == -1
    assert exactly(cache.get("b")) == 2
    cache.put("b", 3)
    assert exactly(cache.get("b")) == 3
    cache.put("c", 4)
    assert exactly(cache.get("b")) == -1
    assert exactly(cache.get("c")) == 4


@pytest.mark.hidden
@pytest.mark.danger("recency-on-get")
def test_get_refreshes_recency():
    """a get makes the key the most recently used, saving it from eviction"""
    cache = LRUCache(3)
    for key in "abc":
        cache.put(key, key.upper())
    assert exactly(cache.get("a")) == "A"
    cache.put("d", "D")  # evicts b, not a
    assert exactly(cache.get("b")) == -1
    assert exactly(cache.get("a")) == "A"
    assert exactly(cache.get("c")) == "C"
    assert exactly(cache.get("d")) == "D"


@pytest.mark.hidden
@pytest.mark.danger("recency-on-get")
def test_lru_is_not_fifo():
    """eviction follows last use, not insertion order"""
    cache = LRUCache(3)
    for key in "abc":
        cache.put(key, 1)
    cache.get("a")
    cache.get("b")
    cache.put("d", 1)  # c is now the least recently used
    assert exactly(cache.get("c")) == -1
    assert exactly([cache.get(key) for key in "abd"]) == [1, 1, 1]


@pytest.mark.hidden
@pytest.mark.danger("recency-on-update")
def test_update_refreshes_recency():
    """updating a key makes it the most recently used"""
    cache = LRUCache(3)
    for key in "abc":
        cache.put(key, 1)
    cache.put("a", 99)  # a is now the most recently used
    cache.put("d", 4)  # evicts b
    assert exactly(cache.get("b")) == -1
    assert exactly(cache.get("a")) == 99
    assert exactly(cache.get("c")) == 1
    assert exactly(cache.get("d")) == 4


@pytest.mark.hidden
@pytest.mark.danger("recency-on-update")
def test_putting_the_same_value_again_refreshes_recency():
    """putting a key again with the value it already has still makes it the most recently used"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 1)  # the same value: still a use of "a"
    cache.put("c", 3)  # evicts b
    assert exactly(cache.get("b")) == -1
    assert exactly(cache.get("a")) == 1
    assert exactly(cache.get("c")) == 3


@pytest.mark.hidden
@pytest.mark.danger("update-as-insert")
def test_update_when_full_does_not_evict():
    """updating a key of a full cache evicts nothing"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("b", 20)
    assert exactly(cache.get("a")) == 1
    assert exactly(cache.get("b")) == 20


@pytest.mark.hidden
@pytest.mark.danger("update-as-insert")
def test_repeated_updates_do_not_fill_the_cache():
    """updating one key many times counts as a single entry"""
    cache = LRUCache(3)
    for value in range(10):
        cache.put("a", value)
    cache.put("b", "B")
    cache.put("c", "C")
    assert exactly(cache.get("a")) == 9
    assert exactly(cache.get("b")) == "B"
    assert exactly(cache.get("c")) == "C"


@pytest.mark.hidden
def test_evicts_least_not_most_recent():
    """a full cache evicts the least recently used key, not the newest"""
    cache = LRUCache(2)
    cache.put("old", 1)
    cache.put("new", 2)
    cache.put("newest", 3)
    assert exactly(cache.get("old")) == -1
    assert exactly(cache.get("new")) == 2
    assert exactly(cache.get("newest")) == 3


@pytest.mark.hidden
def test_many_inserts_keep_the_last_ones():
    """after inserting 0..9 into a cache of 3, only 7, 8 and 9 remain"""
    cache = LRUCache(3)
    for key in range(10):
        cache.put(key, key * key)
    assert exactly([cache.get(key) for key in range(10)]) == [-1] * 7 + [49, 64, 81]


@pytest.mark.hidden
def test_miss_does_not_insert():
    """a get for a missing key neither inserts it nor changes the eviction order"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert exactly(cache.get("zzz")) == -1
    cache.put("c", 3)  # still evicts a
    assert exactly(cache.get("zzz")) == -1
    assert exactly(cache.get("a")) == -1
    assert exactly(cache.get("b")) == 2
    assert exactly(cache.get("c")) == 3


@pytest.mark.hidden
def test_falsy_values_are_stored():
    """0, None, "" and False are real values, not misses"""
    cache = LRUCache(4)
    cache.put("zero", 0)
    cache.put("none", None)
    cache.put("empty", "")
    cache.put("false", False)
    assert exactly(cache.get("zero")) == 0
    assert cache.get("none") is None
    assert exactly(cache.get("empty")) == ""
    assert cache.get("false") is False


@pytest.mark.hidden
def test_stored_minus_one_is_a_hit():
    """a stored -1 is returned and its get still refreshes recency"""
    cache = LRUCache(2)
    cache.put("a", -1)
    cache.put("b", 2)
    assert exactly(cache.get("a")) == -1  # a hit: a becomes the most recently used
    cache.put("c", 3)  # evicts b
    assert exactly(cache.get("b")) == -1
    assert exactly(cache.get("c")) == 3


@pytest.mark.hidden
def test_any_hashable_keys():
    """tuples, strings, ints, frozensets and None are usable keys; 1 and "1" differ"""
    cache = LRUCache(5)
    cache.put((1, 2), "tuple")
    cache.put("1", "str")
    cache.put(1, "int")
    cache.put(None, "none")
    cache.put(frozenset({3}), "frozenset")
    assert exactly(cache.get((1, 2))) == "tuple"
    assert exactly(cache.get("1")) == "str"
    assert exactly(cache.get(1)) == "int"
    assert exactly(cache.get(None)) == "none"
    assert exactly(cache.get(frozenset({3}))) == "frozenset"


@pytest.mark.hidden
def test_caches_are_independent():
    """two caches never share entries"""
    first = LRUCache(2)
    second = LRUCache(2)
    first.put("k", "first")
    assert exactly(second.get("k")) == -1
    second.put("k", "second")
    second.put("x", 1)
    second.put("y", 2)
    assert exactly(first.get("k")) == "first"


class ModelLRU:
    """An obviously correct, slow LRU: a list ordered from least to most recent."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []  # [key, value] pairs, least recently used first

    def get(self, key):
        for i, (k, v) in enumerate(self.items):
            if k == key:
                self.items.append(self.items.pop(i))
                return v
        return -1

    def put(self, key, value):
        for i, (k, _) in enumerate(self.items):
            if k == key:
                self.items.pop(i)
                break
        else:
            if len(self.items) == self.capacity:
                self.items.pop(0)
        self.items.append([key, value])


@pytest.mark.hidden
def test_matches_a_simple_model_on_random_operations():
    """3,000 random gets and puts give the same results as a simple list-based model"""
    rng = random.Random(1234)
    for capacity in (1, 2, 5, 17):
        cache, model = LRUCache(capacity), ModelLRU(capacity)
        for step in range(750):
            key = rng.randrange(capacity * 2 + 1)
            if rng.random() < 0.5:
                assert exactly(cache.get(key)) == model.get(key), f"get({key}) at step {step}"
            else:
                cache.put(key, step)
                model.put(key, step)


# ----------------------------------------------------------- differential ---

#: Keys of several hashable kinds, none equal to another (1 and "1" differ; None is a key).
_KEYS = [0, 1, 2, 3, 4, 5, "1", "a", (1, 2), None, frozenset({3})]
#: Values the prompt calls out: falsy ones and a stored -1, besides ordinary ones.
_VALUES = [0, None, False, "", -1, 0.0, 1, 2, "x", (0,)]


@st.composite
def _sessions(draw):
    """A capacity and a sequence of gets and puts, as (is_get, key, value) triples.

    The keys are only a few more than the capacity, so hits, updates of a full cache and
    evictions all happen often; lengths are spread evenly up to 30 (a plain st.lists averages
    about 5) and shrink towards 0.
    """
    capacity = draw(st.integers(min_value=1, max_value=4))
    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=capacity + 2, unique=True))
    length = draw(st.integers(min_value=0, max_value=30))
    operation = st.tuples(st.booleans(), st.sampled_from(keys), st.sampled_from(_VALUES))
    return capacity, draw(st.lists(operation, min_size=length, max_size=length))


def _replay(cache_class, capacity, operations):
    """What each get returned, in order. A second cache gets a put of every key used: it must not show."""
    cache, other = cache_class(capacity), cache_class(1)
    results = []
    for is_get, key, value in operations:
        other.put(key, "from another cache")
        if is_get:
            results.append(cache.get(key))
        else:
            cache.put(key, value)
    return results


@pytest.mark.hidden
@pytest.mark.timeout(10)
def test_matches_the_model_answer_on_generated_operations(reference):
    """matches the model answer on 300 generated sequences of gets and puts: updates, falsy values, a second cache"""

    @DIFFERENTIAL
    @given(case=_sessions())
    def check(case):
        capacity, operations = case
        # The answer runs first, so nothing it could find on the stack knows the expected values.
        actual = _replay(LRUCache, capacity, operations)
        expected = _replay(reference.LRUCache, capacity, operations)
        assert exactly(actual) == expected

    check()


@pytest.mark.hidden
def test_matches_the_model_answer_on_every_small_capacity(reference):
    """capacities from -3 to 3 are accepted or refused with ValueError exactly as the model answer does"""
    for capacity in range(-3, 4):
        if _refuses(reference.LRUCache, capacity):
            with pytest.raises(ValueError):
                LRUCache(capacity)
        else:
            LRUCache(capacity)


def _refuses(cache_class, capacity):
    """Whether ``cache_class(capacity)`` raises ValueError (outside the caller's ``except``, so no chaining)."""
    try:
        cache_class(capacity)
    except ValueError:
        return True
    return False


# ------------------------------------------------------------------- perf ---


@pytest.mark.hidden
@pytest.mark.perf
@pytest.mark.danger("linear-time-ops")
@pytest.mark.timeout(30)
def test_many_operations_in_constant_time(reference):
    """200,000 gets and puts on a cache of capacity 50,000 run in O(1) each"""
    from checkers.perf import assert_fast_enough

    rng = random.Random(5)
    # Half gets, half puts, over 75,000 keys: many hits, updates and evictions.
    ops = [(rng.random() < 0.5, rng.randrange(75_000)) for _ in range(200_000)]

    def run(cache_class):
        cache = cache_class(50_000)
        get, put = cache.get, cache.put
        for step, (is_get, key) in enumerate(ops):
            if is_get:
                get(key)
            else:
                put(key, step)

    assert_fast_enough(lambda: run(LRUCache), lambda: run(reference.LRUCache), ratio=5.0)
