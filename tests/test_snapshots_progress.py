"""Snapshots of Progress after three drills of one question (weak, weak, strong) and one of another: fixed dates."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator

import pytest
from session_support import drilled, save_drill
from snapshot_support import SIZE, snapshot_app, still
from textual.pilot import Pilot

from tui.app import HomeRoute
from tui.core.checking import TestStatus
from tui.core.locations import sessions_dir
from tui.screens.progress import ProgressScreen

DAY0 = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
NOW = DAY0 + dt.timedelta(days=3, hours=2)
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates are shown in local time: the snapshot's local time is UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def practised() -> None:
    for day, statuses, minutes in ((0, WEAK, 18), (1, WEAK, 15), (2, {}, 11)):
        save_drill(sessions_dir(), drilled(DAY0 + dt.timedelta(days=day), statuses, minutes=minutes))
    save_drill(sessions_dir(), drilled(DAY0 + dt.timedelta(days=1), WEAK, question="balanced-brackets", hints=1))


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
def test_progress(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    practised()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.app.push_screen(ProgressScreen(now=NOW))
        await still(pilot)

    assert snap_compare(snapshot_app(HomeRoute()), terminal_size=size, run_before=run_before)
