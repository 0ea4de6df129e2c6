"""`mockloop watch QUESTION_ID FILE [--submit]`: re-run a code question's tests on every save of FILE.

For candidates who write their answer in their own editor: one checker
server is kept warm for the whole session (``CheckerClientRunner``), so a
result comes as fast as in the app, not after a cold start like
``mockloop check``. Each run clears the screen (on a terminal; elsewhere a
header line separates the runs) and prints exactly what ``mockloop check``
prints (``tui.headless.check.print_event`` / ``print_outcome``), then how
the attempt was recorded: every run is a drill session
(``tui.core.watch_drill``), so Progress, ``mockloop stats`` and the
schedule see it.

Saves are seen with ``watchfiles`` (inotify, FSEvents…) on FILE's folder,
not on the file itself: editors that save by writing a new file and
renaming it over the old one (vim's ``backupcopy=no``, most IDEs' "safe
write") replace the inode a file watch would follow. What a batch of file
events means is decided by ``saved_or_removed`` and whether to start a run
by ``should_run``, both pure.

A save during a run cancels it and starts the new one (an identical file,
as some editors write twice, does not restart the run in flight). Ctrl-C
(SIGINT) or SIGTERM stops the run, the checker and the watch, and exits
with 130 (143 for SIGTERM) without a traceback. Bad input is one sentence
on stderr and exit 2: an unknown question, a written-answer question
(``mockloop check`` analyzes those), a file that is missing, not a regular
file, not UTF-8 or over 1 MiB. A file that becomes unreadable while
watched is one sentence, and watching goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from checkers.events import Event, Mode, Result, RunFinished, TestFinished
from question_bank import Question
from tui.core.bank_words import kind_name
from tui.core.messages import t
from tui.headless.check import CheckInputError, print_event, print_outcome, read_answer, resolve_question

__all__ = ["Watch", "run_watch", "saved_or_removed", "should_run", "watched_paths"]

#: Clear the screen and its scrollback, cursor home (only when the output is a terminal).
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
#: Milliseconds of quiet before a batch of file events is handed over (watchfiles' ``step``).
QUIET_MS = 20

Seen = Literal["saved", "removed"] | None


def watched_paths(file: Path) -> frozenset[Path]:
    """The paths whose events mean FILE changed: as given (absolute) and, for a symlink, its target."""
    given = Path(os.path.abspath(file))
    return frozenset({given, given.resolve()})


def saved_or_removed(changes: Iterable[tuple[object, str]], targets: frozenset[Path]) -> Seen:
    """What a batch of file events says about FILE: "saved" (written or renamed into place), "removed", or None.

    An editor's rename-save shows as the file removed and added again in the
    same batch: any event on FILE other than a deletion means a new content
    to read (the read then tells whether the file is really there).
    """
    seen: Seen = None
    for change, path in changes:
        if Path(path) not in targets:
            continue
        if getattr(change, "name", str(change)) != "deleted":
            return "saved"
        seen = "removed"
    return seen


def should_run(source: str, in_flight: str | None) -> bool:
    """Start a run for the saved ``source``, unless the run in flight is already of that very text."""
    return source != in_flight


@dataclass
class _Printer:
    """Prints the candidate's run as `mockloop check` does, from the checker's own events."""

    question_id: str
    mode: Mode
    out: TextIO
    active: bool = False
    results: list[Result] = field(default_factory=list)
    finished: RunFinished | None = None

    def start(self) -> None:
        self.active, self.results, self.finished = True, [], None

    def observe(self, event: Event) -> None:
        if not self.active:
            return  # the automatic final submission is recorded, not printed
        print_event(event, self.question_id, self.mode, self.out)
        if isinstance(event, TestFinished):
            self.results.append(event.result)
        elif isinstance(event, RunFinished):
            self.finished = event


class Watch:
    """One `mockloop watch`: the checker, the attempts, the file events, the run in flight."""

    def __init__(self, question: Question, file: Path, *, submit: bool, out: TextIO) -> None:
        from tui.core.checker_client import CheckerClientRunner
        from tui.core.clock import MonotonicClock
        from tui.core.watch_drill import WatchDrill

        self.file = file
        self.targets = watched_paths(file)
        self.mode: Mode = "submit" if submit else "run"
        self.out = out
        self.printer = _Printer(question.id, self.mode, out)
        self.runner = CheckerClientRunner(observe=self.printer.observe)
        self.drill = WatchDrill(question, self.runner, MonotonicClock())
        self.runs = 0
        self._task: asyncio.Task[None] | None = None
        self._in_flight: str | None = None

    def _say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def _waiting(self) -> None:
        self._say(t("watch.waiting", file=self.file))

    async def _cycle(self, source: str) -> None:
        """One run: clear, print the results as `check` does, record the attempt, then wait for the next save."""
        from tui.core.checking import RunMode
        from tui.core.results import RunOutcome

        self.runs += 1
        if self.out.isatty():
            self.out.write(CLEAR)
        self._say(t("watch.run", n=self.runs, at=f"{dt.datetime.now():%H:%M:%S}", file=self.file))
        self.printer.start()
        try:
            run = await self.drill.run(source, RunMode(self.mode))
            self.printer.active = False
            if self.printer.finished is not None:
                print_outcome(self.printer.finished, self.printer.results, self.out)
            elif run.outcome is not RunOutcome.FINISHED:  # the checker broke before saying how the run ended
                self._say(run.summary())
            recorded = await self.drill.record()
            self._say(recorded.line())
        except Exception as exc:  # noqa: BLE001 - a broken run must not end the watch; the next save retries
            self.drill.discard()
            self._say(t("watch.broken", error=f"{type(exc).__name__}: {exc}"))
        finally:
            self.printer.active = False
        self._in_flight = None
        self._waiting()

    async def _cancel(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _start(self, source: str) -> None:
        self._in_flight = source
        self._task = asyncio.create_task(self._cycle(source), name=f"watch run {self.runs + 1}")

    async def _saved(self) -> None:
        try:
            source = read_answer(self.file)
        except CheckInputError as exc:
            self._say(t("watch.unreadable", problem=exc))
            return
        running = self._task is not None and not self._task.done()
        if not should_run(source, self._in_flight if running else None):
            return
        await self._cancel()
        self._start(source)

    async def main(self, source: str) -> int:
        """Run once now, then on every save, until SIGINT/SIGTERM; returns the exit code."""
        from watchfiles import awatch

        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        stopped_by: list[int] = []

        def on_signal(signum: int) -> None:
            stopped_by.append(signum)
            stop.set()

        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, on_signal, signum)
        try:
            await self.runner.start()
            self.drill.begin()
            self._start(source)
            folders = sorted({str(path.parent) for path in self.targets})
            async for changes in awatch(
                *folders, watch_filter=None, step=QUIET_MS, stop_event=stop, recursive=False
            ):  # fmt: skip
                seen = saved_or_removed(changes, self.targets)
                if seen == "removed":
                    self._say(t("watch.removed", file=self.file))
                elif seen == "saved":
                    await self._saved()
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)
            await self._cancel()
            self.drill.discard()
            await self.runner.close()
        return 128 + stopped_by[0] if stopped_by else 0


def run_watch(question_id: str, file: Path, *, submit: bool, out: TextIO = sys.stdout) -> int:
    """`mockloop watch`: see the module docstring for what it prints and its exit codes."""
    try:
        question = resolve_question(question_id)
        if question.code is None:
            raise CheckInputError(t("watch.not_code", id=question_id, kind=kind_name(question.kind)))
        source = read_answer(file)
    except CheckInputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        code = asyncio.run(Watch(question, file, submit=submit, out=out).main(source))
    except KeyboardInterrupt:  # before the signal handlers were in place
        code = 130
    if code:
        print(t("watch.stopped"), file=sys.stderr)
    return code
