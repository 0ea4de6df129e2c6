"""One lifecycle, driven with Pilot: finish, quit and keep, quit and discard, quit and finish now.

Each path ends with the file on disk, because the file is what history, Home
and the resume offer read: a finished drill is ``finished`` (never offered
for resume), a kept one ``in_progress`` (offered), a discarded one
``abandoned`` (listed, not offered).
"""

from __future__ import annotations

from pathlib import Path

from conftest import TWO_SUM_TESTS, current, make_app, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Button

from question_bank import Bank
from tui.app import DrillRoute, MockloopApp
from tui.core import store
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner, scripted_run
from tui.core.history import list_sessions
from tui.core.locations import sessions_dir
from tui.core.record import SessionRecord
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.quit import QuitScreen
from tui.screens.round import RoundScreen
from tui.screens.round_summary import RoundSummaryScreen


def saved() -> tuple[Path, SessionRecord]:
    (path,) = sessions_dir().glob("*.toml")
    return path, store.load(path)


async def start_drill(app: MockloopApp, pilot: Pilot[int], text: str) -> RoundScreen:
    await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
    screen = current(app, RoundScreen)
    screen.view(0).answer_panel.focus_answer()
    await type_text(pilot, text)
    return screen


async def test_a_finished_drill_is_finished_everywhere(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_drill(app, pilot, "# done\n")
        clock.advance(60)
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, RoundSummaryScreen) and len(runner.calls) == 1)
        for event in scripted_run(TWO_SUM_TESTS, {}):
            await runner.last.push(event)
        assert not app.interview_in_progress()
        await pilot.press("escape")  # Home, from a drill's summary
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#home-recent")))
        assert not app.screen.query("#home-resume")  # nothing to resume
        assert not app.screen.check_action("resume", ())
        await pilot.press("ctrl+q")  # a finished drill: quitting does not ask
        await settle(pilot, lambda: not app.is_running)
    _, record = saved()
    assert record.status == "finished" and not record.resumable
    (entry,) = list_sessions()
    assert entry.status == "finished" and not entry.resumable and "in progress" not in entry.outcome


async def test_quit_and_keep_leaves_it_to_resume(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_drill(app, pilot, "# keep me\n")
        clock.advance(30)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
        assert "Quit the drill?" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("enter")  # the focused button: Keep
        await settle(pilot, lambda: not app.is_running)
    _, record = saved()
    assert record.status == "in_progress" and record.resumable
    (entry,) = list_sessions()
    assert entry.resumable
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(current(app, HomeScreen).query("#home-resume")))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
        assert "# keep me" in current(app, RoundScreen).current_attempt.answer


async def test_quit_and_discard_abandons_it(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_drill(app, pilot, "# throw away\n")
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
        await pilot.click("#discard")
        await settle(pilot, lambda: not app.is_running)
    _, record = saved()
    assert record.status == "abandoned" and not record.resumable
    (entry,) = list_sessions()
    assert entry.status == "abandoned" and "abandoned" in entry.outcome


async def test_quit_and_finish_now_submits_then_exits(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_drill(app, pilot, "# final\n")
        clock.advance(90)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
        assert str(app.screen.query_one("#finish", Button).label) == "Finish now"
        await pilot.press("f")
        await settle(pilot, lambda: len(runner.calls) == 1)
        assert app.is_running  # waiting for the submission's results
        for event in scripted_run(TWO_SUM_TESTS, {}):
            await runner.last.push(event)
        await settle(pilot, lambda: not app.is_running)
    _, record = saved()
    assert record.status == "finished"
    events = record.rounds[0].events
    kinds = [e.kind for e in events]
    assert "result" in kinds and kinds[-1] != "run"
    assert record.rounds[0].end == "finished"


async def test_an_answer_over_the_limit_is_said_once_and_not_saved_or_run(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from tui.core.attempt import MAX_ANSWER_BYTES

    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_drill(app, pilot, "# small\n")
        app.save_session()
        saved_answer = screen.current_attempt.answer
        await type_text(pilot, "#" * MAX_ANSWER_BYTES)
        app.save_session()
        app.save_session()
        await pilot.pause()
        notices = [n for n in app._notifications if n.title == "Answer too long"]
        assert len(notices) == 1 and "over the 1 MiB limit" in notices[0].message
        assert screen.current_attempt.answer == saved_answer
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert runner.calls == []  # what is shown is not what would run
