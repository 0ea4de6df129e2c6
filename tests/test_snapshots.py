"""What a person sees, pinned as SVG snapshots (``pytest --snapshot-update`` to accept changes).

Every snapshot is deterministic: the fixture bank, a fake clock, a fixed seed,
a fixed terminal size, a checker that answers from a script, and no blinking
cursors.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import TWO_SUM_TESTS, app_bank_loaded, make_app
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app import DrillRoute, HomeRoute, MockloopApp, OnsiteRoute, Route
from tui.core.checking import TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import InstantRunner
from tui.screens.round import RoundScreen
from tui.widgets.test_panel import TestPanel

SIZE = (120, 40)
MIXED = {
    "test_negative_numbers": TestStatus.FAILED,
    "test_large_input": TestStatus.TIMEOUT,
}


def snapshot_app(route: Route, clock: FakeClock | None = None) -> MockloopApp:
    return make_app(app_bank_loaded(), clock or FakeClock(), InstantRunner(TWO_SUM_TESTS, MIXED), route)


async def still(pilot: Pilot[int]) -> None:
    """No blinking cursors, and everything laid out."""
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def until(condition: Callable[[Pilot[int]], bool]) -> Callable[[Pilot[int]], object]:
    async def run_before(pilot: Pilot[int]) -> None:
        for _ in range(200):
            if condition(pilot):
                break
            await pilot.pause()
        await still(pilot)

    return run_before


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
        await pilot.press("ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        for _ in range(200):
            run = screen.current_attempt.current_run
            if run is not None and not run.running:
                break
            await pilot.pause()
        screen.tick()
        await still(pilot)

    app = snapshot_app(DrillRoute("two-sum"), clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_selected_failing_visible_test(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("ctrl+r")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        for _ in range(200):
            run = screen.current_attempt.current_run
            if run is not None and not run.running:
                break
            await pilot.pause()
        screen.query_one(TestPanel).select("test_negative_numbers")
        screen.query_one("#test-rows").focus()
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=SIZE, run_before=run_before)


def test_time_up_modal(snap_compare: Callable[..., bool]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("enter")  # begin round 1
        for _ in range(200):
            if isinstance(pilot.app.screen, RoundScreen):
                break
            await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*"Open weights, and [bold]efficient[/] models.")
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
