"""Drills end to end with a fake clock and a checker the test drives event by event."""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import TWO_SUM_TESTS, TWO_SUM_VISIBLE, current, make_app, settle
from textual.app import App
from textual.widgets import DataTable, Input

from question_bank import Bank
from tui.app import DrillRoute
from tui.core.checking import RunFinished, RunMode, RunStarted, TestFinished, TestStarted, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner, scripted_run
from tui.core.results import RunOutcome
from tui.screens.drill_picker import DrillPickerScreen
from tui.screens.reference import ReferenceScreen
from tui.screens.round import RoundScreen
from tui.widgets.code_editor import CodeEditor
from tui.widgets.prompt_panel import PromptText
from tui.widgets.round_timer import RoundTimerDisplay
from tui.widgets.test_panel import TestPanel


def cell(table: DataTable[object], row: str, column: str) -> str:
    return str(getattr(table.get_cell(row, column), "plain", table.get_cell(row, column)))


def round_screen(app: App[Any]) -> RoundScreen:
    return current(app, RoundScreen)


async def test_picker_filters_as_you_type_and_starts_a_drill(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")  # home menu: "Drill a question"
        await settle(pilot, lambda: isinstance(app.screen, DrillPickerScreen))
        table = app.screen.query_one("#picker-table", DataTable)
        assert table.row_count == len(app_bank)
        await pilot.press(*"brackets")
        assert app.screen.query_one(Input).value == "brackets"
        assert table.row_count == 1
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        assert screen.current_attempt.question.id == "balanced-brackets"
        assert screen.state.timer.duration == 15 * 60
        assert isinstance(app.focused, CodeEditor)


async def test_typing_run_and_rows_streaming_in(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        editor = screen.query_one(CodeEditor)
        assert editor.text.startswith("def two_sum")
        editor.move_cursor(editor.document.end)
        await pilot.press("enter", *"# hi")
        clock.advance(30)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: len(runner.calls) == 1)
        call = runner.last
        assert call.mode is RunMode.RUN and call.source.endswith("# hi")
        assert call.suite == app_bank.question("two-sum").code
        table = screen.query_one("#test-rows", DataTable)
        summary = screen.query_one("#test-summary")

        await call.push(RunStarted(TWO_SUM_VISIBLE))
        assert table.row_count == 3
        assert {cell(table, t.name, "status") for t in TWO_SUM_VISIBLE} == {"queued"}
        await call.push(TestStarted("test_example"))
        assert cell(table, "test_example", "status") == "running"
        assert cell(table, "test_negative_numbers", "status") == "queued"
        await call.push(TestFinished("test_example", TestStatus.PASSED, duration=0.012))
        assert cell(table, "test_example", "status") == "passed"
        assert cell(table, "test_example", "time") == "12 ms"
        await call.push(TestStarted("test_negative_numbers"))
        await call.push(TestFinished("test_negative_numbers", TestStatus.FAILED, expected="(0, 2)", actual="None"))
        await call.push(TestStarted("test_no_pair"), TestFinished("test_no_pair", TestStatus.PASSED))
        await call.push(RunFinished())
        await pilot.pause()
        assert str(summary.render()) == "2/3 passed · hidden tests run on submit"
        run = screen.current_attempt.current_run
        assert run is not None and run.outcome is RunOutcome.FINISHED and run.started_at == 30
        assert call.closed


async def test_rerun_cancels_the_run_in_flight(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: len(runner.calls) == 1)
        first = runner.last
        await first.push(RunStarted(TWO_SUM_VISIBLE), TestStarted("test_example"))
        first_run = screen.current_attempt.current_run
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: len(runner.calls) == 2 and first.closed)
        assert first_run is not None and first_run.outcome is RunOutcome.CANCELLED
        assert first_run.rows[0].status is TestStatus.NOT_RUN
        second = runner.last
        for event in scripted_run(TWO_SUM_VISIBLE, {}):
            await second.push(event)
        await pilot.pause()
        assert str(screen.query_one("#test-summary").render()) == "3/3 passed · hidden tests run on submit"
        assert [r.outcome for r in screen.current_attempt.runs] == [RunOutcome.CANCELLED, RunOutcome.FINISHED]


async def test_submit_then_select_a_failing_test_then_reveal_the_reference(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        assert not screen.check_action("reference", ())  # nothing submitted yet
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: len(runner.calls) == 1)
        assert runner.last.mode is RunMode.SUBMIT
        statuses = {"test_negative_numbers": TestStatus.FAILED, "test_large_input": TestStatus.TIMEOUT}
        for event in scripted_run(TWO_SUM_TESTS, statuses):
            await runner.last.push(event)
        await pilot.pause()
        panel = screen.query_one(TestPanel)
        panel.select("test_negative_numbers")
        await pilot.pause()
        details = str(screen.query_one("#test-detail-body").render())
        assert "Expected 2" in details and "Actual   3" in details
        panel.select("test_large_input")
        await pilot.pause()
        details = str(screen.query_one("#test-detail-body").render())
        assert "a large input, in linear time" in details and "Expected" not in details
        assert screen.check_action("reference", ())
        await pilot.press("f5")
        await settle(pilot, lambda: isinstance(app.screen, ReferenceScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))


