"""Watch mode's attempts: each run of ``mockloop watch`` recorded as a drill session, the way the app records one.

``mockloop watch`` (``tui.headless.watch``) re-runs a code question's tests
on every save. So that Progress, ``mockloop stats`` and the practice
schedule see that practice, every run is one drill session, made and saved
by the app's own path, not by a look-alike: a ``Session.drill`` recorded by
a ``SessionKeeper`` (recorder, autosave, history line, schedule), the run
streamed by ``stream_check`` into the attempt's ``CheckRun``.

The life of one attempt:

1. a fresh drill session starts when the previous attempt was recorded (or
   when watch starts), so its clock counts the time spent on this version
   of the answer, as a drill's clock would; nothing is written yet;
2. ``run(source)``: the saved file becomes the answer and is Run (or
   Submitted, with ``--submit``) as the candidate's own press. A save
   during the run cancels it; the next ``run`` continues in the same
   session (its record keeps the cancelled run, as the app's does when Run
   is pressed twice);
3. ``record()``: the question is finished early, as in the app: a Run-only
   answer gets its automatic final submission (cause ``finish``), then the
   session is saved and its history line and schedule updated. Its verdict
   is ``tui.core.verdict``'s, like any drill's. A save (or Ctrl-C) during
   that final submission discards the attempt unsaved: the candidate moved
   on before it was judged, and the next save is the attempt that counts.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from question_bank import Question
from tui.core.checking import CheckerRunner, RunCause, RunMode
from tui.core.checks import stream_check
from tui.core.clock import Clock
from tui.core.keeper import SessionKeeper
from tui.core.messages import t
from tui.core.results import CheckRun
from tui.core.session import Session

__all__ = ["Recorded", "WatchDrill"]


@dataclass(frozen=True, slots=True)
class Recorded:
    """An attempt saved as a drill session: its file, its band and why (the verdict's first reason)."""

    path: Path
    band: str  # the verdict's label, as every view shows it
    reason: str
    problem: str | None = None  # the save failed: one sentence (the attempt is then not in history)

    def line(self) -> str:
        if self.problem is not None:
            return self.problem
        return t("watch.recorded", name=self.path.name, band=self.band, reason=self.reason).rstrip()


def _noop(_run: CheckRun) -> None:
    return None


class WatchDrill:
    """One question's attempts in watch mode; see the module docstring."""

    def __init__(self, question: Question, runner: CheckerRunner, clock: Clock) -> None:
        if question.code is None:
            raise ValueError(f"{question.id} is not a code question")
        self.question = question
        self.runner = runner
        self.clock = clock
        self._keeper: SessionKeeper | None = None

    @property
    def session(self) -> Session | None:
        """The attempt being worked on (None before ``begin`` and after ``discard``)."""
        return self._keeper.session if self._keeper is not None else None

    def begin(self) -> Session:
        """Start the next attempt's drill session (its clock runs from now), unless one is open."""
        if self._keeper is None:
            self._keeper = SessionKeeper(Session.drill(self.question, self.clock))
        return self._keeper.session

    async def run(self, source: str, mode: RunMode) -> CheckRun:
        """Run ``source`` as the candidate's Run or Submit in the open attempt; cancelling leaves it open."""
        session = self.begin()
        state = session.current
        attempt = state.attempts[0]
        attempt.set_answer(source)
        run = attempt.begin_run(mode, state.at())
        assert self.question.code is not None
        return await stream_check(self.runner, self.question.code, run, state.at, _noop)

    async def record(self) -> Recorded:
        """Finish the open attempt as the app does (its final submission if needed), save it, start the next."""
        keeper = self._keeper
        if keeper is None:
            raise RuntimeError("no attempt to record")
        session = keeper.session
        state = session.current
        try:
            for attempt in session.finish_question(0):
                run = attempt.begin_run(RunMode.SUBMIT, state.at(), cause=RunCause.FINISH)
                assert attempt.question.code is not None
                await stream_check(self.runner, attempt.question.code, run, state.at, _noop)
        except asyncio.CancelledError:
            self.discard()
            raise
        self._keeper = None
        notice = await asyncio.to_thread(keeper.close)  # saved; history line and schedule updated
        self.begin()
        return _recorded(keeper, None if notice is None or notice.severity != "error" else notice.message)

    def discard(self) -> None:
        """Drop the open attempt unsaved (nothing of it was written) and let its file name go."""
        keeper, self._keeper = self._keeper, None
        if keeper is not None:
            keeper.release()


def _recorded(keeper: SessionKeeper, problem: str | None) -> Recorded:
    from tui.core.report import build_report

    report = build_report(keeper.recorder.record)
    verdict = report.verdict
    if verdict is None:  # cannot happen: the drill's one round ended
        return Recorded(keeper.path, "not judged", "", problem)
    question = report.rounds[0].questions[0]
    # Every reason, as the report gives them: a debugging question's band also says what its explanation capped.
    return Recorded(keeper.path, verdict.label, " ".join(question.verdict.reasons), problem)
