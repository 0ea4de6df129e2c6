"""Session files: save time and size of a 60-minute round edited every second, load + seek, history listing.

Baselines, run side by side on the same data:
- save: ``tomllib``-free ``json.dumps`` of the same record (what the fastest
  plain serializer costs) — the ratio is what TOML + atomic fsync add;
- load + seek: ``tomllib.loads`` of the same file alone — the ratio is what
  strict validation and folding the events up to t add;
- history: a bare ``os.scandir`` of the folder with a stat per file — the ratio
  is what reading and checking the index adds, for 1,000 and 10,000 sessions;
  then one session saved as the autosave does (its index line updated in the
  save's thread), and the listing that follows (which must re-read nothing).
- autosave: what a save costs the event loop (copying the record), the rest
  running in a worker thread.

Usage: uv run python bench/sessions.py
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from session_support import bank, fixed_now

from tui.core import history, store
from tui.core.clock import FakeClock
from tui.core.history import list_sessions
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.replay_state import state_at
from tui.core.session import Session


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def sixty_minutes() -> Recorder:
    """A 60-minute drill-like round typed into every second, with a run every 5 minutes."""
    from session_support import TWO_SUM_TESTS

    from tui.core.checking import RunMode
    from tui.core.fakes import scripted_run

    question = bank().question("two-sum")
    clock = FakeClock(0.0)
    session = Session.drill(question, clock)
    session.rounds[0].timer.duration = 3600.0
    recorder = Recorder(session, now=fixed_now, feedback=None)
    attempt = session.current.attempts[0]
    text = attempt.answer
    for second in range(3600):
        clock.advance(1.0)
        if second % 40 == 39:
            text += "\n"
        else:
            text += "abcdefghij"[second % 10]
        attempt.set_answer(text)
        if second % 300 == 299:
            run = attempt.begin_run(RunMode.RUN, session.current.at())
            for event in scripted_run(TWO_SUM_TESTS, {}):
                run.apply(event, session.current.at())
        recorder.flush()
    return recorder


def loop_stall(recorder: Recorder, path: Path) -> tuple[float, float]:
    """The longest gap between two turns of a busy event loop while one background save runs, vs a save on the loop."""
    import asyncio

    from tui.core.autosave import Autosaver, BackgroundSaver

    async def measure(background: bool) -> float:
        saver = Autosaver(recorder, path)
        recorder.dirty = True
        worst, last, done = 0.0, time.perf_counter(), asyncio.Event()

        async def ticker() -> None:
            nonlocal worst, last
            while not done.is_set():
                await asyncio.sleep(0)
                now = time.perf_counter()
                worst, last = max(worst, now - last), now

        task = asyncio.create_task(ticker())
        await asyncio.sleep(0)
        last = time.perf_counter()
        if background:
            saving = BackgroundSaver(lambda notice: None)
            saving.request(saver, force=True)
            await saving.flush()
        else:
            saver.save_if_due(force=True)
            await asyncio.sleep(0)
        done.set()
        await task
        return worst

    return (min(asyncio.run(measure(True)) for _ in range(3)), min(asyncio.run(measure(False)) for _ in range(3)))


def main() -> None:
    recorder = sixty_minutes()
    record = recorder.record
    folder = Path(tempfile.mkdtemp(prefix="mockloop-bench-"))
    try:
        path = folder / "s.toml"
        events = len(record.rounds[0].events)
        save = best(lambda: store.save(record, path))
        size = path.stat().st_size
        as_json = best(lambda: json.dumps(store.to_dict(record), default=str))
        print(
            f"save: 60-minute round, {events} events: {save * 1000:.1f} ms, {size / 1024:.0f} KiB "
            f"(json.dumps of the same: {as_json * 1000:.1f} ms, ratio {save / as_json:.1f}x)"
        )
        on_loop = best(lambda: store.snapshot(record), 20)
        print(
            f"autosave: on the event loop {on_loop * 1000:.3f} ms (copying the record); "
            f"dumping + writing run in a worker thread ({save / on_loop:.0f}x less time on the loop)"
        )
        stall, plain = loop_stall(recorder, folder / "bg.toml")
        print(
            f"autosave: longest event-loop stall during a background save {stall * 1000:.1f} ms "
            f"(saving on the loop instead: {plain * 1000:.1f} ms; the writer thread still shares the GIL, "
            f"switch interval {sys.getswitchinterval() * 1000:.0f} ms)"
        )
        data = path.read_bytes()
        parse = best(lambda: tomllib.loads(data.decode()))
        load = best(lambda: store.load(path))
        loaded = store.load(path)
        seeks = [state_at(loaded, 0, t) for t in (0, 900, 1800, 2700, math.inf)]
        seek = best(lambda: [state_at(loaded, 0, t) for t in range(0, 3600, 360)]) / 10
        print(
            f"load: {load * 1000:.1f} ms (tomllib alone {parse * 1000:.1f} ms, ratio {load / parse:.2f}x); "
            f"seek: {seek * 1000:.2f} ms per state_at; final answer {len(seeks[-1].questions[0].answer)} chars"
        )
        small = store.dumps(_small_record())
        for count in (1_000, 10_000):
            history_listing(folder / f"h{count}", count, small)
    finally:
        shutil.rmtree(folder)


def history_listing(sessions: Path, count: int, small: bytes) -> None:
    """History listing over ``count`` small sessions: with the index, bare, and after one autosave."""
    sessions.mkdir()
    for i in range(count):
        (sessions / f"s{i:05d}.toml").write_bytes(small)
    start = time.perf_counter()
    list_sessions(sessions)
    cold = time.perf_counter() - start
    warm = best(lambda: list_sessions(sessions), 3)
    bare = best(lambda: [e.stat() for e in os.scandir(sessions)], 3)
    print(
        f"history {count:>6,} sessions: {warm * 1000:.1f} ms with the index "
        f"(scandir + stat alone {bare * 1000:.1f} ms, ratio {warm / bare:.1f}x; "
        f"first listing, building the index: {cold:.2f} s)"
    )
    live = sessions / "s00000.toml"
    saved = _small_record()
    saved.status = "abandoned"

    def save_and_remember() -> None:
        store.save(saved, live)
        history.remember(live, saved)

    remember = best(save_and_remember, 3)
    reads: list[Path] = []
    real_summarize = history.summarize

    def counting_summarize(path: Path, size: int, mtime_ns: int) -> history.HistoryEntry:
        reads.append(path)
        return real_summarize(path, size, mtime_ns)

    history.summarize = counting_summarize
    try:
        after = best(lambda: list_sessions(sessions, write_index=False), 1)
    finally:
        history.summarize = real_summarize
    print(
        f"  after an autosave (index line updated, {remember * 1000:.1f} ms in the save's thread): "
        f"listing {after * 1000:.1f} ms, files re-read: {len(reads)}"
    )


def _small_record() -> SessionRecord:
    from session_support import scripted_onsite

    record = scripted_onsite(rounds=1, feedback=False).recorder.record
    record.created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return record


if __name__ == "__main__":
    main()
