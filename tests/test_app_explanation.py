"""The debugging round's "What was wrong" box, as a candidate uses it (Pilot, fake clock, scripted checker)."""

from __future__ import annotations

from conftest import current, make_app, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, TextArea

from question_bank import Bank
from tui.app import DrillRoute
from tui.core.checking import RunFinished, RunStarted, TestFinished, TestInfo, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.screens.confirm import ConfirmScreen
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen
from tui.widgets.code_editor import CodeEditor

EXPLANATION = (
    "An empty list made len(values) zero, so average divided by zero; `//` also floored the mean. "
    "I return 0 for empty values and divide with /. A test with an empty list would have caught it. [b]x[/b]"
)
TESTS = (TestInfo("test_example", "the example"), TestInfo("test_empty", "an empty list", visible=False))


async def finish_with_a_clean_fix(pilot: Pilot[int], runner: ScriptedRunner) -> tuple[list[str], str]:
    """Finish the question (confirmed), pass its final submission; the summary's row and verdict text."""
    app = pilot.app
    await pilot.press("ctrl+n")
    await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen) and len(runner.calls) == 1)
    await runner.last.push(RunStarted(TESTS))
    for test in TESTS:
        await runner.last.push(TestFinished(test.name, TestStatus.PASSED))
    await runner.last.push(RunFinished())
    await pilot.pause()
    table = app.screen.query_one("#summary-table", DataTable)
    row = [str(getattr(c, "plain", c)) for c in table.get_row_at(0)]
    return row, str(app.screen.query_one("#summary-verdict").render())


async def test_the_explanation_is_written_saved_and_judged_with_the_fix(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("fix-average"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = current(app, RoundScreen)
        box = screen.query_one("#explanation", TextArea)
        assert box.border_title == "What was wrong"
        assert "which test would have caught it" in str(box.placeholder)
        assert not isinstance(box, CodeEditor)  # plain text: no Python highlighting, soft wrap
        box.focus()
        box.insert(EXPLANATION)
        screen.sync_answers()
        assert screen.current_attempt.explanation == EXPLANATION
        clock.advance(60)
        row, verdict = await finish_with_a_clean_fix(pilot, runner)
        assert box.read_only  # locked with the fix
        assert row[:3] == ["Fix the average", "2/2 tests passed", "Strong Hire"]
        assert "What was wrong: The analyzers rated the explanation Strong Hire" in verdict


async def test_a_fix_left_unexplained_is_capped_at_no_hire(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("fix-average"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        row, verdict = await finish_with_a_clean_fix(pilot, runner)
        assert row[:3] == ["Fix the average", "2/2 tests passed", "No Hire"]
        assert "No explanation was written." in verdict
