"""The app against the real checker server: a submission, an import error, and a clean exit.

These runs take real (short) time, so the test waits for events by polling the
state, never by sleeping a fixed amount.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_app, settle
from textual.pilot import Pilot

from question_bank import Bank
from tui.app import DrillRoute
from tui.core.checker_client import CheckerClientRunner
from tui.core.clock import FakeClock
from tui.core.results import RunOutcome
from tui.screens.round import RoundScreen
from tui.widgets.code_editor import CodeEditor

pytestmark = [
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="process checks read /proc"),
]


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool], timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the checker did not answer in time")
        await pilot.pause(0.05)


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_real_checker_submit_import_error_and_clean_exit(app_bank: Bank, clock: FakeClock) -> None:
    runner = CheckerClientRunner()
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    question = app_bank.question("two-sum")
    assert question.code is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        editor = screen.query_one(CodeEditor)
        attempt = screen.current_attempt

        editor.load_text(question.code.reference())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: attempt.current_run is not None and not attempt.current_run.running)
        run = attempt.current_run
        assert run is not None
        assert run.outcome is RunOutcome.FINISHED, run.failure
        assert (run.passed, run.total) == (5, 5)
        await pilot.pause()
        assert str(screen.query_one("#test-summary").render()) == "5/5 passed · 2 hidden"

        editor.load_text("def two_sum(:\n")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: (r := attempt.current_run) is not None and r is not run and not r.running)
        await pilot.pause()
        summary = str(screen.query_one("#test-summary").render())
        assert summary.startswith("Does not import: SyntaxError"), summary

        # A run that never ends, then quit in the middle of it.
        editor.load_text("def two_sum(nums, target):\n    while True:\n        pass\n")
        await pilot.press("ctrl+s")
        server = runner.server_pid
        assert server is not None

        def running() -> bool:
            run = attempt.current_run
            return run is not None and any(row.status.value == "running" for row in run.rows)

        await wait_for(pilot, running)
        family = descendants(server) | {server}
        assert len(family) > 1  # the server and the test process it forked
        await pilot.press("ctrl+q")  # an unfinished drill asks; keep it for later
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuitScreen")
        await pilot.press("k")
        await wait_for(pilot, lambda: not app.is_running)
    assert not any(alive(pid) for pid in family), "quitting left checker processes behind"
    assert os.getpid() not in family
