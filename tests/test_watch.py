"""`mockloop watch`: which file events are saves, each run recorded as a drill, bad input, and the real thing."""

from __future__ import annotations

import asyncio
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from cli_support import ROOT
from conftest import TWO_SUM_TESTS
from watchfiles import Change

from question_bank import Bank, load_bank
from tui.core.checking import RunMode, TestStatus
from tui.core.clock import FakeClock
from tui.core.events import RunStart
from tui.core.fakes import InstantRunner, ScriptedRunner, scripted_run
from tui.core.history import list_sessions
from tui.core.locations import sessions_dir
from tui.core.results import RunOutcome
from tui.core.stats import progress
from tui.core.store import load
from tui.core.watch_drill import WatchDrill
from tui.headless.watch import run_watch, saved_or_removed, should_run, watched_paths

# -- what a batch of file events means -------------------------------------------------


def test_a_write_or_a_rename_into_place_is_a_save(tmp_path: Path) -> None:
    answer = tmp_path / "answer.py"
    targets = watched_paths(answer)
    mine, other = str(answer), str(tmp_path / "answer.py~")
    assert saved_or_removed({(Change.modified, mine)}, targets) == "saved"
    # vim with backupcopy=no: the old file renamed away, a new one written in its place.
    assert saved_or_removed([(Change.deleted, mine), (Change.added, other), (Change.added, mine)], targets) == "saved"
    assert saved_or_removed({(Change.deleted, mine)}, targets) == "removed"
    assert saved_or_removed({(Change.modified, other), (Change.added, str(tmp_path / "4913"))}, targets) is None


def test_a_symlinked_answer_is_watched_where_it_lives(tmp_path: Path) -> None:
    real = tmp_path / "real" / "answer.py"
    real.parent.mkdir()
    real.write_text("x = 1\n")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    assert watched_paths(link) == {link, real}


def test_an_identical_save_does_not_restart_the_run_in_flight() -> None:
    assert not should_run("x = 1\n", "x = 1\n")
    assert should_run("x = 2\n", "x = 1\n")
    assert should_run("x = 1\n", None)  # nothing in flight: a save of the same text runs it again


# -- each run is a drill session, recorded the way the app records one -------------------


def two_sum(app_bank: Bank) -> WatchDrill:
    return WatchDrill(app_bank.question("two-sum"), InstantRunner(TWO_SUM_TESTS), FakeClock(start=100.0))


async def test_a_run_is_recorded_as_a_drill_that_history_and_stats_see(app_bank: Bank) -> None:
    drill = two_sum(app_bank)
    drill.begin()
    assert drill.session is not None
    clock = drill.session.clock
    assert isinstance(clock, FakeClock)
    clock.advance(300)  # five minutes on this version of the answer, then a save
    run = await drill.run("def two_sum(nums, target):\n    return None\n", RunMode.RUN)
    assert run.outcome is RunOutcome.FINISHED and run.total == len([t for t in TWO_SUM_TESTS if t.visible])
    recorded = await drill.record()
    assert recorded.band == "Strong Hire" and recorded.problem is None
    assert recorded.line().startswith(f"Recorded as a drill ({recorded.path.name}): Strong Hire. 5 of 5 tests")

    (entry,) = list_sessions()
    assert entry.path == recorded.path and entry.status == "finished"
    record = load(recorded.path)
    (runs,) = [[e for e in r.events if isinstance(e, RunStart)] for r in record.rounds]
    assert [(r.mode, r.cause) for r in runs] == [("run", "candidate"), ("submit", "finish")]  # the app's finish rule
    stats = progress([entry])
    (question,) = stats.questions
    assert question.id == "two-sum" and question.attempts == 1
    assert question.time is not None and question.time.used == pytest.approx(300, abs=1)  # the editing time
    assert drill.session is not None and not drill.session.current.attempts[0].runs  # the next attempt has begun


async def test_with_submit_the_candidates_submission_is_the_one_that_counts(app_bank: Bank) -> None:
    runner = InstantRunner(TWO_SUM_TESTS, {"test_large_input": TestStatus.FAILED})
    drill = WatchDrill(app_bank.question("two-sum"), runner, FakeClock())
    await drill.run("def two_sum(nums, target):\n    return None\n", RunMode.SUBMIT)
    recorded = await drill.record()
    assert [mode for mode, _ in runner.calls] == [RunMode.SUBMIT]  # no second submission
    assert recorded.band == "No Hire"
    assert recorded.reason.startswith("4 of 5 tests passed on the final submission.")


async def test_a_debugging_fix_recorded_from_watch_says_its_explanation_is_missing(app_bank: Bank) -> None:
    from tui.core.checking import TestInfo

    tests = (TestInfo("test_example", "the example"),)
    drill = WatchDrill(app_bank.question("fix-average"), InstantRunner(tests, {}), FakeClock())
    await drill.run("def average(values):\n    return sum(values) / len(values) if values else 0\n", RunMode.SUBMIT)
    recorded = await drill.record()
    assert recorded.band == "No Hire"  # the fix alone would be Strong Hire; the question also asks what was wrong
    assert "No explanation was written." in recorded.reason


