"""Everything is reachable by keyboard: the palette, panes, layouts, the bank, help's end, Home's notice, the footer."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TWO_SUM_TESTS, current, make_app, settle
from snapshot_support import MIXED
from test_app_sessions_ui import saved_drill
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from question_bank import Bank
from tui.app import DrillRoute, HomeRoute
from tui.core.checking import TestInfo
from tui.core.clock import FakeClock
from tui.core.fakes import InstantRunner, ScriptedRunner
from tui.screens.bank_browser import BankBrowserScreen
from tui.screens.commands import ScreenCommands
from tui.screens.drill_picker import DrillPickerScreen
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.round import ROUND_BINDINGS, RoundScreen
from tui.widgets.code_editor import CodeEditor
from tui.widgets.key_footer import KeyFooter, pack_rows
from tui.widgets.prompt_panel import PromptPanel
from tui.widgets.test_details import TestDetails

SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_palette_finds_home_actions_by_name(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, runner, HomeRoute())
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        titles = [command.title for command in current(app, HomeScreen).palette_commands()]
        for title in ("Start full onsite", "Drill a question", "Question bank", "Replay a session", "History"):
            assert title in titles
        assert {"Settings", "Quit"} <= set(titles)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"drill")
        await pilot.pause(0.3)  # the palette searches after a short debounce of its own
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, DrillPickerScreen))


async def test_the_palette_search_covers_the_round_actions(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        provider = ScreenCommands(app.screen)
        hits = [str(hit.text) async for hit in provider.search("layout")]
        assert hits == ["Layout"]


@pytest.mark.parametrize("size", SIZES)
async def test_enter_in_the_bank_drills_the_highlighted_question(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, runner, HomeRoute())
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.run_action("open_bank")
        await settle(pilot, lambda: isinstance(app.screen, BankBrowserScreen))
        await pilot.press(*"brackets")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert current(app, RoundScreen).current_attempt.question.id == "balanced-brackets"


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_g_visits_every_pane_and_ctrl_l_gives_the_prompt_the_width(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = current(app, RoundScreen)
        assert isinstance(app.focused, CodeEditor)
        visited = []
        for _ in range(4):
            await pilot.press("ctrl+o")
            focused = app.focused
            assert focused is not None
            visited.append(next(a for a in [focused, *focused.ancestors] if a.has_class("pane")).__class__)
        assert visited == [type(screen.query_one("#tests")), TestDetails, PromptPanel, CodeEditor]
        prompt = screen.query_one(PromptPanel)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert prompt.size.width == size[0] and not screen.current_view.answer_panel.display
        assert app.focused is not None and prompt in app.focused.ancestors  # focus follows what is shown
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not prompt.display and screen.current_view.answer_panel.size.width == size[0]
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert prompt.display and screen.current_view.answer_panel.display


@pytest.mark.parametrize("size", SIZES)
async def test_the_footer_shows_every_key_including_reference_after_a_submission(
    app_bank: Bank, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, InstantRunner(TWO_SUM_TESTS, MIXED), DrillRoute("two-sum"))
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = current(app, RoundScreen)

        def shown() -> set[str]:
            keys = screen.query_one(KeyFooter).query(FooterKey)
            return {key.key for key in keys if key.region.width and screen.region.contains_region(key.region)}

        await settle(pilot, lambda: "ctrl+s" in shown())
        assert "f5" not in shown()
        drawn = list(screen.query_one(KeyFooter).query(FooterKey))
        await pilot.press("ctrl+o", "ctrl+o")  # focus moves between panes; the keys stay the same
        await pilot.pause()
        assert list(screen.query_one(KeyFooter).query(FooterKey)) == drawn, "the footer was rebuilt for nothing"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "f5" in shown())
        wanted = {b.key for b in ROUND_BINDINGS if b.show and screen.check_action(b.action.split("(")[0], ())}
        assert {k.split(",")[0] for k in wanted} <= shown()  # every key, each fully on screen


def test_footer_rows_pack_greedily_and_keep_room_for_the_palette() -> None:
    assert pack_rows([10, 10, 10], 25) == [[0, 1], [2]]
    assert pack_rows([10, 10], 25, reserve_last=6) == [[0, 1], []]
    assert pack_rows([30], 25) == [[0]]  # a key wider than the row still gets one


async def test_f9_is_not_silent_and_help_says_when_there_is_more_below(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, HomeRoute())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        hint = app.screen.query_one("#help-hint", Static)
        assert "more below" in str(hint.render())
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert app.focused is body  # the keys scroll it
        body.scroll_end(animate=False)
        await pilot.pause()
        await pilot.pause()
        assert "more below" not in str(hint.render())


async def test_home_keeps_the_resume_notice_on_a_short_terminal(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    for when in range(3):  # recent sessions that would push the notice off
        saved_drill(app_bank, dt.datetime(2025, 3, 14, 9, when, tzinfo=dt.UTC))
    app = make_app(app_bank, clock, runner, HomeRoute())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: bool(current(app, HomeScreen).query("#home-resume")))
        await pilot.pause()
        home = current(app, HomeScreen)
        notice = home.query_one("#home-resume")
        assert home.region.contains_region(notice.region) and notice.region.height >= 2
        assert home.scroll_y == 0 and home.check_action("resume", ())


MANY_TESTS = tuple(TestInfo(f"test_case_{n:02}", f"case {n}", visible=True) for n in range(20))


@pytest.mark.parametrize("size", SIZES)
async def test_the_test_table_keeps_its_cursor_row_in_view(
    app_bank: Bank, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(app_bank, clock, InstantRunner(MANY_TESTS, {}), DrillRoute("two-sum"))
    async with app.run_test(size=size) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        table = app.screen.query_one("#test-rows", DataTable)
        await settle(pilot, lambda: table.row_count == len(MANY_TESTS))
        area = app.screen.query_one("#tests-area")
        assert area.region.contains_region(table.region)  # the table is not clipped by its pane
        table.focus()
        for keys, row in ((["down"] * 12, 12), (["down"] * 7, len(MANY_TESTS) - 1), (["up"] * 3, len(MANY_TESTS) - 4)):
            await pilot.press(*keys)
            await pilot.pause()
            rows_shown = table.scrollable_content_region.height - 1  # minus the header
            assert table.cursor_row == row
            assert table.scroll_y <= row < table.scroll_y + rows_shown
