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
from snapshot_support import SIZE, run_to_the_end, snapshot_app, still
from textual.pilot import Pilot

from themes import shipped_themes
from tui.app import DrillRoute, HomeRoute
from tui.core.clock import FakeClock
from tui.screens.round import RoundScreen
from tui.widgets.test_panel import TestPanel

THEMES = [spec.name for spec in shipped_themes()]


@pytest.mark.parametrize("theme", THEMES)
def test_code_round_with_results(theme: str, snap_compare: Callable[..., bool]) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(16 * 60 + 5)  # a 20-minute drill: the countdown is "low"
        await run_to_the_end(pilot, "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, RoundScreen)
        screen.query_one(TestPanel).select("test_negative_numbers")
        screen.tick()
        await still(pilot)

    assert snap_compare(
        snapshot_app(DrillRoute("two-sum"), clock, theme=theme), terminal_size=SIZE, run_before=run_before
    )


def test_settings_screen(snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.app.run_action("open_settings")
        await pilot.pause()
        await still(pilot)

    assert snap_compare(snapshot_app(HomeRoute(), theme="mistral"), terminal_size=SIZE, run_before=run_before)
