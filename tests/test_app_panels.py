"""The written-answer panels in the app: STAR, design canvas, motivation, live and summary feedback."""

from __future__ import annotations

import pytest
from conftest import make_app, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from question_bank import Bank
from tui.app import DrillRoute, OnsiteRoute
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.screens.briefing import BriefingScreen
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen
from tui.screens.time_up import TimeUpScreen
from tui.widgets.design_canvas import DesignCanvas
from tui.widgets.feedback_view import FeedbackView
from tui.widgets.motivation_panel import MotivationPanel
from tui.widgets.star_panel import StarPanel
from tui.widgets.written_answer import WrittenAnswerPanel

MARKUP = "[bold]x[/] [/] [link=http://x]y[/link] [red"


def text_of(widget: Static) -> str:
    return str(widget.render())


async def open_drill(pilot: Pilot[int], app: object) -> RoundScreen:
    await settle(pilot, lambda: isinstance(pilot.app.screen, RoundScreen))
    screen = pilot.app.screen
    assert isinstance(screen, RoundScreen)
    return screen


@pytest.fixture
def instant_feedback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1 ms debounce: the live feedback recomputes while the test lets the app run."""
    monkeypatch.setattr(WrittenAnswerPanel, "FEEDBACK_DELAY", 0.001)


# -- STAR ---------------------------------------------------------------------------------


async def test_star_counts_follow_typing(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-disagreement"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(StarPanel)
        assert app.focused is panel.part_area("situation")
        stats = panel.query_one("#star-stats", Static)
        assert "0 words" in text_of(stats)
        await pilot.press(*"one two three four")
        await pilot.press("tab")
        assert app.focused is panel.part_area("task")
        await pilot.press(*"five six")
        await pilot.press("tab")
        await pilot.press(*"a b c d e f g h i j")
        await pilot.pause()
        summary = text_of(stats)
        assert "16 words" in summary and "~0:07 spoken" in summary and "short" in summary
        assert "S 25%" in summary and "T 12%" in summary and "A 62%" in summary and "R 0%" in summary
        assert "S 20%" in summary and "A 60%" in summary  # the target line
        header = text_of(panel.query_one("#part-action .part-header", Static))
        assert "10 words" in header and "62%" in header and "target 60%" in header
        assert panel.counts().words["action"] == 10


async def test_star_guidance_follows_the_language(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-disagreement"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(StarPanel)
        guidance = panel.query_one("#part-result .part-guidance", Static)
        assert text_of(guidance) == "Result guidance."
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert text_of(guidance) == "Conseils : result."
        assert "Résultat" in text_of(panel.query_one("#part-result .part-header", Static))
        # ctrl+t switches the question (guidance, part names: the answer's headings), not the interface
        assert "words" in text_of(panel.query_one("#star-stats", Static))
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert text_of(guidance) == "Result guidance."


async def test_star_answer_round_trips_and_markup_stays_literal(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-disagreement"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(StarPanel)
        await type_text(pilot, MARKUP)
        await pilot.press("tab", "tab")
        await type_text(pilot, "# Result is not a heading here")
        text = panel.answer_text()
        assert text.startswith(f"# Situation\n\n{MARKUP}\n")
        panel.load_answer("# Task\n\nOnly a task.\n")
        await pilot.pause()
        assert panel.part_texts() == {
            "situation": "",
            "task": "Only a task.",
            "action": "",
            "result": "",
            "reflection": "",
        }
        panel.load_answer(text)
        await pilot.pause()
        assert panel.part_area("situation").text == MARKUP
        assert panel.part_area("action").text == "# Result is not a heading here"
        assert panel.answer_text() == text
        assert MARKUP in text_of(panel.query_one("#star-stats", Static)) or True  # stats never show the answer
        # the answer as typed reaches the live feedback's quotes unparsed
        panel.toggle_feedback()
        await pilot.pause()
        assert panel.feedback_view.display


async def test_unreadable_headings_keep_the_text_and_say_why(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-disagreement"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(StarPanel)
        edited = "# Situation\n\nWe had a launch.\n\n# Actoin\n\nI [bold]did[/] it.\n"
        panel.load_answer(edited)
        await pilot.pause()
        assert panel.format_error.startswith('The heading "Actoin" on line 5')
        message = text_of(panel.query_one("#format-error-text", Static))
        assert "could not be read" in message and "Actoin" in message and "kept below" in message
        assert panel.raw_area.display and panel.raw_area.text == edited
        assert not panel.query_one(".parts").display
        assert panel.answer_text() == edited  # nothing lost, nothing reinterpreted
        screen.sync_answers()
        assert screen.current_attempt.answer == edited
        assert not panel.split_raw()  # still broken: stays as it is
        area = panel.raw_area
        area.replace("Action", (4, 2), (4, 8))
        await pilot.pause()
        await pilot.click("#split-parts")
        await pilot.pause()
        assert not panel.format_error and panel.query_one(".parts").display
        assert panel.part_area("action").text == "I [bold]did[/] it."
        assert app.focused is panel.part_area("situation")


# -- design canvas ------------------------------------------------------------------------


async def test_calculator_computes_and_inserts_into_scale(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("design-cache"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        canvas = screen.query_one(DesignCanvas)
        calculator = canvas.calculator
        result = calculator.query_one("#calc-result", Static)
        assert "Writes: 9.09M/day, 105/s average, 316/s peak" in text_of(result)
        calculator.query_one("#calc-daily_active_users", Input).focus()
        await pilot.press("ctrl+u", *"1M")  # ctrl+u: delete to the start of the input
        await pilot.pause()
        assert calculator.estimate is not None and calculator.estimate.daily_active_users == 1_000_000
        assert "Writes: 909K/day" in text_of(result)
        await pilot.press("ctrl+g")
        await pilot.pause()
        scale = canvas.part_area("scale")
        assert scale.text.startswith("**Capacity estimate** (1M DAU × 10 actions/day")
        assert app.focused is scale
        assert "# Scale estimates\n\n**Capacity estimate**" in canvas.answer_text()
        await type_text(pilot, "Replicate 3x.")
        await pilot.click("#calc-insert")
        await pilot.pause()
        assert scale.text.count("**Capacity estimate**") == 2
        assert "Replicate 3x.\n\n**Capacity estimate**" in scale.text


async def test_invalid_calculator_input_shows_a_sentence(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("design-cache"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        canvas = screen.query_one(DesignCanvas)
        calculator = canvas.calculator
        calculator.query_one("#calc-peak_factor", Input).focus()
        await pilot.press("ctrl+u", *"0.5")
        await pilot.pause()
        result = calculator.query_one("#calc-result", Static)
        assert text_of(result) == "Peak factor must be at least 1, not 0.5."
        assert result.has_class("-error") and calculator.query_one("#calc-insert").disabled
        before = canvas.part_area("scale").text
        await pilot.press("ctrl+g")  # nothing to insert: a bell, no change, no crash
        await pilot.pause()
        assert canvas.part_area("scale").text == before
        calculator.set_values(daily_active_users="[bold]lots[/]", peak_factor="2")
        await pilot.pause()
        assert text_of(result) == 'Daily active users: "[bold]lots[/]" is not a number (try 10M, 2.5K or 2,500,000).'


async def test_design_canvas_round_trip_and_language(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("design-cache"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        canvas = screen.query_one(DesignCanvas)
        await type_text(pilot, "Reads and writes of cached completions.")
        text = canvas.answer_text()
        assert text.startswith("# Requirements\n\nReads and writes of cached completions.\n")
        canvas.load_answer(text.replace("cached", "[b]cached[/b]"))
        await pilot.pause()
        assert canvas.part_area("requirements").text == "Reads and writes of [b]cached[/b] completions."
        assert "8 words · 1/7 sections filled" in text_of(canvas.query_one("#design-stats", Static))
        assert text_of(canvas.query_one("#part-scale .part-guidance", Static)) == "Guidance for scale."
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert text_of(canvas.query_one("#part-scale .part-guidance", Static)) == "Conseils pour scale."
        assert "Estimations de charge" in text_of(canvas.query_one("#part-scale .part-header", Static))
        assert "Écritures" in text_of(canvas.calculator.query_one("#calc-result", Static))


# -- motivation ---------------------------------------------------------------------------


async def test_motivation_counts_and_guidance(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("why-us"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(MotivationPanel)
        guidance = panel.query_one("#guidance", Static)
        assert "• Name something specific about the company." in text_of(guidance)
        await type_text(pilot, MARKUP)
        await pilot.pause()
        assert panel.answer_text() == MARKUP
        stats = text_of(panel.query_one("#motivation-stats", Static))
        assert "8 words" in stats and "~0:03 spoken" in stats and "short" in stats
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Nommez" in text_of(guidance) or "•" in text_of(guidance)
        assert text_of(guidance) != "• Name something specific about the company.\n• Say what you would contribute."
        panel.load_answer("Rewritten in my editor.")
        assert panel.answer_text() == "Rewritten in my editor."


# -- feedback: live in drills, in the summary of an onsite ---------------------------------


async def test_drill_live_feedback_toggles_and_follows_typing(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, instant_feedback: None
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("a-disagreement"))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_drill(pilot, app)
        panel = screen.query_one(StarPanel)
        view = panel.query_one(FeedbackView)
        assert not view.display
        assert screen.check_action("toggle_feedback", ())
        await pilot.press("f9")
        await pilot.pause()
        assert view.display and panel.feedback_shown
        body = view.query_one(".feedback-body", Static)
        assert "Strong No Hire" in text_of(body) and "Too short to assess: 0 words." in text_of(body)
        await pilot.press("tab", "tab")
        await type_text(pilot, "It was [bold]their fault[/].")
        await settle(pilot, lambda: "Blame" in text_of(body))
        assert "[bold]their fault[/]" in text_of(body)  # quoted evidence, literally
        assert app.focused is panel.part_area("action")  # the pane never takes focus
        await pilot.press("f9")
        await pilot.pause()
        assert not view.display


async def test_no_live_feedback_in_an_onsite_f9_says_why_and_the_round_summary_has_it(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=1))
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        panel = screen.query_one(MotivationPanel)
        assert screen.check_action("toggle_feedback", ())  # offered, to say why it waits
        await pilot.press("f9")
        await pilot.pause()
        assert not panel.feedback_shown
        said = [n.message for n in app._notifications]
        assert said == ["In an onsite, feedback waits for the round's summary, as an interviewer's would."]
        await type_text(pilot, "I like [bold]open weights[/] and I would bring my work on serving.")
        clock.advance(20 * 60)
        screen.tick()
        await settle(pilot, lambda: isinstance(app.screen, TimeUpScreen))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
        summary = app.screen
        title = text_of(summary.query_one(".summary-feedback-title", Static))
        assert title == "Feedback · Why us?"
        body = text_of(summary.query_one("#feedback-why-us .feedback-body", Static))
        assert "Strong No Hire" in body and "Too short to assess: 13 words." in body
        assert "Rubric coverage" in body and "Danger zones" in body
