"""Tests for calculate_avg_token_usage: total tokens over all logs / distinct users."""

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from solution import calculate_avg_token_usage

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


def log(user_id, tokens, **extra):
    """One log entry, as the API gateway writes it."""
    return {"user_id": user_id, "tokens": tokens, **extra}


# -- the prompt's examples -----------------------------------------------------------


@pytest.mark.visible
def test_example_one_log_per_user():
    """two users with one log each: (120 + 80) / 2"""
    assert exactly(calculate_avg_token_usage([log("ana", 120), log("bo", 80)])) == 100.0


@pytest.mark.visible
@pytest.mark.danger("only-first-log")
def test_example_returning_user():
    """ana comes back: (120 + 80 + 40) / 2 users"""
    logs = [log("ana", 120), log("bo", 80), log("ana", 40)]
    assert exactly(calculate_avg_token_usage(logs)) == 120.0


@pytest.mark.visible
def test_example_no_logs():
    """no logs at all: 0.0"""
    assert exactly(calculate_avg_token_usage([])) == 0.0


# -- every log counts ----------------------------------------------------------------


@pytest.mark.hidden
def test_single_log():
    """one log: its tokens"""
    assert exactly(calculate_avg_token_usage([log("ana", 42)])) == 42.0


@pytest.mark.hidden
@pytest.mark.danger("only-first-log")
def test_one_user_many_logs():
    """one user with three logs: all three count"""
    logs = [log("ana", 10), log("ana", 20), log("ana", 30)]
    assert exactly(calculate_avg_token_usage(logs)) == 60.0


@pytest.mark.hidden
@pytest.mark.danger("only-first-log")
def test_interleaved_users():
    """three users whose logs are interleaved"""
    logs = [log("a", 5), log("b", 7), log("a", 11), log("c", 2), log("b", 13), log("a", 1), log("c", 3)]
    assert exactly(calculate_avg_token_usage(logs)) == 14.0  # 42 tokens / 3 users


@pytest.mark.hidden
@pytest.mark.danger("only-first-log")
def test_order_does_not_matter():
    """the same logs in reverse order give the same average"""
    logs = [log("a", 100), log("b", 1), log("a", 300), log("b", 3), log("b", 5)]
    assert exactly(calculate_avg_token_usage(logs)) == 204.5
    assert exactly(calculate_avg_token_usage(logs[::-1])) == 204.5


# -- the right average ---------------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.danger("wrong-mean")
def test_divides_by_users_not_logs():
    """three logs from two users: divide by 2 users, not 3 logs"""
    logs = [log("ana", 10), log("ana", 20), log("bo", 30)]
    assert exactly(calculate_avg_token_usage(logs)) == 30.0


@pytest.mark.hidden
@pytest.mark.danger("wrong-mean")
def test_total_per_user_not_mean_of_means():
    """users with different numbers of logs: total / users, not the mean of per-user means"""
    logs = [log("ana", 10), log("ana", 20), log("ana", 30), log("bo", 100)]
    assert exactly(calculate_avg_token_usage(logs)) == 80.0  # 160 / 2, not (20 + 100) / 2


@pytest.mark.hidden
def test_non_integer_average():
    """an average that is not a whole number keeps its fraction"""
    assert exactly(calculate_avg_token_usage([log("ana", 1), log("bo", 2)])) == 1.5


@pytest.mark.hidden
def test_result_is_a_float():
    """a whole-number average is still returned as a float"""
    result = calculate_avg_token_usage([log("ana", 3), log("bo", 5), log("ana", 4)])
    assert exactly(result) == 6.0
    assert type(result) is float


@pytest.mark.hidden
@pytest.mark.danger("empty-result-type")
def test_no_logs_returns_a_float():
    """no logs: 0.0 as a float, not the int 0"""
    result = calculate_avg_token_usage([])
    assert exactly(result) == 0.0
    assert type(result) is float


# -- users with zero tokens ----------------------------------------------------------


@pytest.mark.hidden
@pytest.mark.danger("zero-token-users")
def test_zero_token_user_still_counts():
    """a user whose only log has 0 tokens is still a user"""
    assert exactly(calculate_avg_token_usage([log("ana", 0), log("bo", 10)])) == 5.0


