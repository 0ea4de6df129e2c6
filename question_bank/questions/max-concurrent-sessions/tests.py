"""Tests for max_concurrent_sessions: half-open [start, end) sessions, any order."""

import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from solution import max_concurrent_sessions

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


def shuffled(items, seed=7):
    """A copy of ``items`` in a fixed pseudo-random order."""
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def spread(n, length):
    """n sessions of the given length starting at 0..n-1, in a scrambled order.

    ``i * 7919 % n`` visits every start once (7919 is a prime that does not
    divide n), so the peak is ``min(n, length)`` without building and sorting
    anything first.
    """
    return [(s, s + length) for s in (i * 7919 % n for i in range(n))]


# -- the prompt's examples -----------------------------------------------------------


@pytest.mark.visible
def test_example_two_overlap():
    """two of three sessions overlap: the peak is 2"""
    assert exactly(max_concurrent_sessions([(1, 4), (2, 5), (7, 9)])) == 2


@pytest.mark.visible
@pytest.mark.danger("touching-endpoints")
def test_example_back_to_back():
    """each session ends exactly when the next starts: never concurrent"""
    assert exactly(max_concurrent_sessions([(1, 3), (3, 6), (6, 8)])) == 1


@pytest.mark.visible
def test_example_unsorted():
    """unsorted input: three sessions are active at t = 5"""
    assert exactly(max_concurrent_sessions([(5, 10), (0, 6), (1, 2), (4, 7)])) == 3


# -- empty and single inputs ---------------------------------------------------------


@pytest.mark.hidden
def test_no_sessions():
    """no sessions at all: 0"""
    assert exactly(max_concurrent_sessions([])) == 0


@pytest.mark.hidden
def test_single_session():
    """a single session: 1, as an int"""
    result = max_concurrent_sessions([(3, 8)])
    assert exactly(result) == 1
    assert type(result) is int


# -- zero-length sessions ------------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.danger("zero-length")
def test_only_zero_length_sessions():
    """sessions with start == end are never active: 0"""
    assert exactly(max_concurrent_sessions([(4, 4)])) == 0
    assert exactly(max_concurrent_sessions([(1, 1), (1, 1), (2, 2)])) == 0


@pytest.mark.hidden
@pytest.mark.danger("zero-length")
def test_zero_length_inside_a_session():
    """zero-length sessions inside a longer one add nothing"""
    assert exactly(max_concurrent_sessions([(0, 10), (5, 5), (5, 5)])) == 1


@pytest.mark.hidden
@pytest.mark.danger("zero-length")
def test_zero_length_where_sessions_touch():
    """a zero-length session at the instant one session ends and another starts"""
    assert exactly(max_concurrent_sessions([(5, 10), (5, 5), (0, 5)])) == 1


# -- touching endpoints --------------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.danger("touching-endpoints")
def test_back_to_back_shuffled():
    """fifty back-to-back sessions in shuffled order: never concurrent"""
    sessions = shuffled((i, i + 1) for i in range(50))
    assert exactly(max_concurrent_sessions(sessions)) == 1


@pytest.mark.hidden
@pytest.mark.danger("touching-endpoints")
def test_many_end_as_many_start():
    """three sessions end at t = 5 as two others start: the peak is 3, not 5"""
    sessions = [(5, 9), (0, 5), (5, 9), (0, 5), (0, 5)]
    assert exactly(max_concurrent_sessions(sessions)) == 3


@pytest.mark.hidden
@pytest.mark.danger("touching-endpoints")
def test_mixed_int_and_float_times():
    """ints and floats mixed; 1.5 ends one session and starts another"""
    assert exactly(max_concurrent_sessions([(0, 1.5), (1.5, 3), (1, 2.0)])) == 2


# -- overlaps that neighbour comparisons miss ------------------------------------------


