"""Answers that misbehave must end in a status, never in a hung or broken checker.

One checker server is shared by the whole module (it is what the app does),
with a 1 s per-test timeout on the synthetic suite in
tests/fixtures/checker_suite. Each fault answer breaks ``risky()`` (or its
module top) in one way; for each the test checks that the run ends within
its limits plus a margin, that every test has a status and the right one,
that the other tests still pass, that the server survives and answers the
next run correctly, and that no process or temporary folder is left.

No sleeps, no absolute speed assumptions: bounds are limits plus generous
margins, and leftovers are checked once the run has finished (the server
reports the end only after the test process tree is reaped and its folder
removed).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Literal

import pytest
from fixtures.checker_support.helpers import (
    ALL_TESTS,
    REFERENCE,
    SUITE,
    TIMEOUT,
    VISIBLE_TESTS,
    answer,
    attempt_folders,
    server_processes,
)

from checkers import CheckerClient, Limits, RunOutcome, Status, Suite

LIMITS = Limits(grace=1.0)
#: Slack on top of a fault's own limits, for a busy machine.
MARGIN = 6.0

pytestmark = [
    pytest.mark.timeout(120),
]


@pytest.fixture(scope="module")
def client() -> Iterator[CheckerClient]:
    with CheckerClient(limits=LIMITS) as client:
        assert client.wait_ready(60)
        yield client


def run(
    client: CheckerClient,
    source: str,
    *,
    mode: Literal["run", "submit"] = "submit",
    budget: float,
    suite: Suite = SUITE,
) -> RunOutcome:
    """Run, check the run's time budget and the invariants every run must keep."""
    pid = client.server_pid
    start = time.monotonic()
    outcome = client.run(suite, source, mode=mode).wait(budget + 30)
    elapsed = time.monotonic() - start
    assert elapsed <= budget, f"the run took {elapsed:.1f} s (budget {budget:.1f} s)"
    expected = ALL_TESTS if mode == "submit" else VISIBLE_TESTS
    assert [r.name for r in outcome.results] == expected, "every test has exactly one status"
    assert outcome.started is not None and [t.name for t in outcome.started.tests] == expected
    # The server survived, and nothing of the run is left.
    assert client.server_pid == pid
    assert len(server_processes(client)) <= 3, "only the server and its idle test process remain"
    assert len(attempt_folders(client)) <= 1, "only the idle test process's folder remains"
    return outcome


def assert_others_pass(outcome: RunOutcome, *faulty: str) -> None:
    for result in outcome.results:
        if result.name not in faulty:
            assert result.status is Status.PASSED, (result.name, result.message)


@pytest.fixture(autouse=True)
def server_still_answers(client: CheckerClient) -> Iterator[None]:
    """After every fault, a correct answer passes on the same server."""
    yield
    outcome = client.run(SUITE, REFERENCE, mode="run").wait(60)
    assert outcome.status is Status.PASSED, outcome.finished.message
    assert len(outcome.results) == len(VISIBLE_TESTS)


def test_reference_passes(client: CheckerClient) -> None:
    outcome = run(client, REFERENCE, budget=MARGIN)
    assert outcome.status is Status.PASSED
    assert outcome.finished.counts == {"passed": len(ALL_TESTS)}


# -- time ------------------------------------------------------------------------------


