"""Resume: a session restored from its file continues with its answers, results and clock."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from session_support import bank, scripted_onsite

from tui.core import store
from tui.core.clock import FakeClock
from tui.core.keeper import SessionKeeper
from tui.core.replay_state import state_at
from tui.core.resume import ResumeError, latest_resumable, restore
from tui.core.session import SessionPhase

ROOT = Path(__file__).resolve().parents[1]


def test_restore_continues_where_the_file_stopped(tmp_path: Path) -> None:
    script = scripted_onsite()
    path = tmp_path / "s.toml"
    store.save(script.recorder.record, path)
    clock = FakeClock(50_000.0)
    session = restore(store.load(path), bank(), clock)
    original = script.session
    assert session.position == original.position and session.phase is SessionPhase.ROUND_OVER
    for new, old in zip(session.rounds[:2], original.rounds[:2], strict=True):
        assert new.ended and new.end_reason == old.end_reason
        assert new.timer.elapsed() == pytest.approx(old.timer.elapsed(), abs=0.01)
        for a, b in zip(new.attempts, old.attempts, strict=True):
            assert a.answer == b.answer
            assert [h.index for h in a.hints] == [h.index for h in b.hints]
            assert [x.index for x in a.asks] == [x.index for x in b.asks]
            assert [(r.mode, r.passed, r.total, r.outcome) for r in a.runs] == [
                (r.mode, r.passed, r.total, r.outcome) for r in b.runs
            ]
            assert a.locked
    session.advance()  # the onsite goes on to round 3, whose clock starts now
    assert session.current.index == 2 and session.current.timer.remaining() == 45 * 60


def test_a_round_in_progress_keeps_its_remaining_time(tmp_path: Path) -> None:
    script = scripted_onsite(rounds=1)
    script.session.advance()
    script.tick(100)
    script.type(0, "def two_sum(nums, target):\n    return None\n")
    script.tick(2)
    path = tmp_path / "s.toml"
    store.save(script.recorder.record, path)
    clock = FakeClock(7.0)
    keeper = SessionKeeper.resume(path, bank(), clock)
    state = keeper.session.current
    assert keeper.session.phase is SessionPhase.IN_ROUND
    assert state.timer.elapsed() == pytest.approx(102, abs=0.01)
    assert state.attempts[0].answer.endswith("return None\n")
    clock.advance(10)
    keeper.tick(force=True)
    again = store.load(path)
    kinds = [e.kind for e in again.rounds[1].events]
    assert "resume" in kinds and again.rounds[1].elapsed == pytest.approx(112, abs=0.01)


def test_finished_sessions_cannot_be_resumed(tmp_path: Path) -> None:
    record = scripted_onsite(rounds=1).recorder.record
    record.status = "finished"
    with pytest.raises(ResumeError, match="nothing to resume"):
        restore(record, bank(), FakeClock())


def test_latest_resumable_skips_finished_and_abandoned(tmp_path: Path) -> None:
    a = scripted_onsite(rounds=1).recorder.record
    store.save(a, tmp_path / f"{a.id}.toml")
    assert latest_resumable(tmp_path) == tmp_path / f"{a.id}.toml"
    a.status = "abandoned"
    store.save(a, tmp_path / f"{a.id}.toml")
    assert latest_resumable(tmp_path) is None


T = TypeVar("T")


def _wait_for(predicate: Callable[[], T | None], timeout: float = 60.0) -> T:
    """Poll a condition another process makes true (a file it writes), up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def test_kill_9_then_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "MOCKLOOP_HOME": str(home)}
    marker = "# killed midway"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "session_driver.py"), "two-sum", marker],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        sessions = home / "data" / "sessions"

        def saved() -> Path | None:
            for path in sessions.glob("*.toml") if sessions.exists() else ():
                try:
                    record = store.load(path)
                except store.SessionFileError:
                    continue  # never half-written, but be patient with the first write
                rec = record.rounds[0]
                answer = state_at(record, 0, math.inf).questions[0].answer
                if any(e.kind == "result" for e in rec.events) and marker in answer:
                    return path
            return None

        path = _wait_for(saved)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    record = store.load(path)
    assert record.resumable
    clock = FakeClock(0.0)
    session = restore(record, bank(), clock)
    attempt = session.current.attempts[0]
    assert marker in attempt.answer
    assert attempt.runs and attempt.runs[0].passed == attempt.runs[0].total == 3
    elapsed = session.current.timer.elapsed()
    assert 0 < elapsed < 60 and session.current.timer.remaining() == pytest.approx(
        session.current.timer.duration - record.rounds[0].elapsed
    )


async def test_kill_9_then_resume_from_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app killed mid-drill: its lock dies with it, and Home resumes the drill as it was last saved."""
    from conftest import current, make_app, settle

    from tui.core.fakes import ScriptedRunner
    from tui.screens.home import HomeScreen
    from tui.screens.round import RoundScreen

    home = tmp_path / "home"
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    marker = "# killed, then resumed"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "session_driver.py"), "two-sum", marker],
        cwd=ROOT,
        env={**os.environ, "MOCKLOOP_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    sessions = home / "data" / "sessions"

    def saved() -> Path | None:
        for path in sessions.glob("*.toml") if sessions.exists() else ():
            try:
                record = store.load(path)
            except store.SessionFileError:
                continue
            if marker in state_at(record, 0, math.inf).questions[0].answer:
                return path
        return None

    try:
        path = _wait_for(saved)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    app = make_app(bank(), FakeClock(0.0), ScriptedRunner())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(current(app, HomeScreen).query("#home-resume")))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.is_mounted)
        assert marker in current(app, RoundScreen).current_attempt.answer
        assert app.keeper is not None and app.keeper.path == path and app.keeper.lock.held
