"""Robustness and the small things: too-small terminals, markup safety, help, palette, CLI errors."""

from __future__ import annotations

import pytest
from conftest import current, make_app, settle, type_text
from textual.widgets import Markdown

from question_bank import Bank, Kind
from tui.app import DrillRoute
from tui.core.checking import RunFailed, RunStarted, TestFinished, TestInfo, TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.screens.bank_browser import BankBrowserScreen
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.round import RoundScreen
from tui.screens.too_small import TooSmallScreen
from tui.widgets.answer_panel import AnswerPanel, panel_for
from tui.widgets.code_answer import CodeAnswerPanel
from tui.widgets.design_canvas import DesignCanvas
from tui.widgets.motivation_panel import MotivationPanel
from tui.widgets.star_panel import StarPanel

MARKUP = "[bold]x[/] [/] [link=http://x]y[/link] [red"


async def test_a_too_small_terminal_shows_a_message_until_it_grows(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        message = str(app.screen.query_one("#too-small").render())
        assert "at least 80×24" in message and "70×20" in message
        await pilot.resize_terminal(120, 40)
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.resize_terminal(100, 23)
        await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))


async def test_markup_in_answers_and_results_shows_literally(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await type_text(pilot, MARKUP)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: len(runner.calls) == 1)
        assert runner.last.source.startswith(MARKUP)
        name = "test_[bold]odd[/]"
        await runner.last.push(RunStarted((TestInfo(name, MARKUP),)))
        await runner.last.push(
            TestFinished(name, TestStatus.FAILED, message=MARKUP, expected=MARKUP, actual="[/]", output=MARKUP)
        )
        await runner.last.push(RunFailed("import_error", f"SyntaxError: {MARKUP}", output="[/bold]"))
        await pilot.pause()
        assert MARKUP in str(screen.query_one("#test-summary").render())
        assert MARKUP in str(screen.query_one("#test-detail-body").render())
        screen.query_one("#test-rows").focus()
        await pilot.pause()


async def test_markup_in_a_written_answer(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-failure"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        panel = screen.query_one(StarPanel)
        assert "Situation" in str(panel.query_one("#part-situation .part-header").render())
        await type_text(pilot, MARKUP)
        screen.sync_answers()
        assert screen.current_attempt.answer.startswith(f"# Situation\n\n{MARKUP}\n")
        assert not screen.check_action("run", ())  # no tests for a written answer


async def test_help_lists_the_round_keys(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = " ".join(str(s.render()) for s in app.screen.query("#help-body Static"))
        for key in ("ctrl+r", "ctrl+s", "f2", "f3", "f4", "ctrl+t", "ctrl+n", "ctrl+q", "f8"):
            assert key in body
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))


async def test_the_palette_offers_the_round_actions(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        titles = [command.title for command in current(app, RoundScreen).palette_commands()]
        assert {"Run", "Submit", "Hint", "Ask", "Finish", "Pause", "Pane", "Layout"} <= set(titles)
        assert "Reference" not in titles  # only after a submission


async def test_quitting_a_finished_drill_does_not_ask(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("why-us"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.session.finish_question(0)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running)
    assert runner.closed


async def test_the_bank_browser_shows_prompts_read_only(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("down", "down", "enter")
        await settle(pilot, lambda: isinstance(app.screen, BankBrowserScreen))
        await pilot.press(*"merge")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BankBrowserScreen)
        assert screen.question is not None and screen.question.id == "merge-intervals"
        markdown = screen.query_one("#browser-prompt", Markdown)
        assert "merge(intervals)" in markdown.source
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "fusionne" in markdown.source
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


def test_answer_panels_are_chosen_by_kind() -> None:
    assert panel_for(Kind.CODE) is CodeAnswerPanel and panel_for(Kind.DEBUGGING) is CodeAnswerPanel
    assert panel_for(Kind.BEHAVIORAL) is StarPanel
    assert panel_for(Kind.DESIGN) is DesignCanvas
    assert panel_for(Kind.MOTIVATION) is MotivationPanel
    assert all(issubclass(panel_for(kind), AnswerPanel) for kind in Kind)


def test_cli_rejects_an_unknown_question_without_starting_the_app(
    app_bank: Bank, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import question_bank
    import tui.app
    from tui import cli

    monkeypatch.setattr(question_bank, "load_bank", lambda: app_bank)
    monkeypatch.setattr(tui.app, "run_app", lambda **_: pytest.fail("the app must not start"))
    assert cli.main(["drill", "two-sun"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == 'There is no question "two-sun" in the bank. Did you mean "two-sum"?'
    assert cli.main(["onsite", "--loop", "nope"]) == 2
    assert "There is no interview loop" in capsys.readouterr().err


def test_cli_routes_onsite_and_drill(app_bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    import question_bank
    import tui.app
    from tui import cli
    from tui.app import DrillRoute, OnsiteRoute

    seen: list[tuple[object, float]] = []
    monkeypatch.setattr(question_bank, "load_bank", lambda: app_bank)

    def run_app(route: object, time_scale: float, theme: str | None = None) -> int:
        seen.append((route, time_scale))
        return 0

    monkeypatch.setattr(tui.app, "run_app", run_app)
    assert cli.main(["onsite", "--seed", "7", "--time-scale", "60"]) == 0
    assert cli.main(["drill", "two-sum"]) == 0
    assert cli.main(["drill"]) == 0
    assert seen == [
        (OnsiteRoute("mistral-swe", 7), 60.0),
        (DrillRoute("two-sum"), 1.0),
        (DrillRoute(None), 1.0),
    ]
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["onsite", "--time-scale", "-1"])
    assert exit_info.value.code == 2


async def test_the_mouse_works(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    from conftest import TWO_SUM_VISIBLE
    from textual.widgets import TabbedContent

    from tui.core.fakes import scripted_run

    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#home-menu", offset=(10, 4))  # the second entry: "Drill a question"
        await settle(pilot, lambda: type(app.screen).__name__ == "DrillPickerScreen")
        app.switch_screen(app.drill_screen(app_bank.question("two-sum")))
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.click("PromptPanel Tab#--content-tab-tab-hints")
        await settle(pilot, lambda: screen.query_one("PromptPanel TabbedContent", TabbedContent).active == "tab-hints")
        await pilot.click("#hints-reveal")
        await settle(pilot, lambda: len(screen.current_attempt.hints) == 1)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: len(runner.calls) == 1)
        for event in scripted_run(TWO_SUM_VISIBLE, {"test_no_pair": TestStatus.FAILED}):
            await runner.last.push(event)
        await pilot.click("#test-rows", offset=(5, 3))  # header, then the third row
        await pilot.pause()
        assert "test_no_pair" in str(screen.query_one("#test-detail-body").render())


def test_every_question_kind_has_an_answer_panel() -> None:
    from question_bank import Kind
    from tui.widgets.answer_panel import AnswerPanel, panel_for

    assert all(issubclass(panel_for(kind), AnswerPanel) for kind in Kind)