@pytest.mark.hidden
@pytest.mark.danger("sort-by-start-only")
def test_long_session_over_short_ones():
    """a long session overlaps short ones that are not neighbours in start order"""
    sessions = [(0, 10), (1, 2), (3, 9), (4, 5)]
    assert exactly(max_concurrent_sessions(sessions)) == 3


@pytest.mark.hidden
@pytest.mark.danger("sort-by-start-only")
def test_chain_of_pairwise_overlaps():
    """each session overlaps only the next one: the peak is 2, not the chain's length"""
    sessions = [(0, 2), (1, 4), (3, 6), (5, 8), (7, 10)]
    assert exactly(max_concurrent_sessions(sessions)) == 2


@pytest.mark.hidden
@pytest.mark.danger("sort-by-start-only")
def test_peak_after_a_gap():
    """the peak comes after a gap with no session, past an earlier smaller peak"""
    sessions = [(0, 3), (1, 4), (20, 30), (21, 22), (23, 29), (24, 25), (26, 27)]
    assert exactly(max_concurrent_sessions(shuffled(sessions))) == 3


# -- degenerate shapes ---------------------------------------------------------------


@pytest.mark.hidden
def test_nested_sessions():
    """sessions nested inside each other: all active at the centre"""
    sessions = shuffled([(0, 100), (10, 90), (20, 80), (30, 70), (40, 60)])
    assert exactly(max_concurrent_sessions(sessions)) == 5


@pytest.mark.hidden
def test_identical_sessions():
    """six identical sessions: all six at once"""
    assert exactly(max_concurrent_sessions([(2, 7)] * 6)) == 6


@pytest.mark.hidden
def test_disjoint_sessions():
    """sessions separated by gaps: 1"""
    assert exactly(max_concurrent_sessions([(4, 5), (0, 1), (2, 3)])) == 1


# -- kinds of times ------------------------------------------------------------------


@pytest.mark.hidden
def test_float_times():
    """float times: three sessions overlap on [1.25, 1.5)"""
    sessions = [(2.25, 3.0), (1.0, 2.25), (0.5, 1.5), (1.25, 2.0)]
    assert exactly(max_concurrent_sessions(sessions)) == 3


@pytest.mark.hidden
def test_negative_times():
    """negative times are times like any other"""
    sessions = [(-10, -4), (-6, 0), (-5, -1), (0, 2)]
    assert exactly(max_concurrent_sessions(sessions)) == 3


@pytest.mark.hidden
def test_nanosecond_timestamps():
    """int nanosecond timestamps around 1.7e18, one apart: compare them exactly"""
    base = 1_700_000_000_000_000_000  # as floats, base, base + 1 and base + 2 are equal
    sessions = [(base + 2, base + 4), (base, base + 2), (base + 1, base + 3)]
    assert exactly(max_concurrent_sessions(sessions)) == 2


# -- invalid input -------------------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.parametrize(
    "sessions",
    [[(7, 3)], [(0, 5), (1, 2), (3, 2.5)]],
    ids=["alone", "after-valid-ones"],
)
def test_end_before_start_raises(sessions):
    """a session that ends before it starts raises ValueError"""
    with pytest.raises(ValueError):
        max_concurrent_sessions(sessions)


# -- kinds of iterables --------------------------------------------------------------


@pytest.mark.hidden
def test_accepts_a_generator():
    """sessions given as a generator, readable only once"""
    sessions = ((start, start + 3) for start in (6, 0, 2, 4))
    assert exactly(max_concurrent_sessions(sessions)) == 2


@pytest.mark.hidden
def test_accepts_a_tuple_of_lists():
    """sessions given as a tuple of two-item lists"""
    assert exactly(max_concurrent_sessions(([1, 4], [2, 5], [6, 9]))) == 2


@pytest.mark.hidden
def test_does_not_modify_the_input():
    """the caller's list is left as it was"""
    sessions = [(5, 10), (0, 6), (1, 2), (4, 7)]
    max_concurrent_sessions(sessions)
    assert sessions == [(5, 10), (0, 6), (1, 2), (4, 7)]


