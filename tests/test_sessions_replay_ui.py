"""Replay's keys and panes, with Pilot: home/end, no wrapping between rounds, the answer follows the edit."""

from __future__ import annotations

from pathlib import Path

from conftest import current, make_app, settle
from session_support import bank, scripted_onsite
from test_sessions_store import drill_with_everything
from textual.widgets import DataTable

from tui.app import MockloopApp, ReplayRoute
from tui.core import store
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.core.record import SessionRecord
from tui.screens.replay import ReplayScreen
from tui.widgets.code_editor import CodeEditor


def app_for(path: Path) -> MockloopApp:
    return make_app(bank(), FakeClock(), ScriptedRunner(), ReplayRoute(path))


def saved(tmp_path: Path, record: SessionRecord) -> Path:
    path = tmp_path / "s.toml"
    store.save(record, path)
    return path


async def test_home_end_and_arrows_move_t_whatever_has_the_focus(tmp_path: Path) -> None:
    app = app_for(saved(tmp_path, scripted_onsite().recorder.record))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen) and app.screen.is_mounted)
        replay = current(app, ReplayScreen)
        await pilot.press("right_square_bracket")  # the 45-minute coding round
        replay.query_one("#replay-prompt").focus()  # a scroll view: it has home/end of its own
        await pilot.press("end")
        assert replay.t == replay.length() > 0
        await pilot.press("home")
        assert replay.t == 0
        await pilot.press("right", "right")
        assert replay.t == 20
        await pilot.press("left")
        assert replay.t == 10


async def test_the_last_round_stays_put(tmp_path: Path) -> None:
    app = app_for(saved(tmp_path, scripted_onsite().recorder.record))  # rounds 1 and 2 were taken
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen) and app.screen.is_mounted)
        replay = current(app, ReplayScreen)
        await pilot.press("left_square_bracket")  # already the first round
        assert (replay.round_index, replay.t) == (0, 0)
        await pilot.press("right_square_bracket")
        assert replay.round_index == 1
        await pilot.press("right", "right", "right")
        await pilot.press("right_square_bracket")  # the last round taken: nothing to go to
        assert (replay.round_index, replay.t) == (1, 30)


async def test_the_answer_pane_follows_the_edit(tmp_path: Path) -> None:
    record = drill_with_everything().record  # 400 lines appended one a second
    app = app_for(saved(tmp_path, record))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen) and app.screen.is_mounted)
        replay = current(app, ReplayScreen)
        editor = replay.query_one("#replay-answer", CodeEditor)
        replay.seek(300)
        await pilot.pause()
        row = editor.cursor_location[0]
        assert row > 250 and editor.scroll_y > 0  # the lines being written, not the top of the file
        assert editor.scroll_y <= row < editor.scroll_y + editor.scrollable_content_region.height


async def test_a_written_answer_shows_no_empty_test_table(tmp_path: Path) -> None:
    app = app_for(saved(tmp_path, scripted_onsite().recorder.record))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen) and app.screen.is_mounted)
        replay = current(app, ReplayScreen)
        await pilot.press("end")
        assert not replay.query_one("#replay-tests", DataTable).display  # round 1: a motivation answer
        await pilot.press("right_square_bracket", "end")
        assert replay.query_one("#replay-tests", DataTable).display  # round 2: code, with results
