"""Progress, Home's "due today" and drilling what is due, with Pilot, on session files written as the app does."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from conftest import TWO_SUM_TESTS, current, make_app, settle
from session_support import drilled, save_drill
from textual.app import App
from textual.widgets import DataTable, Static

from question_bank import Bank
from tui.app import DrillRoute
from tui.core.checking import RunMode, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner, scripted_run
from tui.core.locations import schedule_file, sessions_dir
from tui.core.practice_schedule import Schedule
from tui.screens.home import HomeScreen
from tui.screens.progress import ProgressScreen
from tui.screens.round import RoundScreen

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
WEAK = {"test_no_pair": TestStatus.FAILED, "test_large_input": TestStatus.FAILED}


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def rows(table: DataTable[Any]) -> list[list[str]]:
    return [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


def notices(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]


async def test_weak_weak_strong_shows_the_trend_and_moves_the_question_out(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    for days, statuses in ((3, WEAK), (2, WEAK), (1, {})):
        save_drill(sessions_dir(), drilled(ago(days), statuses))
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        screen = current(app, ProgressScreen)
        (round_row,) = rows(screen.query_one("#progress-rounds", DataTable))
        assert round_row[:5] == ["Coding Screen", "3", "Strong Hire", "Strong Hire", "▃▃█"]
        (question_row,) = rows(screen.query_one("#progress-questions", DataTable))
        assert question_row[:5] == ["two-sum", "3", "Strong Hire", "Strong Hire", "▃▃█"]
        assert question_row[7] == "11/15 (73%)" and question_row[-1] == "Nested loops over the whole input ×2"
        assert question_row[5].startswith("in ")  # no longer due: moved out
        assert screen.report is not None
        due = screen.report.practice.schedule.due_date("two-sum")
        assert due is not None and due - ago(1) > dt.timedelta(days=2)
        await pilot.press("tab")  # the chart follows the question table
        await settle(pilot, lambda: screen.query_one("#progress-questions", DataTable).has_focus)
        title, points = screen._highlighted()
        assert title == "Two sum (two-sum)" and [p.band.rank for p in points] == [1, 1, 3]
        await pilot.press("enter")  # drill it again
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert current(app, RoundScreen).session.current.attempts[0].question.id == "two-sum"


async def test_home_says_what_is_due_and_n_drills_it(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    save_drill(sessions_dir(), drilled(ago(3), WEAK))  # No Hire three days ago: due again
    save_drill(sessions_dir(), drilled(ago(3), question="balanced-brackets"))  # Strong Hire: not due yet
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        due = app.screen.query_one("#home-due", Static)
        await settle(pilot, lambda: bool(due.display))
        assert str(due.render()).startswith("Due today: Two sum\nn drill the most due")
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert current(app, RoundScreen).session.current.attempts[0].question.id == "two-sum"


async def test_a_drill_finished_in_the_app_moves_its_question_in_the_schedule(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.round_summary import RoundSummaryScreen

    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        clock.advance(300)
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen) and len(runner.calls) == 1)
        assert runner.last.mode is RunMode.SUBMIT
        for event in scripted_run(TWO_SUM_TESTS, {}):
            await runner.last.push(event)
        await pilot.press("escape")  # Home: it brings the schedule in step with history
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(pilot, lambda: schedule_file().is_file() and "two-sum" in Schedule.load(schedule_file()).cards)


async def test_a_broken_schedule_is_one_notice_and_is_rebuilt(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    save_drill(sessions_dir(), drilled(ago(3), WEAK))
    schedule_file().write_text("{ not json")
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: any("schedule" in n for n in notices(app)))
        (notice,) = [n for n in notices(app) if str(schedule_file()) in n]
        assert notice.endswith("the schedule was rebuilt from history.")
        assert set(json.loads(schedule_file().read_text())["cards"]) == {"two-sum"}
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        await pilot.pause()
        assert len([n for n in notices(app) if str(schedule_file()) in n]) == 1  # said once


async def test_no_attempts_yet(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(app.screen, ProgressScreen))
        summary = str(app.screen.query_one("#progress-summary", Static).render())
        assert summary.startswith("No attempts yet") and "Next: why-us (never tried)" in summary
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not app.screen.query_one("#home-due", Static).display
