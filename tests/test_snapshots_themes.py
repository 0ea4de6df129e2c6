"""Every shipped theme, pinned as SVG snapshots (``pytest --snapshot-update`` to accept changes).

A code round with mixed results (passed, failed, timeout) and the failing
visible test selected, so one picture holds the editor's code colours, the
status colours with their icons and words, the details pane and the countdown
in its "low" phase. Deterministic like ``test_snapshots.py``: the fixture
bank, a fake clock, a scripted checker, a fixed size, no blinking cursors.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import TWO_SUM_TESTS, app_bank_loaded, make_app
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from themes import shipped_themes
from tui.app import DrillRoute, HomeRoute, MockloopApp, Route
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
THEMES = [spec.name for spec in shipped_themes()]


def themed_app(theme: str, route: Route, clock: FakeClock | None = None) -> MockloopApp:
    app = make_app(app_bank_loaded(), clock or FakeClock(), InstantRunner(TWO_SUM_TESTS, MIXED), route)
    app.theme = theme
    return app


async def still(pilot: Pilot[int]) -> None:
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_code_round_with_results(theme: str, snap_compare: Callable[..., bool]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(16 * 60 + 5)  # a 20-minute drill: the countdown is "low"
        await pilot.press("ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        for _ in range(200):
            run = screen.current_attempt.current_run
            if run is not None and not run.running:
                break
            await pilot.pause()
        screen.query_one(TestPanel).select("test_negative_numbers")
        screen.tick()
        await still(pilot)

    assert snap_compare(themed_app(theme, DrillRoute("two-sum"), clock), terminal_size=SIZE, run_before=run_before)


def test_settings_screen(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.app.run_action("open_settings")
        await pilot.pause()
        await still(pilot)

    assert snap_compare(themed_app("mistral", HomeRoute()), terminal_size=SIZE, run_before=run_before)
