"""Home's resume banner and recent sessions, and the past-sessions screen, driven with Pilot.

Session files are written with the store API into the test's own
``MOCKLOOP_HOME`` (conftest), then the app is started on Home.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import current, make_app, settle
from textual.app import App
from textual.widget import Widget
from textual.widgets import OptionList, Static

from question_bank import Bank
from tui.core import store
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.core.locations import sessions_dir
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.session import Session
from tui.screens.home import HomeScreen
from tui.screens.paused import PausedScreen
from tui.screens.replay import ReplayScreen
from tui.screens.report import ReportScreen
from tui.screens.round import RoundScreen
from tui.screens.sessions import SessionActions, SessionsScreen
from tui.widgets.code_editor import CodeEditor

SAVED = "# the answer as saved\n"
USED = 120.0  # seconds of the drill used when the file was last saved


def saved_drill(
    bank: Bank,
    when: dt.datetime,
    *,
    question: str = "two-sum",
    done: bool = False,
    paused: bool = False,
) -> tuple[SessionRecord, Path]:
    """A drill interrupted after ``USED`` seconds with ``SAVED`` appended to its answer, saved as the app would."""
    clock = FakeClock(0.0)
    session = Session.drill(bank.question(question), clock)
    recorder = Recorder(session, now=lambda: when, feedback=None)
    recorder.flush()
    clock.advance(USED)
    attempt = session.current.attempts[0]
    attempt.set_answer(attempt.answer + SAVED)
    if paused:
        session.current.pause()
    if done:
        session.finish_question(0)
        session.tick()
    recorder.flush(force=True)
    record = recorder.record
    if done:
        record.status = "finished"
    path = sessions_dir() / f"{record.id}.toml"
    store.save(record, path)
    return record, path


def showing(app: App[Any], screen_type: type, widget: type[Widget]) -> bool:
    """``screen_type`` is up and its ``widget`` is mounted (the screen switch comes first)."""
    screen = app.screen
    return isinstance(screen, screen_type) and bool(screen.query(widget))


def in_round_with_editor(app: App[Any]) -> bool:
    """The round screen is up *and* its answer panel is mounted (the screen switch comes first)."""
    screen = app.screen
    return isinstance(screen, RoundScreen) and bool(screen.query(CodeEditor))


def home(app: App[Any]) -> HomeScreen:
    return current(app, HomeScreen)


def text_of(screen: HomeScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


DAY = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)


async def test_home_offers_to_resume_and_lists_recent_sessions(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    saved_drill(app_bank, DAY)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-resume")))
        screen = home(app)
        banner = text_of(screen, "#home-resume")
        assert "interrupted session can be resumed" in banner and "2025-03-14 09:30" in banner
        assert "r resume" in banner and "d discard" in banner
        recent = text_of(screen, "#home-recent")
        assert "drill" in recent and "two-sum" in recent


async def test_no_banner_without_an_interrupted_session(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    saved_drill(app_bank, DAY, done=True)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-recent")))
        assert not home(app).query("#home-resume")
        assert not home(app).check_action("resume", ())
        await pilot.press("r")  # nothing to resume: the key does nothing
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_r_resumes_into_the_round_with_the_saved_answer_and_time(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    record, path = saved_drill(app_bank, DAY)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-resume")))
        await pilot.press("r")
        await settle(pilot, lambda: in_round_with_editor(app))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        attempt = screen.current_attempt
        assert attempt.question.id == "two-sum" and attempt.answer.endswith(SAVED)
        assert SAVED.strip() in screen.query_one(CodeEditor).text
        timer = screen.state.timer
        assert not timer.paused
        assert timer.remaining() == pytest.approx(record.rounds[0].minutes * 60 - USED)
        assert app.keeper is not None and app.keeper.path == path
    resumed = store.load(path)  # saved on exit, a "resume" event in its timeline
    assert "resume" in [e.kind for e in resumed.rounds[0].events]


async def test_a_paused_drill_resumes_paused(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    _, _path = saved_drill(app_bank, DAY, paused=True)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-resume")))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, PausedScreen))
        round_screen = next(s for s in app.screen_stack if isinstance(s, RoundScreen))
        clock.advance(300)
        await pilot.pause()
        assert round_screen.state.timer.elapsed() == pytest.approx(USED)
        await pilot.press("enter")  # resume the clock
        await settle(pilot, lambda: app.screen is round_screen)
        clock.advance(5)
        assert round_screen.state.timer.elapsed() == pytest.approx(USED + 5)


async def test_d_discards_and_the_banner_disappears(app_bank: Bank, clock: FakeClock, runner: ScriptedRunner) -> None:
    _, path = saved_drill(app_bank, DAY)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-resume")))
        await pilot.press("d")
        await settle(pilot, lambda: not home(app).query("#home-resume"))
        assert "abandoned" in text_of(home(app), "#home-recent")  # still listed, no longer offered
        assert not home(app).check_action("resume", ())
    assert store.load(path).status == "abandoned"


async def test_h_lists_sessions_newest_first_and_offers_replay_and_report(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    days = [DAY - dt.timedelta(days=n) for n in (2, 0, 1)]  # written out of order on purpose
    for n, when in enumerate(days):
        saved_drill(app_bank, when, question=("two-sum", "balanced-brackets", "two-sum")[n], done=True)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-recent")))
        await pilot.press("h")
        await settle(pilot, lambda: showing(app, SessionsScreen, OptionList))
        listing = app.screen.query_one("#sessions-list", OptionList)
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert [line[:10] for line in lines] == ["2025-03-14", "2025-03-13", "2025-03-12"]
        assert "balanced-brackets" in lines[0]

        await pilot.press("enter")  # the newest
        await settle(pilot, lambda: showing(app, SessionActions, OptionList))
        actions = app.screen.query_one(OptionList)
        assert [actions.get_option_at_index(i).id for i in range(actions.option_count)] == [
            "replay",
            "report",
            "delete",
        ]
        await pilot.press("enter")  # Replay
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen))
        replay = app.screen
        assert isinstance(replay, ReplayScreen) and replay.record.rounds[0].questions[0].id == "balanced-brackets"
        app.pop_screen()
        await settle(pilot, lambda: showing(app, SessionsScreen, OptionList))

        await pilot.press("down", "enter")  # the one before
        await settle(pilot, lambda: showing(app, SessionActions, OptionList))
        await pilot.press("down", "enter")  # Report
        await settle(pilot, lambda: isinstance(app.screen, ReportScreen))
        report = app.screen
        assert isinstance(report, ReportScreen) and report.record.created == days[2]


async def test_an_interrupted_session_in_the_list_can_be_resumed(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    saved_drill(app_bank, DAY)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-recent")))
        await pilot.press("h")
        await settle(pilot, lambda: showing(app, SessionsScreen, OptionList))
        await pilot.press("enter")
        await settle(pilot, lambda: showing(app, SessionActions, OptionList))
        actions = app.screen.query_one(OptionList)
        assert [actions.get_option_at_index(i).id for i in range(actions.option_count)] == [
            "resume",
            "replay",
            "report",
            "delete",
        ]
        await pilot.press("enter")
        await settle(pilot, lambda: in_round_with_editor(app))
        assert current(app, RoundScreen).current_attempt.answer.endswith(SAVED)


async def test_history_filters_by_mode_round_and_question_and_deletes_after_asking(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    from textual.widgets import Input

    from tui.screens.confirm import ConfirmScreen

    for n, question in enumerate(("two-sum", "balanced-brackets", "why-us")):
        saved_drill(app_bank, DAY - dt.timedelta(days=n), question=question, done=True)
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-recent")))
        await pilot.press("h")
        await settle(pilot, lambda: showing(app, SessionsScreen, OptionList))
        screen = current(app, SessionsScreen)
        assert len(screen.shown) == 3
        screen.query_one("#history-filter", Input).value = "brackets"
        await pilot.pause()
        assert [e.questions for e in screen.shown] == [("balanced-brackets",)]
        screen.query_one("#history-filter", Input).value = "drill coding-screen"  # mode and round
        await pilot.pause()
        assert sorted(e.questions[0] for e in screen.shown) == ["balanced-brackets", "two-sum"]
        screen.query_one("#history-filter", Input).value = "onsite"
        await pilot.pause()
        assert screen.shown == []
        screen.query_one("#history-filter", Input).value = ""
        await pilot.pause()
        screen.query_one(OptionList).focus()
        await pilot.press("delete")  # the newest: two-sum
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # not without saying yes
        await settle(pilot, lambda: app.screen is screen)
        assert len(list(sessions_dir().glob("*.toml"))) == 3
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot, lambda: app.screen is screen and len(screen.shown) == 2)
        assert "two-sum" not in [e.questions[0] for e in screen.shown]
    assert len(list(sessions_dir().glob("*.toml"))) == 2