def test_infinite_loop_in_a_test(client: CheckerClient) -> None:
    outcome = run(client, answer("while True:\n    pass"), budget=TIMEOUT + LIMITS.grace + MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.TIMEOUT
    assert "1 s" in risky.message and "solution.py, line" in risky.message
    assert_others_pass(outcome, "test_risky")


def test_infinite_loop_at_import(client: CheckerClient) -> None:
    source = answer("return 42", top="while True:\n    pass")
    outcome = run(client, source, budget=TIMEOUT + LIMITS.grace + MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    assert "did not finish within 1 s" in outcome.finished.message
    assert {r.status for r in outcome.results} == {Status.IMPORT_ERROR}
    assert not any(r.ran for r in outcome.results)


def test_loop_inside_a_c_call(client: CheckerClient) -> None:
    """No Python signal handler runs inside sum(): the watchdog has to kill the process."""
    outcome = run(client, answer("return sum(range(10**13))"), budget=TIMEOUT + LIMITS.grace + MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.TIMEOUT
    assert "could not be interrupted" in risky.message
    assert_others_pass(outcome, "test_risky")  # the run resumed in a new process


# -- memory and output -------------------------------------------------------------------


def test_allocates_10_gb_at_once(client: CheckerClient) -> None:
    outcome = run(client, answer("data = bytearray(10 * 1024**3)\nreturn 42"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.MEMORY
    assert "memory" in risky.message.lower() and risky.line is not None
    assert_others_pass(outcome, "test_risky")


def test_memory_grows_slowly(client: CheckerClient) -> None:
    body = "chunks = []\nwhile True:\n    chunks.append(bytes(1 << 20))"
    outcome = run(client, answer(body), budget=TIMEOUT + LIMITS.grace + MARGIN)
    assert outcome.result("test_risky").status is Status.MEMORY
    assert_others_pass(outcome, "test_risky")


def test_prints_50_mb(client: CheckerClient) -> None:
    body = "for _ in range(50_000):\n    print('x' * 1000)\nreturn 42"
    outcome = run(client, answer(body), budget=TIMEOUT + LIMITS.grace + MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.OUTPUT_LIMIT
    assert len(risky.message) < 5000 and len(risky.output) < 10_000
    assert_others_pass(outcome, "test_risky")


def test_writes_files(client: CheckerClient) -> None:
    body = """
        import os, tempfile
        with open("scratch.txt", "w") as f:
            f.write("x" * 1000)
        with open(os.path.expanduser("~/in-home.txt"), "w") as f:
            f.write("y")
        fd, path = tempfile.mkstemp()
        os.write(fd, b"z")
        os.close(fd)
        return 42
    """
    outcome = run(client, answer(body), budget=MARGIN)
    assert outcome.status is Status.PASSED  # allowed; the folder is removed after the run


def test_writes_a_huge_file(client: CheckerClient) -> None:
    body = "with open('big.bin', 'wb') as f:\n    f.write(bytes(64 << 20))\nreturn 42"
    outcome = run(client, answer(body), budget=MARGIN)
    assert outcome.result("test_risky").status is Status.OUTPUT_LIMIT
    assert_others_pass(outcome, "test_risky")


# -- exits and crashes ------------------------------------------------------------------


def test_os_exit_in_a_test(client: CheckerClient) -> None:
    outcome = run(client, answer("import os\nos._exit(0)"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.CRASHED
    assert "exited with status 0" in risky.message
    assert_others_pass(outcome, "test_risky")


def test_os_exit_at_import(client: CheckerClient) -> None:
    outcome = run(client, answer("return 42", top="import os\nos._exit(0)"), budget=MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    assert "exited with status 0" in outcome.finished.message
    assert {r.status for r in outcome.results} == {Status.IMPORT_ERROR}


def test_sys_exit_in_a_test(client: CheckerClient) -> None:
    outcome = run(client, answer("import sys\nsys.exit(0)"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.ERROR
    assert "SystemExit" in risky.message
    assert_others_pass(outcome, "test_risky")


def test_sys_exit_at_import(client: CheckerClient) -> None:
    outcome = run(client, answer("return 42", top="import sys\nsys.exit(0)"), budget=MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    assert "sys.exit()" in outcome.finished.message


def test_keyboard_interrupt(client: CheckerClient) -> None:
    outcome = run(client, answer("raise KeyboardInterrupt"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.ERROR
    assert "KeyboardInterrupt" in risky.message
    assert_others_pass(outcome, "test_risky")  # pytest did not stop the session


def test_recursion_a_million_deep(client: CheckerClient) -> None:
    """A million-frame RecursionError is reported quickly, its traceback trimmed."""
    top = "import sys\nsys.setrecursionlimit(1_000_100)\n\ndef deep(n):\n    return deep(n + 1) + 1"
    slow = Suite(SUITE.tests, SUITE.reference, timeout=8.0)  # time to get a million deep
    outcome = run(client, answer("return deep(0)", top=top), budget=8.0 + LIMITS.grace + MARGIN, suite=slow)
    risky = outcome.result("test_risky")
    # A RecursionError — or, on a very slow machine, the 8 s timeout, or, if the
    # C stack gives out first on some build, a crash; never a stalled report.
    assert risky.status in (Status.ERROR, Status.TIMEOUT, Status.CRASHED), risky.message
    assert len(risky.message) < 3000
    if risky.status is Status.ERROR:
        assert "RecursionError" in risky.message and "repeated" in risky.message
    assert_others_pass(outcome, "test_risky")


def test_segfault(client: CheckerClient) -> None:
    outcome = run(client, answer("import ctypes\nreturn ctypes.string_at(0)"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.CRASHED
    assert "segmentation fault" in risky.message
    assert "solution.py, line" in risky.message  # from faulthandler's dump
    assert_others_pass(outcome, "test_risky")


def test_kills_its_parent(client: CheckerClient) -> None:
    body = "import os, signal, time\nos.kill(os.getppid(), signal.SIGKILL)\ntime.sleep(30)"
    outcome = run(client, answer(body), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.CRASHED
    assert "parent" in risky.message
    assert_others_pass(outcome, "test_risky")


def test_fork_bomb(client: CheckerClient) -> None:
    body = "import os\nwhile True:\n    os.fork()"
    outcome = run(client, answer(body), budget=TIMEOUT + LIMITS.grace + MARGIN)
    assert outcome.result("test_risky").status in (Status.ERROR, Status.TIMEOUT, Status.CRASHED)
    assert_others_pass(outcome, "test_risky")


def test_forked_children_that_linger(client: CheckerClient) -> None:
    body = """
        import os, time
        for _ in range(20):
            if os.fork() == 0:
                time.sleep(600)
                os._exit(0)
        return 42
    """
    outcome = run(client, answer(body), budget=MARGIN)
    assert outcome.status is Status.PASSED  # and run() checked no child is left


def test_forked_child_returns_into_pytest(client: CheckerClient) -> None:
    """A child that returns must not report tests a second time."""
    outcome = run(client, answer("import os\nos.fork()\nreturn 42"), budget=MARGIN)
    assert outcome.status is Status.PASSED


# -- input and syntax --------------------------------------------------------------------


def test_reads_stdin(client: CheckerClient) -> None:
    outcome = run(client, answer("return int(input())"), budget=MARGIN)
    risky = outcome.result("test_risky")
    assert risky.status is Status.ERROR
    assert "standard input" in risky.message and "pytest" not in risky.message
    assert_others_pass(outcome, "test_risky")


def test_syntax_error(client: CheckerClient) -> None:
    outcome = run(client, REFERENCE.replace("def risky():", "def risky(:"), budget=MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    assert "SyntaxError" in outcome.finished.message and "line" in outcome.finished.message
    assert {r.status for r in outcome.results} == {Status.IMPORT_ERROR}


def test_exception_at_import(client: CheckerClient) -> None:
    outcome = run(client, answer("return 42", top="x = 1 / 0"), mode="run", budget=MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    message = outcome.finished.message
    assert "ZeroDivisionError" in message and "solution.py, line 1" in message


def test_missing_function(client: CheckerClient) -> None:
    outcome = run(client, REFERENCE.replace("def risky", "def not_risky"), budget=MARGIN)
    assert outcome.status is Status.IMPORT_ERROR
    assert "cannot import name 'risky'" in outcome.finished.message
    assert "/tmp" not in outcome.finished.message  # paths are the candidate's, not ours
