"""Streaming a checker run into a ``CheckRun``: the glue between runner and state.

Pure asyncio, so it is tested without a terminal. The app calls it from a
worker; cancelling that worker cancels the run: the runner's iterator is
closed (``aclosing``) so the checker process is stopped, and the rows still
waiting are marked "not run".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import aclosing

from question_bank import CodeSpec
from tui.core.checking import CheckerRunner, RunFailed
from tui.core.results import CheckRun


async def stream_check(
    runner: CheckerRunner,
    suite: CodeSpec,
    run: CheckRun,
    at: Callable[[], float],
    on_update: Callable[[CheckRun], None],
) -> CheckRun:
    """Feed ``runner``'s events for ``run`` into it, calling ``on_update`` after each one."""
    try:
        async with aclosing(runner.run(suite, run.source, run.mode)) as events:
            async for event in events:
                run.apply(event, at())
                on_update(run)
                if not run.running:
                    break
        if run.running:  # the stream ended without saying how: treat as a checker failure
            run.apply(RunFailed("checker_error", "The checker stopped without finishing the run."), at())
    except asyncio.CancelledError:
        run.cancel(at())
        on_update(run)
        raise
    except Exception as exc:  # noqa: BLE001 - a broken checker must not take the round down
        run.apply(RunFailed("checker_error", f"{type(exc).__name__}: {exc}"), at())
    on_update(run)
    return run
