"""Two mockloops, one session: the second is told in one sentence and offered a read-only replay.

The other mockloop is a real second process holding the session's lock (what
a keeper does), so the lock is tested as the kernel enforces it, not as this
process remembers it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import current, make_app, settle
from test_app_sessions_ui import DAY, SAVED, home, saved_drill, text_of

from question_bank import Bank
from tui.core.clock import FakeClock
from tui.core.fakes import ScriptedRunner
from tui.core.keeper import SessionKeeper, abandon
from tui.core.session_lock import SessionLocked, other_holder
from tui.screens.confirm import ConfirmScreen
from tui.screens.replay import ReplayScreen
from tui.screens.round import RoundScreen

ROOT = Path(__file__).resolve().parents[1]
HOLD = (
    "import sys; from pathlib import Path; from tui.core.session_lock import SessionLock; "
    "lock = SessionLock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True); sys.stdin.read()"
)


@pytest.fixture
def held(app_bank: Bank) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A saved, interrupted drill whose lock another process holds until the test ends."""
    _, path = saved_drill(app_bank, DAY)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    try:
        yield path, other
    finally:
        other.kill()
        other.wait(timeout=30)


def test_the_other_mockloop_is_named_and_nothing_can_write_the_file(
    held: tuple[Path, subprocess.Popen[str]], app_bank: Bank
) -> None:
    path, other = held
    assert other_holder(path) == other.pid
    with pytest.raises(SessionLocked, match=rf"open in another mockloop \(pid {other.pid}\); it can only be replayed"):
        SessionKeeper.resume(path, app_bank, FakeClock())
    with pytest.raises(SessionLocked):
        abandon(path)


async def test_a_second_mockloop_offers_a_read_only_replay(
    held: tuple[Path, subprocess.Popen[str]], app_bank: Bank, clock: FakeClock, runner: ScriptedRunner
) -> None:
    path, other = held
    before = path.read_bytes()
    app = make_app(app_bank, clock, runner)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(home(app).query("#home-resume")))
        banner = text_of(home(app), "#home-resume")
        assert f"open in another mockloop (pid {other.pid})" in banner and "r replay it read-only" in banner
        assert not home(app).check_action("discard", ())
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert f"(pid {other.pid})" in str(app.screen.query_one(".dialog-body").render())
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert current(app, ReplayScreen).record.rounds[0].questions[0].id == "two-sum"
        assert app.keeper is None  # nothing of it is being written here
    assert path.read_bytes() == before
    other.kill()
    other.wait(timeout=30)
    app = make_app(app_bank, clock, runner)  # the other one is gone: the session is ours to resume
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: "r resume" in text_of(home(app), "#home-resume"))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
        assert current(app, RoundScreen).current_attempt.answer.endswith(SAVED)
