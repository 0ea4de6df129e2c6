"""Autosave off the event loop, the shared atomic write, the history index kept fresh, paused drills resumed paused."""

from __future__ import annotations

import asyncio
import errno
import math
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from session_support import bank, fixed_now, scripted_onsite

from tui.core import atomic, history, store
from tui.core.autosave import Autosaver, BackgroundSaver, SaveNotice
from tui.core.clock import FakeClock
from tui.core.keeper import SessionKeeper
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.replay_state import state_at
from tui.core.resume import restore
from tui.core.session import Session

WAIT = 30.0  # seconds a test waits for a thread before calling it a hang (never reached when all is well)


# -- the atomic write --------------------------------------------------------------------


def test_write_atomically_replaces_and_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "f.bin"
    atomic.write_atomically(path, b"one")
    atomic.write_atomically(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in path.parent.iterdir()] == ["f.bin"]


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.bin"
    atomic.write_atomically(path, b"old")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        atomic.write_atomically(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["f.bin"]


def test_store_and_config_share_the_atomic_write() -> None:
    import inspect

    from tui.core import config

    for module in (store, config, history):
        assert "mkstemp" not in inspect.getsource(module)
    assert store.write_atomically is atomic.write_atomically
    assert config.write_atomically is atomic.write_atomically


# -- saving in the background ------------------------------------------------------------


def drill(clock: FakeClock) -> tuple[Session, Recorder]:
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=None)
    recorder.flush()
    return session, recorder


class GatedWrite:
    """Stands in for the atomic write: each call announces itself and waits until released."""

    def __init__(self, real: Callable[[Path, bytes], None]) -> None:
        self.real = real
        self.calls = 0
        self.started = threading.Event()
        self.release = threading.Event()
        self.on_loop = False

    def __call__(self, path: Path, data: bytes) -> None:
        self.calls += 1
        try:
            asyncio.get_running_loop()
            self.on_loop = True
        except RuntimeError:
            pass
        self.started.set()
        assert self.release.wait(WAIT), "the test never released the write"
        self.real(path, data)