async def test_a_save_during_a_run_cancels_it_and_the_next_run_continues_the_attempt(app_bank: Bank) -> None:
    runner = ScriptedRunner()
    drill = WatchDrill(app_bank.question("two-sum"), runner, FakeClock())
    first = asyncio.create_task(drill.run("v1\n", RunMode.RUN))
    while not runner.calls:
        await asyncio.sleep(0)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    second = asyncio.create_task(drill.run("v2\n", RunMode.SUBMIT))
    while len(runner.calls) < 2:
        await asyncio.sleep(0)
    await runner.last.push(*scripted_run(TWO_SUM_TESTS, {}))
    await second
    assert drill.session is not None
    runs = drill.session.current.attempts[0].runs
    assert [(r.source, r.outcome) for r in runs] == [("v1\n", RunOutcome.CANCELLED), ("v2\n", RunOutcome.FINISHED)]
    recorded = await drill.record()
    assert recorded.band == "Strong Hire"


async def test_a_save_during_the_final_submission_discards_the_attempt_unsaved(app_bank: Bank) -> None:
    runner = ScriptedRunner()
    drill = WatchDrill(app_bank.question("two-sum"), runner, FakeClock())
    running = asyncio.create_task(drill.run("v1\n", RunMode.RUN))
    while not runner.calls:
        await asyncio.sleep(0)
    await runner.last.push(*scripted_run([t for t in TWO_SUM_TESTS if t.visible], {}))
    await running
    recording = asyncio.create_task(drill.record())
    while len(runner.calls) < 2:
        await asyncio.sleep(0)
    recording.cancel()
    with pytest.raises(asyncio.CancelledError):
        await recording
    assert drill.session is None and list_sessions() == []
    assert not any(sessions_dir().glob("*.toml"))


# -- bad input: one sentence, exit 2 --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "make", "sentence"),
    [
        ("no-such-question", "file", "no-such-question"),
        ("mistral-motivation", "file", "watch runs code questions"),
        ("safe-divide", "missing", "No such file"),
        ("safe-divide", "folder", "is a folder"),
        ("safe-divide", "fifo", "not a regular file"),
        ("safe-divide", "huge", "at most 1,024 KiB"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str, make: str, sentence: str
) -> None:
    path = tmp_path / "answer.py"
    if make == "file":
        path.write_text("x = 1\n")
    elif make == "folder":
        path.mkdir()
    elif make == "fifo":
        os.mkfifo(path)
    elif make == "huge":
        path.write_bytes(b"#" * (2 << 20))
    assert run_watch(question, path, submit=False) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and sentence in captured.err and len(captured.err.strip().splitlines()) == 1


# -- the real thing: a subprocess, a warm checker, saves, Ctrl-C -------------------------


class Lines:
    """The lines a process prints, read in a thread, waited for with a deadline (never a sleep)."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, start: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting with {start!r}; saw:\n" + "\n".join(self.seen))


def test_watch_reruns_on_each_save_records_them_and_stops_cleanly_on_ctrl_c(
    tmp_path: Path, _isolated_home: Path
) -> None:
    folder = load_bank().question("safe-divide").folder
    reference, starter = (folder / "reference.py").read_text(), (folder / "starter.py").read_text()
    answer = tmp_path / "answer.py"
    answer.write_text(reference)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "watch", "safe-divide", str(answer)],
        cwd=ROOT,
        env={**os.environ, "MOCKLOOP_HOME": str(_isolated_home)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out = Lines(process.stdout)
        assert out.wait_for("── run 1 ·")
        assert out.wait_for("4 passed in")
        assert "Strong Hire" in out.wait_for("Recorded as a drill")
        out.wait_for("Watching ")
        answer.write_text(starter)  # an ordinary write
        out.wait_for("── run 2 ·")
        assert out.wait_for("! error").endswith(")")
        assert "Strong No Hire" in out.wait_for("Recorded as a drill")
        out.wait_for("Watching ")
        swap = tmp_path / ".answer.py.swp"
        swap.write_text(reference)
        os.replace(swap, answer)  # a save by rename, as vim (backupcopy=no) and IDEs do
        out.wait_for("── run 3 ·")
        out.wait_for("safe-divide: 4 visible tests")
        process.send_signal(signal.SIGINT)  # Ctrl-C with run 3 under way
        assert process.wait(timeout=15) == 130
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.stderr is not None
    errors = process.stderr.read()
    assert errors == "Stopped watching.\n", errors
    outcomes = sorted(e.outcome for e in list_sessions(sessions_dir()))
    assert outcomes == ["Strong Hire · finished", "Strong No Hire · finished"]  # run 3 was stopped before its end
