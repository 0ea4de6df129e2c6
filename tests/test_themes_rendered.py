"""The high-contrast theme is ≥ 7:1 for every text the app really draws, not only in its variables.

Theme variables can all pass while a widget draws something else: Textual's
inactive tabs are ``$foreground 50%`` (#7F7F7F on black, 5.2:1), Input
placeholders ``$text-disabled``, a muted description kept its colour on a
highlighted (yellow) menu row. This test renders screens with Pilot and reads
the colours of every text segment the compositor produced — the cells a
terminal shows — and measures each against its own background.

Line-drawing and block characters (borders, keylines, scrollbars, the tabs'
underline) are not text and are skipped; under a modal, only the dialog is
measured (what is behind it is dimmed on purpose).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from conftest import settle
from snapshot_support import snapshot_app, still
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import ModalScreen

from themes.contrast import AAA, contrast_ratio
from tui.app import DrillRoute, HomeRoute, Route
from tui.screens.round import RoundScreen

SIZES = [(120, 40), (80, 24)]


def _is_text(char: str) -> bool:
    return not char.isspace() and not 0x2500 <= ord(char) <= 0x259F


def low_contrast(pilot: Pilot[int], region: Region | None = None) -> set[tuple[str, str, str, float]]:
    """(text, fg, bg, ratio) of every drawn text segment below 7:1 (within ``region``)."""
    found: set[tuple[str, str, str, float]] = set()
    for y, strip in enumerate(pilot.app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            text, style = segment.text, segment.style
            width = len(text)
            inside = region is None or (region.y <= y < region.bottom and x < region.right and x + width > region.x)
            x += width
            if not inside or style is None or not any(_is_text(c) for c in text):
                continue
            assert style.color is not None and style.bgcolor is not None, f"{text!r} has no resolved colour"
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            ratio = contrast_ratio(fg.hex, bg.hex)
            if ratio < AAA:
                found.add((text.strip()[:30], fg.hex, bg.hex, round(ratio, 2)))
    return found


async def _round_with_results(pilot: Pilot[int]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
    await pilot.press("ctrl+s")


async def _help(pilot: Pilot[int]) -> None:
    await _round_with_results(pilot)
    await pilot.press("f1")


async def _quit(pilot: Pilot[int]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
    await pilot.press("ctrl+q")


async def _paused(pilot: Pilot[int]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
    await pilot.press("f8")


async def _bank(pilot: Pilot[int]) -> None:
    await pilot.app.run_action("open_bank")


async def _settings(pilot: Pilot[int]) -> None:
    await pilot.app.run_action("open_settings")


async def _nothing(pilot: Pilot[int]) -> None:
    return None


SCREENS: dict[str, tuple[Route, Callable[[Pilot[int]], Awaitable[None]]]] = {
    "home": (HomeRoute(), _nothing),
    "drill-with-results": (DrillRoute("two-sum"), _round_with_results),
    "written-drill": (DrillRoute("why-us"), _nothing),
    "help": (DrillRoute("two-sum"), _help),
    "quit-dialog": (DrillRoute("two-sum"), _quit),
    "pause-dialog": (DrillRoute("two-sum"), _paused),
    "bank": (HomeRoute(), _bank),
    "settings": (HomeRoute(), _settings),
    "picker": (DrillRoute(), _nothing),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
async def test_high_contrast_draws_every_text_at_7_to_1(name: str, size: tuple[int, int]) -> None:
    route, drive = SCREENS[name]
    app = snapshot_app(route, theme="high-contrast")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await drive(pilot)
        await still(pilot)
        region = None
        if isinstance(app.screen, ModalScreen):
            region = app.screen.query_one(".dialog").region
        assert low_contrast(pilot, region) == set()