async def test_a_drill_runs_into_overtime_and_stays_editable(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        timer = screen.query_one(RoundTimerDisplay)
        assert "20:00" in str(timer.render())
        clock.advance(15 * 60 + 0.5)  # 4:59.5 left: more than 2 minutes, 25 % of 20 minutes
        screen.tick()
        assert timer.has_class("-low") and "05:00" in str(timer.render())
        clock.advance(3 * 60)
        screen.tick()
        assert timer.has_class("-critical")
        clock.advance(2 * 60 + 3 * 60 + 12)
        screen.tick()
        await pilot.pause()
        assert timer.has_class("-overtime")
        assert "+03:12 overtime" in str(timer.render())
        assert not screen.state.ended and not screen.current_attempt.locked
        await pilot.press("x")
        assert screen.query_one(CodeEditor).text.startswith("x")


async def test_pause_stops_the_drill_clock(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        clock.advance(60)
        await pilot.press("f8")
        await settle(pilot, lambda: app.screen is not screen)
        clock.advance(600)
        await pilot.press("f8")
        await settle(pilot, lambda: app.screen is screen)
        clock.advance(1)
        assert screen.state.timer.elapsed() == pytest.approx(61)


async def test_hints_and_clarifications_are_recorded_with_their_time(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        attempt = screen.current_attempt
        clock.advance(10)
        await pilot.press("f2")  # shows the hints tab and its cost
        await pilot.pause()
        assert attempt.hints == []
        assert "Hints are noted in your report" in str(screen.query_one("#hints-status").render())
        await pilot.press("f2")
        await pilot.pause()
        assert [(h.index, h.at) for h in attempt.hints] == [(0, 10)]
        assert "A dictionary remembers" in str(screen.query_one("#hints-taken").render())
        clock.advance(5)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [(a.index, a.at) for a in attempt.asks] == [(1, 15)]
        transcript = str(screen.query_one("#ask-answers").render())
        assert "What if several pairs match?" in transcript and "smallest j" in transcript


async def test_translation_toggle(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        prompt = screen.query_one(PromptText)
        english, french = prompt.query_one(".prompt-en"), prompt.query_one(".prompt-fr")
        assert english.display and not french.display
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.session.lang == "fr"
        assert french.display and not english.display
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert english.display and not french.display


async def test_wide_terminals_show_both_languages(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(170, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        prompt = app.screen.query_one(PromptText)
        assert prompt.query_one(".prompt-en").display and prompt.query_one(".prompt-fr").display


async def test_external_editor_round_trip(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path).read()\n"
        "open(path, 'w').write(text.replace('raise NotImplementedError', 'return None  # from the editor'))\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        clock.advance(42)
        await pilot.press("f4")
        await pilot.pause()
        editor = screen.query_one(CodeEditor)
        assert "return None  # from the editor" in editor.text
        assert "return None  # from the editor" in screen.current_attempt.answer
        assert screen.state.timer.elapsed() == 42  # the clock kept its own time
        await pilot.press("ctrl+z")  # the round trip is one undoable edit
        assert "raise NotImplementedError" in editor.text
        await pilot.press("ctrl+e")  # still end-of-line in the editor
        assert editor.cursor_location[1] == len(editor.document.get_line(editor.cursor_location[0]))


async def test_finishing_a_drill_early_submits_and_shows_the_summary(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.round_summary import RoundSummaryScreen

    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = round_screen(app)
        clock.advance(125)
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen) and len(runner.calls) == 1)
        assert runner.last.mode is RunMode.SUBMIT
        assert screen.current_attempt.locked
        table = app.screen.query_one("#summary-table", DataTable)
        for event in scripted_run(TWO_SUM_TESTS, {"test_large_input": TestStatus.FAILED}):
            await runner.last.push(event)
        await pilot.pause()
        rows = [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [["Two sum", "4/5 tests passed", "No Hire", "0/2", "0"]]  # the danger zone was hit
        assert "02:05 of 20:00" in str(app.screen.query_one("#summary-time").render())


async def test_the_editor_keeps_indentation(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        editor = app.screen.query_one(CodeEditor)
        await pilot.press("f7", *"def f(x):", "enter", *"if x:", "enter", *"y = 1", "enter", "backspace", *"return y")
        assert editor.text == "def f(x):\n    if x:\n        y = 1\n    return y"
        await pilot.press("ctrl+z")  # undo still works, edit by edit
        assert editor.text != "def f(x):\n    if x:\n        y = 1\n    return y"


async def test_long_suites_keep_the_running_test_in_view(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from tui.core.checking import TestInfo

    tests = tuple(TestInfo(f"test_{i:02d}", visible=False) for i in range(40))
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: len(runner.calls) == 1)
        await runner.last.push(RunStarted(tests))
        table = app.screen.query_one("#test-rows", DataTable)
        assert table.scroll_y == 0
        for info in tests[:30]:
            await runner.last.push(TestStarted(info.name), TestFinished(info.name, TestStatus.PASSED))
        await runner.last.push(TestStarted("test_30"))
        await pilot.pause()
        assert table.scroll_y > 0
        region = table.scrollable_content_region
        assert table.scroll_y <= 30 < table.scroll_y + region.height