@pytest.mark.hidden
@pytest.mark.danger("zero-token-users")
def test_user_with_several_zero_logs():
    """a user with several 0-token logs counts once, like any user"""
    logs = [log("ana", 0), log("bo", 9), log("ana", 0), log("cy", 3)]
    assert exactly(calculate_avg_token_usage(logs)) == 4.0


@pytest.mark.hidden
@pytest.mark.danger("zero-token-users")
def test_all_logs_have_zero_tokens():
    """every log has 0 tokens: 0.0, as a float"""
    result = calculate_avg_token_usage([log("ana", 0), log("bo", 0), log("ana", 0)])
    assert exactly(result) == 0.0
    assert type(result) is float


# -- shapes of input -----------------------------------------------------------------


@pytest.mark.hidden
def test_extra_fields_are_ignored():
    """logs carry other fields (model, timestamp): only user_id and tokens matter"""
    logs = [
        log("ana", 50, model="mistral-small", ts=1700000000),
        log("bo", 70, model="codestral", ts=1700000005),
        log("ana", 30, model="mistral-large", ts=1700000009),
    ]
    assert exactly(calculate_avg_token_usage(logs)) == 75.0


@pytest.mark.hidden
def test_integer_user_ids():
    """user ids may be ints rather than strings"""
    assert exactly(calculate_avg_token_usage([log(7, 10), log(8, 20), log(7, 30)])) == 30.0


@pytest.mark.hidden
def test_int_and_string_ids_are_different_users():
    """the user ids 7 and "7" are two different users, not one"""
    assert exactly(calculate_avg_token_usage([log(7, 10), log("7", 20)])) == 15.0


@pytest.mark.hidden
def test_accepts_a_generator():
    """logs given as a generator, readable only once"""
    logs = (log(user, tokens) for user, tokens in [("ana", 8), ("bo", 4), ("ana", 6)])
    assert exactly(calculate_avg_token_usage(logs)) == 9.0


@pytest.mark.hidden
def test_large_token_counts():
    """token counts in the trillions add up exactly"""
    logs = [log("ana", 4 * 10**12), log("bo", 10**12), log("ana", 10**12)]
    assert exactly(calculate_avg_token_usage(logs)) == 3.0 * 10**12


@pytest.mark.hidden
def test_an_average_that_does_not_terminate():
    """1 token over 3 users is exactly 1/3 as a float: no rounding"""
    logs = [log("ana", 1), log("bo", 0), log("cy", 0)]
    assert exactly(calculate_avg_token_usage(logs)) == 1 / 3


@pytest.mark.hidden
def test_many_users_many_logs():
    """1,000 users with one to five logs each"""
    logs = [log(f"user-{u}", u) for u in range(1000) for _ in range(u % 5 + 1)]
    total = sum(u * (u % 5 + 1) for u in range(1000))
    assert exactly(calculate_avg_token_usage(logs)) == total / 1000


# -- differential --------------------------------------------------------------------

#: User ids, strings and ints, with 7 and "7" two different users.
_USERS = ["ana", "bo", "cy", 7, "7", 0, ""]
#: Token counts: zeros often, small counts, and counts in the trillions (sums stay exact below 2**53).
_TOKENS = st.one_of(st.just(0), st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=10**12))


@st.composite
def _logs(draw):
    """Logs of a few users (some with several logs, some with only zeros), with extra fields, and a shape."""
    length = draw(st.integers(min_value=0, max_value=20))  # spread evenly; st.lists averages about 5
    logs = [
        {
            "user_id": draw(st.sampled_from(_USERS)),
            "tokens": draw(_TOKENS),
            **draw(st.sampled_from([{}, {"model": "codestral"}])),
        }
        for _ in range(length)
    ]
    return logs, draw(st.sampled_from(["list", "generator"]))


@pytest.mark.hidden
@pytest.mark.timeout(10)
def test_matches_the_model_answer_on_generated_logs(reference):
    """matches the model answer on 300 generated lists and streams of logs: returning and zero-token users included"""

    @DIFFERENTIAL
    @given(case=_logs())
    def check(case):
        logs, shape = case
        argument = (dict(entry) for entry in logs) if shape == "generator" else [dict(entry) for entry in logs]
        # The answer runs first, so nothing it could find on the stack knows the expected value.
        actual = calculate_avg_token_usage(argument)
        expected = reference.calculate_avg_token_usage(logs)
        assert exactly(actual) == expected

    check()
