"""Issue 15's screens at 120x40 and 80x24, pinned as SVG snapshots (``--snapshot-update`` to accept).

The fixture ``merge-intervals`` prompt has a table whose values an answer must
return and a code line wider than the prompt pane: the split layout shows the
table as records, ctrl+l gives the prompt the width (the grid fits), and the
answer-wide layout gives the test details half the screen. Deterministic as
``test_snapshots``: fixture bank, fake clock, instant checker, no blinking.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from snapshot_support import run_to_the_end, snapshot_app, still
from textual.pilot import Pilot
from textual.widgets import TextArea

from tui.app import DrillRoute, HomeRoute

SIZES = [(120, 40), (80, 24)]
ids = [f"{w}x{h}" for w, h in SIZES]


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_prompt_with_a_table_side_by_side(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(snapshot_app(DrillRoute("merge-intervals")), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_prompt_full_width(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("ctrl+l")
        pilot.app.clear_notifications()  # the layout's toast would cover the footer
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("merge-intervals")), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_answer_full_width_after_a_submission(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await run_to_the_end(pilot, "ctrl+s")
        await pilot.press("ctrl+l", "ctrl+l")
        pilot.app.screen.query_one("#test-rows").focus()
        await pilot.press("down")  # a failing visible test: its details beside the rows
        pilot.app.clear_notifications()
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_home(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(snapshot_app(HomeRoute()), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_help_with_its_scroll_cue(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_pause_dialog_is_centred(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f8")
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("two-sum")), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_bank_and_picker_cut_with_an_ellipsis(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(snapshot_app(DrillRoute()), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_debugging_round_with_its_explanation(size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    """The fix's editor, the "What was wrong" box (written in, markup shown as typed), the test rows."""

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        box = pilot.app.screen.query_one("#explanation")
        box.focus()
        await pilot.pause()
        assert isinstance(box, TextArea)
        box.insert("An empty list divided by zero: len(values) was 0. [b]not bold[/b]")
        await still(pilot)

    assert snap_compare(snapshot_app(DrillRoute("fix-average")), terminal_size=size, run_before=run_before)
