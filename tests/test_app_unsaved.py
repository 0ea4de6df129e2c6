"""No silent loss: quitting while saves fail asks to keep trying, save elsewhere, or lose the last N seconds.

Saving is made to fail the way a full disk does (``OSError`` from the atomic
writer, for the sessions folder only): the tests run as root, where a
read-only folder would still be writable.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from cli_support import run_mockloop
from conftest import current, make_app, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Input

from question_bank import Bank
from tui.app import DrillRoute, MockloopApp
from tui.core import atomic, store
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.core.locations import sessions_dir
from tui.core.replay_state import state_at
from tui.screens.quit import QuitScreen
from tui.screens.round import RoundScreen
from tui.screens.unsaved import UnsavedScreen


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = atomic.write_atomically

    def write(path: Path, data: bytes) -> None:
        if Path(path).parent == sessions_dir():
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(store, "write_atomically", write)


async def quit_keeping(app: MockloopApp, pilot: Pilot[int]) -> UnsavedScreen:
    await pilot.press("ctrl+q")
    await settle(pilot, lambda: isinstance(app.screen, QuitScreen))
    await pilot.press("k")
    await settle(pilot, lambda: isinstance(app.screen, UnsavedScreen))
    return current(app, UnsavedScreen)


async def start(app: MockloopApp, pilot: Pilot[int], text: str) -> None:
    await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
    current(app, RoundScreen).view(0).answer_panel.focus_answer()
    await type_text(pilot, text)
    app.save_session(force=True)
    await settle(pilot, lambda: app.keeper is not None and app.keeper.autosaver.failing)


async def test_keep_trying_stays_and_lose_quits_without_the_file(
    full_disk: None, app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, "# typed on a full disk\n")
        dialog = await quit_keeping(app, pilot)
        title = str(dialog.query_one("#unsaved-title").render())
        assert re.fullmatch(r"The last \d+ s are not saved", title)
        assert "No space left on device" in str(dialog.query_one(".dialog-body").render())
        await pilot.press("enter")  # the focused button: keep trying
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.is_running
        dialog = await quit_keeping(app, pilot)
        await pilot.click("#lose")
        await settle(pilot, lambda: not app.is_running)
    assert not list(sessions_dir().glob("*.toml"))


async def test_save_elsewhere_writes_the_session_there_then_quits(
    full_disk: None, app_bank: Bank, clock: FakeClock, runner: ScriptedRunner, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, "# rescued\n")
        dialog = await quit_keeping(app, pilot)
        field = dialog.query_one("#unsaved-folder", Input)
        field.value = str(tmp_path / "nowhere")
        await pilot.click("#elsewhere")
        await settle(pilot, lambda: isinstance(app.screen, UnsavedScreen) and app.screen is not dialog)
        dialog = current(app, UnsavedScreen)
        await pilot.pause()
        assert "Could not save to" in str(dialog.query_one("#unsaved-problem").render())
        dialog.query_one("#unsaved-folder", Input).value = str(elsewhere)
        await pilot.click("#elsewhere")
        await settle(pilot, lambda: not app.is_running)
    (copy,) = elsewhere.glob("*.toml")
    assert "# rescued" in state_at(store.load(copy), 0, float("inf")).questions[0].answer


async def test_a_file_where_the_sessions_folder_should_be_is_a_failed_save_not_a_crash(
    app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    folder = sessions_dir(create=False)
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    app = make_app(app_bank, clock, runner, DrillRoute("two-sum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start(app, pilot, "# no folder to save in\n")
        notices = [n.message for n in app._notifications if n.title == "Autosave"]
        assert len(notices) == 1 and "Could not save the session" in notices[0]
        await quit_keeping(app, pilot)
        await pilot.click("#lose")
        await settle(pilot, lambda: not app.is_running)
    result = run_mockloop("history")
    assert result.returncode == 2 and "cannot be listed" in result.stderr and result.stderr.count("\n") == 1
