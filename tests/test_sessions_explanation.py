"""A debugging answer's "what was wrong": collected with the fix, saved, resumed, judged and reported.

The fixture's ``fix-average`` asks for an explanation (its ``[explanation]``
rubric: the root cause is an empty list dividing by zero); ``two-sum`` asks
for none and must be judged exactly as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from session_support import bank, fixed_now

from tui.core.attempt import AnswerLocked
from tui.core.checking import RunFinished, RunMode, RunStarted, TestFinished, TestInfo, TestStatus
from tui.core.clock import FakeClock
from tui.core.events import Edit, Snapshot
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder, analyze_text_answer
from tui.core.replay_state import fold_round
from tui.core.report import build_report
from tui.core.report_format import format_markdown, format_text
from tui.core.resume import restore
from tui.core.session import Session
from tui.core.store import load, save
from tui.core.verdict import Band, Verdict, explained_verdict, explanation_verdict

FIX = "def average(values):\n    return sum(values) / len(values) if values else 0\n"
GOOD = (
    "The function crashed on an empty list: len(values) is 0, so it would divide by zero, and `//` also "
    "floored the mean. I return 0 for empty values and use true division. A test with an empty list "
    "would have caught it, asserting average([]) == 0."
)
#: Right about the fix's effect, silent on the cause: the rubric requires the root cause.
VAGUE = "I changed the return line in `average` so that the result is now correct for the tests I ran."


def debugging_drill(explanation: str, *, passed: bool = True, finish: bool = True) -> SessionRecord:
    """A drill of fix-average: the fix submitted (every test passing, or none), ``explanation`` written, finished."""
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("fix-average"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=analyze_text_answer)
    state, attempt = session.current, session.current.attempts[0]
    clock.advance(60)
    attempt.set_answer(FIX)
    run = attempt.begin_run(RunMode.SUBMIT, state.at())
    tests = (TestInfo("test_example", "the example"), TestInfo("test_empty", "an empty list", visible=False))
    run.apply(RunStarted(tests), state.at())
    status = TestStatus.PASSED if passed else TestStatus.FAILED
    run.apply(TestFinished("test_example", status), state.at())
    run.apply(TestFinished("test_empty", status), state.at())
    run.apply(RunFinished(), state.at())
    if explanation:
        clock.advance(30)
        attempt.set_explanation(explanation[:20])
        recorder.flush()
        clock.advance(5)
        attempt.set_explanation(explanation)
    clock.advance(10)
    if finish:
        session.finish_question(0)
    recorder.flush(force=True)
    return recorder.record


def test_the_explanation_is_recorded_as_its_own_part_of_the_answer() -> None:
    record = debugging_drill(GOOD)
    events = [e for e in record.rounds[0].events if isinstance(e, Edit | Snapshot)]
    assert {e.part for e in events} == {"answer", "explanation"}
    view = fold_round(record.rounds[0], float("inf")).questions[0]
    assert view.answer == FIX
    assert view.explanation == GOOD


def test_the_explanation_survives_the_file_and_a_resume(tmp_path: Path) -> None:
    record = debugging_drill(GOOD, finish=False)
    path = tmp_path / "session.toml"
    save(record, path)
    assert 'part = "explanation"' in path.read_text(encoding="utf-8")
    again = load(path)
    assert again.rounds[0].questions[0].explanation is not None
    assert fold_round(again.rounds[0], float("inf")).questions[0].explanation == GOOD
    attempt = restore(again, bank(), FakeClock(0.0)).rounds[0].attempts[0]
    assert attempt.explanation == GOOD
    assert attempt.answer == FIX


def test_a_question_that_asks_for_no_explanation_refuses_one() -> None:
    session = Session.drill(bank().question("two-sum"), FakeClock(0.0))
    with pytest.raises(ValueError, match="no explanation"):
        session.current.attempts[0].set_explanation("anything")


def test_a_locked_explanation_cannot_change() -> None:
    session = Session.drill(bank().question("fix-average"), FakeClock(0.0))
    session.finish_question(0)
    with pytest.raises(AnswerLocked):
        session.current.attempts[0].set_explanation("too late")


@pytest.mark.parametrize(
    ("explanation", "passed", "band"),
    [
        (GOOD, True, Band.STRONG_HIRE),  # a clean fix, well explained
        ("", True, Band.NO_HIRE),  # a clean fix, not explained: capped, not sunk
        (VAGUE, True, Band.NO_HIRE),  # the root cause is required
        (GOOD, False, Band.STRONG_NO_HIRE),  # a good story does not rescue a failing fix
    ],
)
def test_the_fix_is_capped_by_its_explanation(explanation: str, passed: bool, band: Band) -> None:
    question = build_report(debugging_drill(explanation, passed=passed)).rounds[0].questions[0]
    assert question.band is band, question.verdict.reasons
    assert any(reason.startswith("What was wrong: ") for reason in question.verdict.reasons)


def test_a_question_without_an_explanation_rubric_is_judged_by_its_tests_alone() -> None:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=analyze_text_answer)
    attempt = session.current.attempts[0]
    run = attempt.begin_run(RunMode.SUBMIT, 1.0)
    run.apply(RunStarted((TestInfo("test_example", "the example"),)), 1.0)
    run.apply(TestFinished("test_example", TestStatus.PASSED), 1.0)
    run.apply(RunFinished(), 1.0)
    session.finish_question(0)
    recorder.flush(force=True)
    question = build_report(recorder.record).rounds[0].questions[0]
    assert question.band is Band.STRONG_HIRE
    assert question.explanation is None
    assert "What was wrong" not in format_text(build_report(recorder.record))


def test_the_reports_show_the_explanation_as_written() -> None:
    tricky = GOOD + "\n[bold]not markup[/bold] ```not a fence```"
    report = build_report(debugging_drill(tricky))
    text, markdown = format_text(report), format_markdown(report)
    assert "What was wrong:" in text and "[bold]not markup[/bold] ```not a fence```" in text
    assert "What was wrong:" in markdown and "[bold]not markup[/bold] ```not a fence```" in markdown
    silent = format_text(build_report(debugging_drill("")))
    assert "What was wrong: not explained." in silent


@pytest.mark.parametrize("fix", list(Band))
@pytest.mark.parametrize("explanation", list(Band))
def test_the_cap_never_raises_a_fix_and_never_sinks_it_below_no_hire(fix: Band, explanation: Band) -> None:
    combined = explained_verdict(Verdict(fix, ("fix",)), Verdict(explanation, ("explanation",))).band
    assert combined.rank <= fix.rank
    assert combined.rank >= min(fix.rank, Band.NO_HIRE.rank)
    assert combined.rank <= max(explanation.rank, Band.NO_HIRE.rank)


def test_a_missing_explanation_is_said_in_words() -> None:
    verdict = explanation_verdict(False, None, "")
    assert verdict.band is Band.STRONG_NO_HIRE
    assert verdict.reasons == ("No explanation was written.",)
    pending = explained_verdict(Verdict(Band.STRONG_NO_HIRE, ("checking",), pending=True), verdict)
    assert pending.pending


async def test_replay_shows_the_explanation_as_it_stood(tmp_path: Path) -> None:
    from conftest import current, make_app, settle
    from textual.widgets import TextArea

    from tui.app import ReplayRoute
    from tui.core.fakes import ScriptedRunner
    from tui.screens.replay import ReplayScreen

    path = tmp_path / "s.toml"
    save(debugging_drill(GOOD), path)
    app = make_app(bank(), FakeClock(), ScriptedRunner(), ReplayRoute(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen) and app.screen.is_mounted)
        replay = current(app, ReplayScreen)
        box = replay.query_one("#replay-explanation", TextArea)
        assert box.display and box.text == ""  # at 0:00 nothing was explained yet
        await pilot.press("end")
        await pilot.pause()
        assert box.text == GOOD
