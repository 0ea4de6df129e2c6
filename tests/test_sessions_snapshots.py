"""Snapshots of the replay (mid-session, with markers) and of the report: fake clock, fixed size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import TWO_SUM_TESTS, app_bank_loaded, make_app, settle
from session_support import scripted_onsite
from snapshot_support import SIZE, still
from textual.pilot import Pilot

from tui.app import HomeRoute, MockloopApp, ReplayRoute
from tui.core import store
from tui.core.clock import FakeClock
from tui.core.fakes import InstantRunner
from tui.services import services


def saved(tmp_path: Path) -> Path:
    record = scripted_onsite().recorder.record
    record.id = "20250314-093000-onsite-snap"
    path = tmp_path / "session.toml"
    store.save(record, path)
    return path


def app_for(path: Path | None) -> MockloopApp:
    route = ReplayRoute(path) if path is not None else HomeRoute()
    return make_app(app_bank_loaded(), FakeClock(), InstantRunner(TWO_SUM_TESTS), route)


def test_replay_mid_round_with_markers(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        from tui.screens.replay import ReplayScreen

        await settle(pilot, lambda: isinstance(pilot.app.screen, ReplayScreen))
        await pilot.press("right_square_bracket")  # round 2, the coding screen
        await pilot.press("n", "n", "n", "n", "n")  # edit, ask, run, results, submit, its results
        await still(pilot)

    assert snap_compare(app_for(saved(tmp_path)), terminal_size=SIZE, run_before=run_before)


def test_report_screen(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    path = saved(tmp_path)

    async def run_before(pilot: Pilot[int]) -> None:
        services(pilot.app).open_report(path)
        await still(pilot)

    assert snap_compare(app_for(None), terminal_size=SIZE, run_before=run_before)
