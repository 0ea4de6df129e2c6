"""The onsite loop: briefing, time's up (locked, submitted, next round), summaries, quitting."""

from __future__ import annotations

from conftest import TWO_SUM_TESTS, current, make_app, settle
from textual.widgets import Button, DataTable, TabbedContent

from question_bank import Bank
from tui.app import MockloopApp, OnsiteRoute
from tui.core.checking import RunMode, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner, scripted_run
from tui.core.session import EndReason, SessionPhase
from tui.screens.briefing import BriefingScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen
from tui.screens.time_up import TimeUpScreen
from tui.widgets.code_editor import CodeEditor
from tui.widgets.round_header import RoundHeader

SEED = 1  # round 2 draws two-sum then balanced-brackets with the fixture bank


def texts(table: DataTable[object]) -> list[list[str]]:
    return [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_home_starts_an_onsite_with_a_briefing(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # "Start full onsite" is the first entry
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        rounds = str(app.screen.query_one("#briefing-rounds").render())
        for title in ("Recruiter Screen", "Coding Screen", "System Design", "Onsite Coding", "Behavioral / Leadership"):
            assert title in rounds
        assert "45 min" in rounds and "LeetCode-medium" in rounds
        clock.advance(600)  # reading the briefing costs no interview time
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert current(app, RoundScreen).state.timer.elapsed() == 0
        header = str(app.screen.query_one("#header-round").render())
        assert header == "Round 1/5 · Recruiter Screen"


async def test_time_up_locks_submits_and_moves_on(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        session = current(app, RoundScreen).session
        # Round 1: a written answer; time's up locks it.
        await pilot.press(*"hello")
        clock.advance(20 * 60)
        current(app, RoundScreen).tick()
        await settle(pilot, lambda: isinstance(app.screen, TimeUpScreen))
        first = session.rounds[0]
        assert first.end_reason is EndReason.TIME_UP and first.attempts[0].locked
        assert first.attempts[0].answer == "hello"
        assert runner.calls == []  # nothing to run for a written answer
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
        assert "20:00 of 20:00" in str(app.screen.query_one("#summary-time").render())
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.state.index == 1)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert screen.query_one(RoundHeader) is not None
        assert "Round 2/5 · Coding Screen" in str(screen.query_one("#header-round").render())
        # Round 2: two code questions in tabs; edit the first, leave the second as it started.
        assert [a.question.id for a in screen.state.attempts] == ["two-sum", "balanced-brackets"]
        assert screen.query_one("#questions", TabbedContent).active == "pane-0"
        await pilot.press(*"# mine", "enter")
        clock.advance(45 * 60 + 7)
        screen.tick()
        await settle(pilot, lambda: isinstance(app.screen, TimeUpScreen) and len(runner.calls) >= 1)
        assert all(a.locked for a in screen.state.attempts)
        assert screen.query_one("#q-0 CodeEditor", CodeEditor).read_only
        call = runner.calls[0]
        assert call.mode is RunMode.SUBMIT and call.source.startswith("# mine")
        assert "checking…" in str(app.screen.query_one("#time-up-status").render())
        for event in scripted_run(TWO_SUM_TESTS, {"test_large_input": TestStatus.FAILED}):
            await call.push(event)
        await settle(pilot, lambda: len(runner.calls) == 2)
        await pilot.pause()
        status = str(app.screen.query_one("#time-up-status").render())
        assert "Two sum: 4/5 tests passed" in status and "Balanced brackets: checking…" in status
        for event in scripted_run(TWO_SUM_TESTS[:2], {}):
            await runner.calls[1].push(event)
        await pilot.pause()
        assert "Balanced brackets: 2/2 tests passed" in str(app.screen.query_one("#time-up-status").render())
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
        assert texts(app.screen.query_one("#summary-table", DataTable)) == [
            ["Two sum", "4/5 tests passed", "No Hire", "0/2", "0"],
            ["Balanced brackets", "2/2 tests passed", "Strong Hire", "0/2", "0"],
        ]
        assert "Verdict Hire" in str(app.screen.query_one("#summary-verdict").render())
        assert "45:00 of 45:00" in str(app.screen.query_one("#summary-time").render())
        assert session.phase is SessionPhase.ROUND_OVER


async def test_finishing_one_of_two_questions_keeps_the_round_going(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        session = current(app, BriefingScreen).session
        session.begin()
        session.finish_question(0)
        session.advance()
        from tui.screens.round import RoundScreen as Round

        app.switch_screen(Round(session))
        await settle(pilot, lambda: isinstance(app.screen, Round) and app.screen.is_mounted)
        screen = current(app, Round)
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Finish this question?" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("y")
        await settle(pilot, lambda: app.screen is screen and screen.current_index == 1)
        assert screen.state.attempts[0].locked and not screen.state.attempts[1].locked
        assert not screen.state.ended
        tab = screen.query_one("#questions", TabbedContent).get_tab("pane-0")
        assert "finished" in str(tab.label)


def on_round(app: MockloopApp, index: int) -> bool:
    """The round screen of round ``index`` is showing."""
    return isinstance(app.screen, RoundScreen) and app.screen.state.index == index


async def test_quitting_an_onsite_asks_first(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    from tui.screens.quit import QuitScreen

    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
        assert app.screen.query_one("#keep", Button).has_focus  # Enter by reflex keeps the session
        assert "Quit the onsite?" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
        await pilot.press("k")
        await settle(pilot, lambda: not app.is_running)
    assert app.return_value == 0
    assert runner.closed  # the checker was stopped on the way out


async def test_switching_between_the_questions_of_a_round(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        session = current(app, BriefingScreen).session
        session.begin()
        session.finish_question(0)
        session.advance()
        app.switch_screen(RoundScreen(session))
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press("alt+right")
        await settle(pilot, lambda: screen.current_index == 1)
        assert app.focused is screen.query_one("#q-1 CodeEditor")
        await pilot.press(*"pass")
        await pilot.press("ctrl+pageup")
        await settle(pilot, lambda: screen.current_index == 0)
        screen.sync_answers()
        assert screen.state.attempts[1].answer.startswith("pass")
        assert not screen.state.attempts[0].answer.startswith("pass")


async def test_time_up_closes_help_and_survives_a_tiny_terminal(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from tui.screens.help import HelpScreen
    from tui.screens.too_small import TooSmallScreen

    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "pause" not in {c.title.lower() for c in app.get_system_commands(screen)}  # never in an onsite
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.resize_terminal(60, 20)
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        clock.advance(20 * 60)
        screen.tick()
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen) and screen.state.ended)
        assert HelpScreen not in {type(s) for s in app.screen_stack}
        await pilot.resize_terminal(120, 40)
        await settle(pilot, lambda: isinstance(app.screen, TimeUpScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen", "RoundSummaryScreen"]
