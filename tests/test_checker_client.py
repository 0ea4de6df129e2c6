"""The client API: sync and async streaming, cancelling, selection, and surviving a dead server."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.checker_support.helpers import (
    ALL_TESTS,
    REFERENCE,
    SUITE,
    VISIBLE_TESTS,
    answer,
    server_processes,
)

from checkers import (
    CheckerClient,
    RunFinished,
    RunStarted,
    Status,
    Suite,
    TestFinished,
    TestStarted,
    event_from_dict,
    event_to_dict,
)
from checkers.client import SERVER_LOST

pytestmark = [
    pytest.mark.timeout(120),
]
LOOPING = answer("while True:\n    pass")


@pytest.fixture(scope="module")
def client() -> Iterator[CheckerClient]:
    with CheckerClient() as client:
        assert client.wait_ready(60)
        yield client


def test_sync_stream_order_and_json(client: CheckerClient) -> None:
    events = list(client.run(SUITE, REFERENCE, mode="submit"))
    assert isinstance(events[0], RunStarted) and isinstance(events[-1], RunFinished)
    started = [e.name for e in events if isinstance(e, TestStarted)]
    finished = [e.result.name for e in events if isinstance(e, TestFinished)]
    assert started == finished == ALL_TESTS
    for name in ALL_TESTS:  # each test starts before it finishes
        kinds = [
            type(e)
            for e in events
            if getattr(e, "name", None) == name or (isinstance(e, TestFinished) and e.result.name == name)
        ]
        assert kinds == [TestStarted, TestFinished]
    assert [event_from_dict(event_to_dict(e)) for e in events] == events


async def test_async_stream(client: CheckerClient) -> None:
    handle = client.run(SUITE, answer("return 41"), mode="run")
    kinds = [type(event) async for event in handle]
    assert kinds[0] is RunStarted and kinds[-1] is RunFinished
    outcome = await handle.outcome()
    assert [r.name for r in outcome.results] == VISIBLE_TESTS
    assert outcome.result("test_risky").status is Status.FAILED
    assert outcome.status is Status.FAILED


async def test_leaving_the_iteration_cancels_the_run(client: CheckerClient) -> None:
    handle = client.run(SUITE, LOOPING, mode="run", only=["test_risky"])
    start = time.monotonic()
    async with contextlib.aclosing(aiter(handle)) as events:
        async for event in events:
            if isinstance(event, TestStarted):
                break
    outcome = await handle.outcome()
    assert outcome.finished.cancelled
    assert time.monotonic() - start < SUITE.timeout + 5
    assert len(server_processes(client)) <= 3


def test_a_new_run_supersedes_the_one_in_flight(client: CheckerClient) -> None:
    first = client.run(SUITE, LOOPING, mode="run")
    second = client.run(SUITE, REFERENCE, mode="run")
    assert first.wait(30).finished.cancelled
    assert second.wait(30).status is Status.PASSED


def test_concurrent_runs_without_supersede(client: CheckerClient) -> None:
    handles = [client.run(SUITE, REFERENCE, mode="run", supersede=False) for _ in range(3)]
    assert all(h.wait(60).status is Status.PASSED for h in handles)


def test_only_selects_by_name_or_base_name(client: CheckerClient) -> None:
    outcome = client.check(SUITE, REFERENCE, mode="submit", only=["test_mean", "test_add_pairs"])
    assert [r.name for r in outcome.results] == [
        "test_mean",
        "test_add_pairs[1-1]",
        "test_add_pairs[2-5]",
    ]


def test_metadata_markers_and_timeouts(client: CheckerClient) -> None:
    outcome = client.check(SUITE, REFERENCE, mode="submit")
    assert outcome.started is not None
    infos = {t.name: t for t in outcome.started.tests}
    assert infos["test_divide_by_zero"].danger == "zero-division"
    assert not infos["test_divide_by_zero"].visible and infos["test_add"].visible
    assert infos["test_mean_speed"].perf and infos["test_mean_speed"].timeout == 10
    assert infos["test_add"].timeout == SUITE.timeout
    assert infos["test_add"].description == "adds two small integers"


def test_hidden_failures_keep_their_secrets(client: CheckerClient) -> None:
    source = REFERENCE.replace("    if b == 0:\n        return None\n", "")
    outcome = client.check(SUITE, source, mode="submit")
    hidden = outcome.result("test_divide_by_zero")
    assert hidden.status is Status.ERROR
    assert hidden.message == "Hidden test raised an exception: dividing by zero gives None instead of raising"
    assert hidden.traceback == "" and hidden.line is None
    assert "ZeroDivisionError" in hidden.detail and "solution.py, line" in hidden.detail


def test_unreadable_suite_finishes_the_run(client: CheckerClient, tmp_path: Path) -> None:
    outcome = client.check(Suite(tmp_path / "missing.py"), REFERENCE)
    assert outcome.status is Status.CRASHED and "could not read the suite" in outcome.finished.message


def test_import_error_names_every_test_from_the_reference(client: CheckerClient) -> None:
    for _ in range(2):  # the second time, the plan is cached
        outcome = client.check(SUITE, "def add(:\n", mode="submit")
        assert outcome.status is Status.IMPORT_ERROR
        assert [r.name for r in outcome.results] == ALL_TESTS


def test_a_dead_server_is_replaced_and_its_run_finished() -> None:
    with CheckerClient() as client:
        assert client.wait_ready(60)
        old_pid = client.server_pid
        assert old_pid is not None
        assert client._server is not None
        old_workdir = client._server.workdir
        handle = client.run(SUITE, LOOPING, mode="run", only=["test_risky"])
        for event in handle:
            if isinstance(event, TestStarted):
                os.kill(old_pid, signal.SIGKILL)
        outcome = handle.wait(30)
        assert outcome.status is Status.CRASHED
        assert outcome.result("test_risky").status is Status.CRASHED
        assert outcome.result("test_risky").message == SERVER_LOST
        # The client cleaned up after the old server, and the next run just works.
        assert not old_workdir.exists()
        again = client.check(SUITE, REFERENCE, mode="run", timeout=60)
        assert again.status is Status.PASSED
        assert client.server_pid not in (None, old_pid)
        assert not _processes_mentioning(str(old_workdir))


def test_close_removes_everything() -> None:
    client = CheckerClient()
    assert client.wait_ready(60)
    assert client._server is not None
    workdir = client._server.workdir
    handle = client.run(SUITE, LOOPING, mode="run")
    client.close()
    assert handle.finished is not None and handle.finished.cancelled
    assert not workdir.exists()
    assert not _processes_mentioning(str(workdir))
    with pytest.raises(RuntimeError):
        client.run(SUITE, REFERENCE)


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if text.encode() in f.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found
