"""Resume: a live ``Session`` rebuilt from its file after a crash, a kill or a quit.

The file says which questions were drawn (by id), and per round how much time
was used when it was last saved, what each answer was, which hints and
clarifications were taken and every run's results. ``restore`` looks the
questions up in the bank (a run needs the question's tests, which the file
does not carry), rebuilds the attempts, and sets each timer so the round
continues with the time it had left (a drill that was paused comes back
paused, its clock still). A run that was still streaming when the
process died is marked cancelled. The restored session's timeline holds a
``Resume`` event (and a cancelled result for each such run, and the
current round's start if it had not started); the recorder attached to the
same record then carries on appending, never recording twice what the file
already holds.
"""

from __future__ import annotations

import math
from pathlib import Path

from question_bank import Bank, BankError, DrawnRound, UnknownLoop, UnknownQuestion
from tui.core.attempt import Ask, HintTaken
from tui.core.checking import RunCause, RunFailed, RunMode, TestFinished, TestInfo, TestStatus
from tui.core.clock import Clock
from tui.core.events import Resume, RunResult
from tui.core.messages import t
from tui.core.record import RoundRecord, SessionRecord
from tui.core.replay_state import RunView, fold_round
from tui.core.results import CheckRun, RunOutcome, TestRow
from tui.core.session import EndReason, Mode, Session, SessionPhase


class ResumeError(Exception):
    """The session cannot be resumed; ``str()`` is one sentence."""


def restore(record: SessionRecord, bank: Bank, clock: Clock) -> Session:
    if not record.resumable:
        raise ResumeError(t("resume.finished"))
    try:
        questions = [tuple(bank.question(q.id) for q in rec.questions) for rec in record.rounds]
        if record.mode == Mode.ONSITE.value:
            loop = bank.loop(record.loop)
            if [r.id for r in loop.rounds] != [r.id for r in record.rounds]:
                raise ResumeError(t("resume.loop_changed", loop=record.loop))
            drawn = tuple(DrawnRound(r, qs) for r, qs in zip(loop.rounds, questions, strict=True))
            session = Session.onsite(loop, drawn, clock, seed=record.seed if record.seed is not None else 0)
        else:
            session = Session.drill(questions[0][0], clock)
    except (UnknownQuestion, UnknownLoop, BankError) as exc:
        raise ResumeError(t("resume.cannot", reason=exc)) from None
    session.timeline.forget()  # a drill's construction started its round: that is in the file already
    current = session.rounds[record.position]
    if record.rounds[record.position].started:
        current.timeline.event(current.index, Resume(record.rounds[record.position].elapsed))
    now = clock.now()
    lang = record.lang
    for state, rec in zip(session.rounds, record.rounds, strict=True):
        if not rec.started:
            continue
        view = fold_round(rec, math.inf)
        lang = view.lang or lang
        timer = state.timer
        # A drill paused when last saved comes back paused: its clock does not move until unpaused.
        timer.restore(rec.elapsed, paused=rec.paused and not rec.ended)
        if rec.ended:
            timer.stopped_at = now
            state.end_reason = EndReason(rec.end)
        for attempt, qv in zip(state.attempts, view.questions, strict=True):
            attempt.answer, attempt.explanation = qv.answer, qv.explanation
            attempt.hints = [HintTaken(i, t) for i, t in zip(qv.hints, qv.hint_times, strict=True)]
            attempt.asks = [Ask(i, t) for i, t in zip(qv.asks, qv.ask_times, strict=True)]
            attempt.runs = [_run(rec, qv.index, run, rec.elapsed) for run in qv.runs]
            attempt.locked_at = qv.locked_at if qv.locked else None
            for number, (run, seen) in enumerate(zip(attempt.runs, qv.runs, strict=True)):
                if seen.running:  # it died with the process: its end is recorded now
                    state.timeline.event(state.index, RunResult.of(attempt.index, number, run))
    session.lang = "fr" if lang == "fr" else "en"
    session.position = record.position
    if current.ended:
        session.phase = SessionPhase.ROUND_OVER
    else:
        session.phase = SessionPhase.IN_ROUND
        if not current.started:
            current.start()
    return session


def _run(rec: RoundRecord, question: int, view: RunView, elapsed: float) -> CheckRun:
    source = fold_round(rec, view.started_at).questions[question].answer
    run = CheckRun(mode=RunMode(view.mode), source=source, started_at=view.started_at, cause=RunCause(view.cause))
    if view.running:  # the process died while it streamed
        run.outcome, run.finished_at = RunOutcome.CANCELLED, elapsed
        return run
    run.outcome = RunOutcome(view.outcome)
    run.finished_at = view.finished_at
    for row in view.tests:
        info = TestInfo(name=row.name, description=row.description, visible=row.visible, danger=row.danger or None)
        status = TestStatus(row.status)
        result = None
        if status.is_final and status is not TestStatus.NOT_RUN:
            result = TestFinished(
                name=info.name,
                status=status,
                duration=row.duration or 0.0,
                message=row.message,
                expected=row.expected,
                actual=row.actual,
            )
        run.rows.append(TestRow(info, status, result))
    if view.failure_reason:
        run.failure = RunFailed(view.failure_reason, view.failure_message)
    return run


def latest_resumable(folder: Path | None = None) -> Path | None:
    """The newest session file that can be resumed, if any (from the history index)."""
    from tui.core.history import list_sessions

    for entry in list_sessions(folder):
        if entry.resumable:
            return entry.path
    return None
