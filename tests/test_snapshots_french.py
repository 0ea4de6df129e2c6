"""The main screens in French at 120×40 and at 80×24 (French runs ~20 % longer: nothing may be cut).

The same scenes as the English snapshots, with the interface language set to
French: Home, a code round with mixed results, the round summary after
finishing a drill, the report of a saved onsite, and help.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import settle
from session_support import scripted_onsite
from snapshot_support import run_to_the_end, snapshot_app, still
from textual.pilot import Pilot

from tui.app import DrillRoute, HomeRoute
from tui.core import store
from tui.core.clock import FakeClock
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen
from tui.services import services

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_home_fr(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    assert snap_compare(snapshot_app(HomeRoute(), language="fr"), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES)
def test_code_round_fr(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(7 * 60 + 25)
        await run_to_the_end(pilot, "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        screen.tick()
        await still(pilot)

    app = snapshot_app(DrillRoute("two-sum"), clock, language="fr")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_round_summary_fr(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(125)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(pilot.app.screen, RoundSummaryScreen))
        await settle(pilot, lambda: "vérification" not in str(pilot.app.screen.query_one("#summary-verdict").render()))
        await still(pilot)

    app = snapshot_app(DrillRoute("two-sum"), clock, language="fr")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_report_fr(snap_compare: Callable[..., bool], size: tuple[int, int], tmp_path: Path) -> None:
    record = scripted_onsite().recorder.record
    record.id = "20250314-093000-onsite-snap"
    path = tmp_path / "session.toml"
    store.save(record, path)

    async def run_before(pilot: Pilot[int]) -> None:
        services(pilot.app).open_report(path)
        await still(pilot)

    assert snap_compare(snapshot_app(HomeRoute(), language="fr"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_fr(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await still(pilot)

    app = snapshot_app(DrillRoute("two-sum"), language="fr")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
