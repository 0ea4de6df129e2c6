"""Session files: save time (60-minute onsite, 1 MiB answer), resume time, history listing for 10,000 sessions.

Goals (issue 14): a save under 30 ms typically and under 200 ms at the answer
limit; a history listing of 10,000 sessions under 0.5 s.

- save: what the autosave's worker does (dump + atomic write with fsync), for
  an onsite 60 minutes in (round 1 used up, round 2 at 40:00, typed into every
  second, a run every 5 minutes) and for a drill whose answer was pasted up to
  the 1 MiB limit then typed into. "typical" is the median of saves made every
  3 seconds of typing (the autosave's beat); "cold" is the first save of a
  record whose TOML is not kept yet (just resumed, or a 1 MiB paste);
- baseline: ``tomli_w.dumps`` of the whole record, which is what a save cost
  before the TOML of past events was kept;
- resume: ``SessionKeeper.resume`` (read, check, fold, rebuild the session);
- history: listing with the index (and the first listing, which builds it),
  against a bare ``os.scandir`` + ``stat``; then one autosave's index update.

Usage: uv run python bench/sessions.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from session_support import TWO_SUM_TESTS, bank, fixed_now, new_onsite

from tui.core import history, store
from tui.core.attempt import MAX_ANSWER_BYTES
from tui.core.checking import RunMode
from tui.core.clock import FakeClock
from tui.core.fakes import scripted_run
from tui.core.history import list_sessions
from tui.core.keeper import SessionKeeper
from tui.core.record import SessionRecord
from tui.core.recorder import Recorder
from tui.core.session import Session
from tui.core.session_toml import SessionToml


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Typist:
    """Types into the current round's first question once a second, running it every 5 minutes."""

    def __init__(self, session: Session, clock: FakeClock, recorder: Recorder) -> None:
        self.session, self.clock, self.recorder = session, clock, recorder

    def type_for(self, seconds: int, *, save: Callable[[], object] | None = None) -> list[float]:
        state = self.session.current
        attempt = state.attempts[0]
        saves: list[float] = []
        for second in range(seconds):
            self.clock.advance(1.0)
            text = attempt.answer + ("\n" if second % 40 == 39 else "abcdefghij"[second % 10])
            attempt.set_answer(text)
            if attempt.question.code is not None and second % 300 == 299:
                run = attempt.begin_run(RunMode.RUN, state.at())
                for event in scripted_run([t for t in TWO_SUM_TESTS if t.visible], {}):
                    run.apply(event, state.at())
            self.recorder.flush()
            if save is not None and second % 3 == 2:
                saves.append(timed(save))
        return saves


def onsite_sixty_minutes() -> tuple[Recorder, Typist]:
    clock = FakeClock(0.0)
    session, _ = new_onsite(clock)
    recorder = Recorder(session, now=fixed_now, feedback=None)
    typist = Typist(session, clock, recorder)
    session.begin()
    typist.type_for(20 * 60)  # round 1 runs out
    clock.advance(1)
    session.tick()
    session.advance()
    typist.type_for(40 * 60 - 60)  # round 2 up to 39:00; the last minute is measured
    return recorder, typist


def pasted_drill() -> tuple[Recorder, Typist]:
    clock = FakeClock(0.0)
    session = Session.drill(bank().question("two-sum"), clock)
    recorder = Recorder(session, now=fixed_now, feedback=None)
    typist = Typist(session, clock, recorder)
    typist.type_for(60)
    attempt = session.current.attempts[0]
    line = "    total += value * weight  # a long pasted answer\n"
    clock.advance(1)
    attempt.set_answer((attempt.answer + line * (MAX_ANSWER_BYTES // len(line)))[: MAX_ANSWER_BYTES - 200])
    recorder.flush()
    return recorder, typist


def fresh_copy(record: SessionRecord) -> SessionRecord:
    """The record as a resumed app holds it: nothing of its TOML kept yet."""
    return dataclasses.replace(store.snapshot(record), toml=SessionToml())


def save_figures(name: str, recorder: Recorder, typist: Typist, folder: Path) -> Path:
    path = folder / f"{name}.toml"
    record = recorder.record
    cold = timed(lambda: store.save(fresh_copy(record), path))
    store.save(record, path)  # the kept TOML now covers everything so far
    typical = typist.type_for(60, save=lambda: store.save(record, path))
    whole = best(lambda: store.dumps_plainly(record), 3)
    events = sum(len(r.events) for r in record.rounds)
    size = path.stat().st_size
    print(
        f"save, {name}: typical {statistics.median(typical) * 1000:.1f} ms (worst of {len(typical)}: "
        f"{max(typical) * 1000:.1f} ms), cold {cold * 1000:.0f} ms; {events} events, {size / 1024:.0f} KiB "
        f"(tomli_w.dumps of the whole record: {whole * 1000:.0f} ms a save)"
    )
    return path


def resume_figures(name: str, path: Path) -> None:
    resume = best(lambda: SessionKeeper.resume(path, bank(), FakeClock(0.0)).release(), 3)
    load = best(lambda: store.load(path), 3)
    print(f"resume, {name}: {resume * 1000:.0f} ms (reading and checking the file: {load * 1000:.0f} ms)")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="mockloop-bench-"))
    try:
        onsite = save_figures("60-minute onsite", *onsite_sixty_minutes(), folder)
        pasted = save_figures("1 MiB answer", *pasted_drill(), folder)
        for name, path in (("60-minute onsite", onsite), ("1 MiB answer", pasted)):
            record = store.load(path)
            record.status = "in_progress"
            store.save(record, path)
            resume_figures(name, path)
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
        f"history {count:>6,} sessions: {warm * 1000:.0f} ms with the index "
        f"(scandir + stat alone {bare * 1000:.0f} ms; first listing, building the index: {cold:.1f} s)"
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
        f"  after an autosave (its index line updated in the save's thread, {remember * 1000:.0f} ms): "
        f"listing {after * 1000:.0f} ms, files re-read: {len(reads)}"
    )


def _small_record() -> SessionRecord:
    from session_support import scripted_onsite

    record = scripted_onsite(rounds=1, feedback=False).recorder.record
    record.created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return record


if __name__ == "__main__":
    main()