# -- differential --------------------------------------------------------------------

_NANOSECONDS = 1_700_000_000_000_000_000

#: One family of times per input, so that times coincide often (touching ends, zero lengths):
#: small ints, ints mixed with equal or half-way floats, nanosecond ints that floats would merge,
#: and any ints and finite floats.
_TIMES = st.sampled_from(["small", "mixed", "nanoseconds", "any"]).map(
    lambda family: {
        "small": st.integers(min_value=-2, max_value=8),
        "mixed": st.integers(min_value=-2, max_value=12).flatmap(lambda h: st.sampled_from([h // 2, h / 2])),
        "nanoseconds": st.integers(min_value=0, max_value=6).map(lambda d: _NANOSECONDS + d),
        "any": st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)),
    }[family]
)


@st.composite
def _inputs(draw):
    """Sessions over one family of times, sometimes one of them reversed (end < start), and a shape."""
    times = draw(_TIMES)
    length = draw(st.integers(min_value=0, max_value=24))  # spread evenly; st.lists averages about 5
    sessions = [tuple(sorted(draw(st.tuples(times, times)))) for _ in range(length)]
    if sessions and draw(st.integers(min_value=0, max_value=7)) == 0:
        i = draw(st.integers(min_value=0, max_value=len(sessions) - 1))
        start, end = sessions[i]
        if start < end:
            sessions[i] = (end, start)
    return sessions, draw(st.sampled_from(["list", "generator", "tuple of lists"]))


@pytest.mark.hidden
@pytest.mark.timeout(10)
def test_matches_the_model_answer_on_generated_sessions(reference):
    """matches the model answer on 300 generated inputs: touching ends, zero lengths, huge ints, reversed sessions"""

    @DIFFERENTIAL
    @given(case=_inputs())
    def check(case):
        sessions, shape = case
        given_list = list(sessions)
        argument = {
            "list": given_list,
            "generator": (session for session in given_list),
            "tuple of lists": tuple([start, end] for start, end in given_list),
        }[shape]
        if any(end < start for start, end in sessions):
            with pytest.raises(ValueError):
                max_concurrent_sessions(argument)
            return
        # The answer runs first, so nothing it could find on the stack knows the expected value.
        actual = max_concurrent_sessions(argument)
        assert given_list == sessions, "the caller's list was modified"
        expected = reference.max_concurrent_sessions(list(sessions))
        assert exactly(actual) == expected

    check()


# -- scale ---------------------------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.perf
@pytest.mark.danger("quadratic-time")
@pytest.mark.timeout(30)
def test_a_million_sessions(reference):
    """a million sessions of length 1000 in scrambled order, within 10× the model answer's time"""
    from checkers.perf import assert_fast_enough

    sessions = spread(1_000_000, 1000)
    answers = []
    assert_fast_enough(
        lambda: answers.append(max_concurrent_sessions(sessions)),
        lambda: reference.max_concurrent_sessions(sessions),
        ratio=10.0,
    )
    assert exactly(answers) == [1000]


@pytest.mark.hidden
@pytest.mark.perf
@pytest.mark.danger("quadratic-time")
@pytest.mark.timeout(30)
def test_speed_against_reference(reference):
    """500,000 sessions: within 10× the model answer's time"""
    from checkers.perf import assert_fast_enough

    n = 500_000
    # Lengths from 1 to 2000, so both starts and ends come in a scrambled order.
    sessions = [(s, s + 1 + s * 31 % 2000) for s in (i * 7919 % n for i in range(n))]
    # 10×, not 5×: sorting (time, ±1) event tuples, a fine O(n log n) answer,
    # is about 5× slower in CPython than sorting two lists of numbers.
    assert_fast_enough(
        lambda: max_concurrent_sessions(sessions),
        lambda: reference.max_concurrent_sessions(sessions),
        ratio=10.0,
    )