async def test_saves_run_off_the_loop_one_at_a_time_and_coalesce(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(0.0)
    session, recorder = drill(clock)
    path = tmp_path / "d.toml"
    saver = Autosaver(recorder, path)
    gate = GatedWrite(store.write_atomically)
    monkeypatch.setattr(store, "write_atomically", gate)
    notices: list[SaveNotice] = []
    background = BackgroundSaver(notices.append)

    background.request(saver, force=True)
    assert background.busy
    assert await asyncio.to_thread(gate.started.wait, WAIT)
    # The write is blocked in its thread, and this coroutine still runs: the loop is free.
    attempt = session.current.attempts[0]
    for text in ("a", "ab", "abc"):
        clock.advance(2)
        attempt.set_answer(text)
        recorder.flush(force=True)
        background.request(saver, force=True)  # coalesced: one more save, not three
    assert gate.calls == 1 and recorder.dirty  # the changes after the copy are not saved yet
    gate.release.set()
    await background.flush()
    assert gate.calls == 2 and not gate.on_loop
    assert not recorder.dirty and not background.busy and notices == []
    assert state_at(store.load(path), 0, math.inf).questions[0].answer == "abc"


async def test_a_failed_background_save_is_shown_once_retried_and_kept_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(0.0)
    session, recorder = drill(clock)
    path = tmp_path / "d.toml"
    now = [0.0]
    saver = Autosaver(recorder, path, clock=lambda: now[0], retry=5)
    real = store.write_atomically

    def full_disk(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "write_atomically", full_disk)
    notices: list[SaveNotice] = []
    background = BackgroundSaver(notices.append)
    background.request(saver, force=True)
    await background.flush()
    assert [n.severity for n in notices] == ["error"] and "No space left" in notices[0].message
    session.current.attempts[0].set_answer("kept")
    recorder.flush(force=True)
    now[0] += 1
    background.request(saver)
    assert not background.busy  # not retried before the retry interval
    now[0] += 5
    background.request(saver)
    await background.flush()
    assert len(notices) == 1 and recorder.dirty and not path.exists()  # failing again: silent
    monkeypatch.setattr(store, "write_atomically", real)
    now[0] += 5
    background.request(saver)
    await background.flush()
    assert [n.severity for n in notices] == ["error", "information"]
    assert not recorder.dirty
    assert state_at(store.load(path), 0, math.inf).questions[0].answer == "kept"


def test_a_save_covers_only_the_changes_in_its_copy(tmp_path: Path) -> None:
    clock = FakeClock(0.0)
    session, recorder = drill(clock)
    saver = Autosaver(recorder, tmp_path / "d.toml")
    pending = saver.begin()
    session.current.attempts[0].reveal_hint(session.current.at())  # urgent, after the copy
    recorder.flush()
    pending.write()
    assert saver.finish(pending) is None
    assert recorder.dirty and recorder.urgent and saver.due()
    assert "hint" not in [e.kind for e in store.load(saver.path).rounds[0].events]


# -- the history index follows the saves -----------------------------------------------


def test_each_save_refreshes_its_index_line_so_listing_reads_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = scripted_onsite(rounds=1).recorder.record
    store.save(older, tmp_path / f"{older.id}.toml")
    assert len(history.list_sessions(tmp_path)) == 1  # builds the index
    clock = FakeClock(0.0)
    session, recorder = drill(clock)
    keeper = SessionKeeper(session, recorder.record, tmp_path / "new.toml")
    for text in ("x", "xy"):
        clock.advance(5)
        session.current.attempts[0].set_answer(text)
        assert keeper.tick(force=True) is None

    def no_reading(*_: object) -> None:
        raise AssertionError("a saved session was read back to list it")

    monkeypatch.setattr(history, "summarize", no_reading)
    entries = history.list_sessions(tmp_path)
    assert sorted(e.name for e in entries) == sorted(["new.toml", f"{older.id}.toml"])
    new = next(e for e in entries if e.name == "new.toml")
    assert new.mode == "drill" and new.questions == ("two-sum",) and new.resumable
    assert new.outcome.startswith("in progress")


def test_remember_starts_an_index_and_a_listing_completes_it(tmp_path: Path) -> None:
    a = scripted_onsite(rounds=1).recorder.record
    store.save(a, tmp_path / "a.toml")
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    assert SessionKeeper(session, path=tmp_path / "b.toml").tick(force=True) is None
    index = history._read_index(tmp_path / history.INDEX_NAME)
    assert list(index) == ["b.toml"]  # no index yet: the save starts one with its own line
    assert sorted(e.name for e in history.list_sessions(tmp_path)) == ["a.toml", "b.toml"]
    assert sorted(history._read_index(tmp_path / history.INDEX_NAME)) == ["a.toml", "b.toml"]


# -- pause survives a crash -----------------------------------------------------------


def test_a_paused_drill_resumes_paused_and_its_clock_stays_still(tmp_path: Path) -> None:
    clock = FakeClock(1000.0)
    session = Session.drill(bank().question("two-sum"), clock)
    path = tmp_path / "d.toml"
    keeper = SessionKeeper(session, path=path)
    keeper.tick()
    clock.advance(90)
    session.current.attempts[0].set_answer("paused here")
    session.current.pause()
    now = [0.0]
    keeper.autosaver.clock = lambda: now[0]
    keeper.tick()  # a pause is urgent: saved at once, not at the next beat
    assert not keeper.recorder.dirty
    record = store.load(path)
    assert record.rounds[0].paused and record.rounds[0].elapsed == pytest.approx(90)

    keeper.release()  # the process died (the kernel drops its lock); a new one starts, much later
    later = FakeClock(50_000.0)
    resumed = SessionKeeper.resume(path, bank(), later)
    timer = resumed.session.current.timer
    assert timer.paused and timer.elapsed() == pytest.approx(90)
    later.advance(600)
    assert timer.elapsed() == pytest.approx(90)  # paused: the clock does not move
    assert resumed.session.current.attempts[0].answer == "paused here"
    resumed.tick(force=True)
    assert store.load(path).rounds[0].paused  # saved again, still paused
    resumed.session.current.unpause()
    later.advance(10)
    assert timer.elapsed() == pytest.approx(100)
    resumed.tick()
    again = store.load(path)
    assert not again.rounds[0].paused and [e.kind for e in again.rounds[0].events][-1] == "unpause"


def test_restoring_a_running_drill_keeps_it_running(tmp_path: Path) -> None:
    clock = FakeClock(0.0)
    _session, recorder = drill(clock)
    clock.advance(30)
    recorder.flush()
    resumed = restore(store.snapshot(recorder.record), bank(), FakeClock(9.0))
    assert not resumed.current.timer.paused and resumed.current.timer.elapsed() == pytest.approx(30)


def test_typing_saves_leave_the_index_alone_until_the_line_can_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered: list[Path] = []
    real = history.remember

    def counting(path: Path, record: SessionRecord) -> None:
        remembered.append(path)
        real(path, record)

    monkeypatch.setattr(history, "remember", counting)
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    keeper = SessionKeeper(session, path=tmp_path / "d.toml")
    keeper.autosaver.clock = clock.now
    assert keeper.tick() is None and len(remembered) == 1  # the first save writes its line
    for second in range(1, 13):
        clock.advance(1)
        session.current.attempts[0].set_answer(f"# {second}")
        keeper.tick()
    assert keeper.autosaver.saves >= 4 and len(remembered) == 1  # typing never changes the line
    session.finish_question(0)  # the round ends: its verdict, so the line, changes
    keeper.tick()
    assert len(remembered) == 2
    assert history.list_sessions(tmp_path)[0].status == "finished"
