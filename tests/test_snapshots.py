"""What a person sees, pinned as SVG snapshots (``pytest --snapshot-update`` to accept changes).

Every snapshot is deterministic: the fixture bank, a fake clock, a fixed seed,
a fixed terminal size, a checker that answers from a script, and no blinking
cursors.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import settle, type_text
from snapshot_support import SIZE, run_to_the_end, snapshot_app, still
from textual.pilot import Pilot

from tui.app import DrillRoute, HomeRoute, OnsiteRoute
from tui.core.clock import FakeClock
from tui.screens.round import RoundScreen
from tui.widgets.test_panel import TestPanel


def test_home(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(snapshot_app(HomeRoute()), terminal_size=SIZE, run_before=still)


def test_briefing(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(snapshot_app(OnsiteRoute(seed=1)), terminal_size=SIZE, run_before=still)


def test_drill_picker(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.press(*"code")
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute()), terminal_size=SIZE, run_before=run_before)


def test_code_round_with_mixed_results(snap_compare: Callable[..., bool]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(7 * 60 + 25)
        await run_to_the_end(pilot, "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        screen.tick()
        await still(pilot)

    app = snapshot_app(DrillRoute("two-sum"), clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_selected_failing_visible_test(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await run_to_the_end(pilot, "ctrl+r")
        screen = pilot.app.screen
        screen.query_one(TestPanel).select("test_negative_numbers")
        screen.query_one("#test-rows").focus()
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=SIZE, run_before=run_before)


def test_time_up_modal(snap_compare: Callable[..., bool]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("enter")  # begin round 1
        await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        await type_text(pilot, "Open weights, and [bold]efficient[/] models.")
        clock.advance(20 * 60)
        screen.tick()
        await still(pilot)

    assert snap_compare(snapshot_app(OnsiteRoute(seed=1), clock), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=SIZE, run_before=run_before)
