"""The checker's verdict rules as pure functions: no process, no pytest run (checkers/verdicts, budget, expect…)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from checkers.bounded import LARGE, bounded_repr, cap, size_hint
from checkers.budget import AFTER_TIMEOUT, AFTER_TIMEOUT_SHARE, RUN_BUDGET, RunBudget
from checkers.diagnose import compose_result, diagnose
from checkers.events import Result, Status, TestInfo
from checkers.expect import exactly, mismatch
from checkers.suite_source import expected_exception_at
from checkers.verdicts import (
    NO_TESTS,
    Death,
    danger_zones_hit,
    death_reason,
    in_flight_verdict,
    run_status,
    signal_words,
    zone_hit,
)

INFO = TestInfo("test_x", "probes x", timeout=2.0)


# -- a test that was running when its process ended ----------------------------------


@pytest.mark.parametrize(
    ("killed", "death", "duration"),
    [
        ("timeout", Death("signal", signal.SIGKILL), 3.5),  # the watchdog's kill
        (None, Death("signal", signal.SIGXCPU), 0.4),  # the CPU backstop
        (None, Death("signal", signal.SIGKILL), 2.4),  # killed past its limit (the hard CPU limit)
        (None, Death("exit", 0), 2.1),  # pytest-timeout fired inside pytest and the session ended
        (None, Death("lost", 0), 2.0),
    ],
)
def test_past_its_limit_a_test_is_a_timeout_however_the_process_ended(
    killed: str | None, death: Death, duration: float
) -> None:
    verdict = in_flight_verdict(INFO, killed=killed, death=death, duration=duration)
    assert verdict.status is Status.TIMEOUT
    assert "Did not finish within 2 s" in verdict.note


def test_a_fault_of_its_own_is_a_crash_named_in_words() -> None:
    verdict = in_flight_verdict(INFO, killed=None, death=Death("signal", signal.SIGSEGV), duration=3.0)
    assert verdict.status is Status.CRASHED
    assert "killed by SIGSEGV (segmentation fault)" in verdict.note
    early_exit = in_flight_verdict(INFO, killed=None, death=Death("exit", 3), duration=0.1)
    assert early_exit.status is Status.CRASHED and "exited with status 3" in early_exit.note
    lost = in_flight_verdict(INFO, killed=None, death=Death("lost"), duration=0.1)
    assert "kill its parent" in lost.note


def test_memory_and_output_causes() -> None:
    memory = in_flight_verdict(
        INFO, killed=None, death=Death("signal", 9), duration=0.5, log="MemoryError", memory_limit=2**31
    )
    assert memory.status is Status.MEMORY and "2 GiB allowed" in memory.note
    flood = in_flight_verdict(INFO, killed="overflow", death=Death("signal", 9), duration=0.5)
    assert flood.status is Status.OUTPUT_LIMIT


def test_a_full_temporary_folder_is_named_as_the_reason() -> None:
    reason = death_reason(Death("exit", 70), "OSError: [Errno 28] No space left on device", temp_folder="/tmp")
    assert "temporary folder (/tmp) is full" in reason
    assert "os._exit" not in reason


def test_signal_words() -> None:
    assert signal_words(signal.SIGSEGV) == "SIGSEGV (segmentation fault)"
    assert signal_words(signal.SIGKILL) == "SIGKILL (killed outright)"
    assert signal_words(signal.SIGUSR1) == "SIGUSR1"
    assert signal_words(9999) == "signal 9999"


# -- danger zones and run statuses ------------------------------------------------------


def _result(status: Status, *, danger: str | None = "zone", ran: bool = True) -> Result:
    return Result("t", status, danger=danger, ran=ran)


@pytest.mark.parametrize(
    ("status", "ran", "hit"),
    [
        (Status.FAILED, True, True),
        (Status.PASSED, True, False),
        (Status.ERROR, True, False),  # the answer raised: no evidence of the zone's mistake
        (Status.TIMEOUT, True, False),
        (Status.CRASHED, True, False),
        (Status.MEMORY, True, False),
        (Status.IMPORT_ERROR, False, False),
        (Status.FAILED, False, False),
    ],
)
def test_a_zone_is_hit_only_by_a_wrong_answer(status: Status, ran: bool, hit: bool) -> None:
    assert zone_hit(_result(status, ran=ran)) is hit


def test_zones_hit_in_order_without_repeats() -> None:
    results = [
        Result("a", Status.FAILED, danger="z1"),
        Result("b", Status.TIMEOUT, danger="z2"),
        Result("c", Status.FAILED, danger="z3"),
        Result("d", Status.FAILED, danger="z1"),
        Result("e", Status.FAILED),
    ]
    assert danger_zones_hit(results) == ["z1", "z3"]


def test_a_run_passes_only_when_every_announced_test_ran_and_passed() -> None:
    tests = [TestInfo("a"), TestInfo("b")]
    passed = [Result("a", Status.PASSED), Result("b", Status.PASSED)]
    assert run_status(tests, passed) == (Status.PASSED, "")
    assert run_status(tests, passed[:1])[0] is Status.FAILED  # one never reported
    assert run_status(tests, [passed[0], Result("b", Status.PASSED, ran=False)])[0] is Status.FAILED
    assert run_status([], []) == (Status.ERROR, NO_TESTS)
    assert run_status(None, []) == (Status.ERROR, NO_TESTS)


# -- the run budget ---------------------------------------------------------------------


def test_limits_shrink_only_after_a_timeout_and_perf_tests_keep_theirs() -> None:
    budget = RunBudget()
    slow = TestInfo("big", timeout=15.0)
    perf = TestInfo("speed", timeout=30.0, perf=True)
    assert budget.limit(slow) == 15.0  # the first timeout always shows within the test's own limit
    budget = budget.after_timeout(2.0)
    assert budget.limit(TestInfo("usual", timeout=2.0)) == AFTER_TIMEOUT
    assert budget.limit(slow) == AFTER_TIMEOUT_SHARE * 15.0  # a long limit keeps a share of it
    assert budget.limit(perf) == 30.0
    assert budget.limit(TestInfo("quick", timeout=0.5)) == 0.5
    assert not budget.exhausted


def test_the_budget_runs_out_and_says_so() -> None:
    budget = RunBudget()
    while not budget.exhausted:
        budget = budget.after_timeout(1.0)
    assert budget.lost >= RUN_BUDGET and budget.timeouts == int(RUN_BUDGET)
    assert budget.not_run_message().startswith("Not run: earlier tests ran out of time (6 s lost to 6 timeouts)")
    assert RunBudget.from_dict(budget.to_dict()) == budget
    assert RunBudget.from_dict("garbage") == RunBudget()
    assert RunBudget.from_dict({"timeouts": "x"}) == RunBudget()


# -- comparing by type first ------------------------------------------------------------


class AlwaysEqual:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


class SneakyList(list[str]):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = None


def test_exactly_refuses_what_only_compares_equal() -> None:
    assert exactly(["a", "b"]) == ["a", "b"]
    assert not exactly(AlwaysEqual()) == ["a"]  # noqa: SIM201 - the comparison is what is tested
    assert exactly(AlwaysEqual()) != ["a"]
    assert not exactly(SneakyList(["x"])) == ["a"]  # noqa: SIM201
    assert not exactly(True) == 1  # noqa: SIM201 - a bool is not the int the test wants
    assert not exactly(2) == 2.0  # noqa: SIM201
    assert exactly([("a", "b")]) == [("a", "b")]
    assert not exactly([["a", "b"]]) == [("a", "b")]  # noqa: SIM201
    assert exactly({"k": [1, 2]}) == {"k": [1, 2]}
    assert not exactly({"k": [1, True]}) == {"k": [1, 1]}  # noqa: SIM201
    assert exactly(float("nan")) == float("nan")  # noqa: PLW0177 - NaN matches NaN here, on purpose


def test_mismatch_says_why_in_one_sentence() -> None:
    assert mismatch(SneakyList(["x"]), ["a"]) == "the answer gave a SneakyList (a subclass of list); a list is expected"
    assert mismatch(AlwaysEqual(), 3) == "the answer gave an AlwaysEqual; an int is expected"
    assert mismatch(["a", 1], ["a", "b"]) == "the answer gave an int at [1]; a str is expected"
    assert mismatch([1, 2], [1]) == "the answer gave 2 items; 1 are expected"
    assert mismatch(3, 4) == "a different value"
    assert mismatch(3, 3) is None


def test_an_answers_eq_is_never_called() -> None:
    class Loud:
        def __eq__(self, other: object) -> bool:
            raise AssertionError("the answer's __eq__ was called")

        __hash__ = object.__hash__

    assert mismatch(Loud(), 1) is not None


# -- bounded reprs ------------------------------------------------------------------------


def test_large_values_are_measured_without_walking_them() -> None:
    assert size_hint([1, 2, 3]) == 4
    huge = list(range(10**6))
    assert size_hint(huge) == LARGE + 1
    text = bounded_repr(huge, 300)
    assert text.startswith("[0, 1, 2,") and len(text) <= 340
    assert bounded_repr([1, 2, 3]) == "[1, 2, 3]"


def test_a_broken_repr_is_reported_not_raised() -> None:
    class Broken:
        def __repr__(self) -> str:
            raise ValueError("no")

    assert bounded_repr(Broken()) == "<Broken object (its repr failed)>"
    assert cap("x" * 10, 4) == "xxxx… (6 more characters)"


def test_every_result_field_is_capped() -> None:
    result = compose_result(TestInfo("t"), Status.FAILED, duration=0.1, note="n" * 100_000)
    assert len(result.message) < 33_000 and result.message.endswith("more characters)")


# -- what the suite's source says -------------------------------------------------------


def test_the_expected_exception_is_read_from_the_suite(tmp_path: Path) -> None:
    suite = tmp_path / "tests.py"
    suite.write_text(
        "import pytest\n"
        "def test_a():\n"
        "    with pytest.raises(DivisionError) as info:\n"
        "        safe_divide('x', 1)\n"
        "    f(1)\n",
        encoding="utf-8",
    )
    assert expected_exception_at(str(suite), 4) == "DivisionError"
    assert expected_exception_at(str(suite), 5) is None


def test_a_wrong_exception_inside_raises_is_a_wrong_answer_but_an_unfinished_starter_is_not(tmp_path: Path) -> None:
    suite = tmp_path / "tests.py"
    suite.write_text("import pytest\ndef test_a():\n    with pytest.raises(KeyError):\n        boom()\n")
    code = compile(suite.read_text(), str(suite), "exec")
    for raised, status in ((TypeError("no"), Status.FAILED), (NotImplementedError(), Status.ERROR)):
        namespace: dict[str, object] = {}

        def boom(exc: BaseException = raised) -> None:
            raise exc

        namespace["boom"] = boom
        exec(code, namespace)
        try:
            namespace["test_a"]()  # type: ignore[operator]  # the function the suite defines
        except BaseException as exc:  # noqa: BLE001 - whatever the suite lets through
            diag = diagnose(exc, answer_file="solution.py", tests_file=str(suite))
        assert diag.status is status
    failed = diagnose(TypeError("no"), answer_file="solution.py", tests_file=str(suite))
    assert failed.status is Status.ERROR  # no suite frame: no pytest.raises around it


def test_notes_on_an_exception_reach_the_detail(tmp_path: Path) -> None:
    error = AssertionError("assert 1 == 2")
    error.add_note("Falsifying example: test_x(data=[0])")
    diag = diagnose(error, answer_file="solution.py", tests_file=str(tmp_path / "tests.py"))
    assert "Falsifying example: test_x(data=[0])" in diag.explanation


# -- a limit that runs out inside a library that re-raises ------------------------------


def _timeout_failure() -> BaseException:
    from _pytest.outcomes import Failed

    return Failed("Timeout (>1.0s) from pytest-timeout.")


def test_a_timeout_wrapped_by_hypothesis_is_still_a_timeout() -> None:
    from checkers.diagnose import classify

    # Hypothesis's FlakyFailure: a group holding the timeout.
    grouped = BaseExceptionGroup("Inconsistent results from replaying a test case!", [_timeout_failure()])
    raised_while_handling = RuntimeError("Inconsistent data generation!")  # FlakyStrategyDefinition
    raised_while_handling.__context__ = _timeout_failure()
    for exc in (_timeout_failure(), grouped, raised_while_handling):
        assert classify(exc, answer_file="solution.py") is Status.TIMEOUT
    innocent = RuntimeError("Timeout (>1.0s) said by the answer")  # only pytest-timeout's own Failed counts
    assert classify(innocent, answer_file="solution.py") is Status.ERROR
    looped = RuntimeError("a cycle")
    looped.__context__ = looped
    assert classify(looped, answer_file="solution.py") is Status.ERROR
