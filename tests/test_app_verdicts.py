"""One verdict: for sessions played in the app, the summary's band == the report's band == history's band.

Each session is played with Pilot (answers typed, hints taken, finished early
or run out, final submissions streamed by the scripted checker), then the
band the summary screen showed is compared with the report built from the
saved file (text and Markdown) and with the line ``mockloop history`` shows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pytest
from conftest import TWO_SUM_TESTS, current, make_app, settle, type_text
from session_support import MOTIVATION_ANSWER
from textual.pilot import Pilot
from textual.widgets import DataTable

from question_bank import Bank
from tui.app import DrillRoute, MockloopApp, OnsiteRoute
from tui.core import store
from tui.core.checking import TestStatus
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner, scripted_run
from tui.core.history import list_sessions
from tui.core.locations import sessions_dir
from tui.core.report import build_report
from tui.core.report_format import format_markdown, format_text
from tui.core.session import SessionPhase
from tui.screens.briefing import BriefingScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.loop_summary import LoopSummaryScreen
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen
from tui.screens.time_up import TimeUpScreen


@dataclass(frozen=True)
class Drill:
    question: str
    text: str
    hints: int = 0
    failing: dict[str, TestStatus] = field(default_factory=dict)
    expected: str = ""  # the band every view must show


DRILLS = {
    "code, clean solve": Drill("two-sum", "# solved\n", expected="Strong Hire"),
    "code, solve after a hint": Drill("two-sum", "# solved\n", hints=1, expected="Hire"),
    "code, danger zone": Drill(
        "two-sum", "# wrong\n", failing={"test_large_input": TestStatus.FAILED}, expected="No Hire"
    ),
    # A timeout says nothing about the zone's mistake (checkers.verdicts): 4 of 5 passed, no zone hit.
    "code, timeout in a zone's test": Drill(
        "two-sum", "# slow\n", failing={"test_large_input": TestStatus.TIMEOUT}, expected="Hire"
    ),
    "written, after a hint": Drill("why-us", MOTIVATION_ANSWER, hints=1),
    "written, nothing": Drill("why-us", ""),
}


def cells(table: DataTable[object], column: int) -> list[str]:
    return [
        str(getattr(row[column], "plain", row[column])) for row in (table.get_row_at(i) for i in range(table.row_count))
    ]


async def play_drill(
    app: MockloopApp, pilot: Pilot[int], runner: ScriptedRunner, clock: FakeClock, drill: Drill
) -> str:
    await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
    screen = current(app, RoundScreen)
    screen.view(0).answer_panel.focus_answer()
    if drill.text:
        await type_text(pilot, drill.text)
    for _ in range(drill.hints):
        clock.advance(5)
        await pilot.press("f2")
        await pilot.press("f2")
    clock.advance(60)
    await pilot.press("ctrl+n")
    await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
    if screen.current_attempt.question.code is not None:
        await settle(pilot, lambda: len(runner.calls) == 1)
        for event in scripted_run(TWO_SUM_TESTS, drill.failing):
            await runner.last.push(event)
        await pilot.pause()
    summary = app.screen
    (band,) = cells(summary.query_one("#summary-table", DataTable), 2)
    assert f"Verdict {band}" in str(summary.query_one("#summary-verdict").render())
    if not screen.current_attempt.question.kind.is_code:
        feedback = str(summary.query_one("#feedback-why-us .feedback-body").render())
        assert feedback.startswith(band)  # the feedback shown is headed by the same (capped) band
    return band


def on_round(app: MockloopApp, index: int) -> bool:
    return isinstance(app.screen, RoundScreen) and app.screen.state.index == index


def saved_bands() -> tuple[str, str, str, str]:
    (path,) = sessions_dir().glob("*.toml")
    report = build_report(store.load(path))
    (entry,) = list_sessions()
    text = format_text(report).splitlines()[1]
    markdown = next(line for line in format_markdown(report).splitlines() if line.startswith("**Overall"))
    return report.label, entry.outcome.split(" · ")[0], text, markdown


@pytest.mark.parametrize("name", sorted(DRILLS))
async def test_summary_report_and_history_show_one_band(
    name: str, app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    drill = DRILLS[name]
    app = make_app(app_bank, clock, runner, DrillRoute(drill.question))
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await play_drill(app, pilot, runner, clock, drill)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running)
    if drill.expected:
        assert shown == drill.expected
    report, history, text, markdown = saved_bands()
    assert report == history == shown
    assert text.startswith(f"Overall: {shown} ")
    assert markdown.startswith(f"**Overall: {shown.replace(' ', ' ')}**")


async def test_a_whole_onsite_shows_one_band_per_round_and_overall_then_home(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, OnsiteRoute(seed=1))
    round_bands: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
        session = current(app, BriefingScreen).session
        await pilot.press("enter")
        for index in range(5):
            await settle(pilot, functools.partial(on_round, app, index))
            screen = current(app, RoundScreen)
            screen.view(0).answer_panel.focus_answer()
            await type_text(pilot, "# an answer\n" if screen.current_attempt.question.code else MOTIVATION_ANSWER)
            clock.advance(session.current.round.minutes * 60)
            screen.tick()
            await settle(pilot, lambda: isinstance(app.screen, TimeUpScreen))
            state = session.current
            while any(r.running for a in state.attempts for r in a.runs):  # submitted one after the other
                await settle(pilot, lambda: any(not c.closed for c in runner.calls))
                call = next(c for c in runner.calls if not c.closed)
                for event in scripted_run(TWO_SUM_TESTS, {"test_no_pair": TestStatus.FAILED}):
                    await call.push(event)
                await pilot.pause()
            await pilot.press("enter")
            await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen))
            verdict = str(app.screen.query_one("#summary-verdict").render())
            round_bands.append(verdict.splitlines()[0].removeprefix("Verdict "))
            await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, LoopSummaryScreen))
        loop = app.screen
        overall = str(loop.query_one("#loop-verdict").render()).splitlines()[0].removeprefix("Overall ")
        rows = cells(loop.query_one("#loop-table", DataTable), 3)
        shown_rounds = [
            rows[i]
            for i, name in enumerate(cells(loop.query_one("#loop-table", DataTable), 0))
            if not name.startswith(" ")
        ]
        # The onsite is over everywhere: five rounds, each with its questions under it, then Home.
        names = cells(loop.query_one("#loop-table", DataTable), 0)
        assert session.phase is SessionPhase.DONE and not app.interview_in_progress()
        assert len(shown_rounds) == 5 and names[0] == "1 · Recruiter Screen"
        assert len(names) == 5 + sum(len(r.attempts) for r in session.rounds)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running)
    (path,) = sessions_dir().glob("*.toml")
    report = build_report(store.load(path))
    assert [r.label for r in report.rounds] == round_bands == shown_rounds
    report_label, history, text, _ = saved_bands()
    assert report_label == history == overall
    assert text.startswith(f"Overall: {overall} (finished)")
