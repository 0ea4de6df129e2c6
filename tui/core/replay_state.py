"""The state of a recorded round at any time ``t``: a pure function of the record.

``state_at(record, round_index, t)`` folds the round's events up to ``t``
(inclusive) into a ``RoundView``: each answer as it stood, the hints and
clarifications taken so far, the last run and its results (or "running" if
they had not come back yet), the clock, the language, whether the round had
ended. Replay renders it; resume rebuilds the live session from the fold at
the end, and the recorder starts from it (a resumed record's answers); the
report, and so the live summaries, read the fold at the end.

Nothing here mutates the record, and the same (record, round, t) always gives
the same view, which is what makes seeking testable without a terminal.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

from tui.core.checking import failure_headline
from tui.core.events import (
    Clarify,
    ClockRanOut,
    Edit,
    EditorTrip,
    Event,
    FeedbackNote,
    Finish,
    Hint,
    LangSwitch,
    Pause,
    Resume,
    RoundEnd,
    RoundStart,
    RunResult,
    RunStart,
    Snapshot,
    TestRecord,
    Unpause,
    question_of,
)
from tui.core.messages import t
from tui.core.record import RoundRecord, SessionRecord, apply_edit
from tui.core.results import headline


@dataclass(frozen=True, slots=True)
class RunView:
    """One run as of ``t``: ``result`` is None while its results had not come back."""

    number: int
    mode: str
    cause: str  # ``RunCause``: candidate, finish, time_up
    started_at: float
    finished_at: float | None = None
    outcome: str = "running"
    tests: tuple[TestRecord, ...] = ()
    failure_reason: str = ""
    failure_message: str = ""

    @property
    def running(self) -> bool:
        return self.outcome == "running"

    @property
    def passed(self) -> int:
        return sum(1 for row in self.tests if row.status == "passed")

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def all_passed(self) -> bool:
        return self.outcome == "finished" and self.total > 0 and self.passed == self.total

    def summary(self) -> str:
        if self.running:
            return f"{self.mode.capitalize()} running…"
        if self.outcome == "failed":
            # The same words as the live run's summary (tui.core.results.CheckRun.summary).
            first = headline(self.failure_message)
            what = failure_headline(self.failure_reason)
            return f"{what}: {first}" if first else what
        text = t("tests.passed", passed=self.passed, total=self.total)
        if self.outcome == "cancelled":
            text += t("tests.cancelled")
        hidden = sum(1 for row in self.tests if not row.visible)
        if self.mode == "submit" and hidden:
            text += t("tests.hidden", count=hidden)
        return text


@dataclass(slots=True)
class QuestionView:
    index: int
    answer: str
    explanation: str = ""  # a debugging answer's "what was wrong"
    hints: list[int] = field(default_factory=list)
    hint_times: list[float] = field(default_factory=list)
    asks: list[int] = field(default_factory=list)
    ask_times: list[float] = field(default_factory=list)
    runs: list[RunView] = field(default_factory=list)
    locked: bool = False
    locked_at: float | None = None
    finished_at: float | None = None  # the candidate finished it early (not locked by the round's end)
    feedback: dict[str, Any] | None = None
    feedback_error: str = ""  # the analyzers could not read the answer (its headings)
    editor_trips: int = 0
    edit_at: int = 0  # where in the answer the last edit ended (replay keeps it in view)

    @property
    def runs_started(self) -> int:
        return len(self.runs)

    @property
    def results_recorded(self) -> list[int]:
        return [run.number for run in self.runs if not run.running]

    @property
    def last_run(self) -> RunView | None:
        return self.runs[-1] if self.runs else None

    @property
    def final_submission(self) -> RunView | None:
        """The submission that counts: the last one not cancelled."""
        for run in reversed(self.runs):
            if run.mode == "submit" and run.outcome != "cancelled":
                return run
        return None


@dataclass(slots=True)
class RoundView:
    index: int
    t: float
    duration: float
    questions: list[QuestionView]
    lang: str = ""
    paused: bool = False
    started: bool = False
    ended: bool = False
    end_reason: str = ""
    resumes: int = 0

    @property
    def remaining(self) -> float:
        return max(0.0, self.duration - self.t)

    @property
    def overtime(self) -> float:
        return max(0.0, self.t - self.duration)


def _finite(t: float, rec: RoundRecord) -> float:
    return rec.length() if math.isinf(t) else max(0.0, t)


def fold_round(rec: RoundRecord, t: float, *, lang: str = "") -> RoundView:
    """The round ``rec`` as it stood at round-elapsed ``t`` (``math.inf``: the end)."""
    view = RoundView(
        index=rec.index,
        t=min(_finite(t, rec), rec.length()),
        duration=rec.duration,
        questions=[QuestionView(i, q.starter) for i, q in enumerate(rec.questions)],
        lang=lang,
    )
    count = len(view.questions)
    for event in rec.events:
        if event.t > t:
            break
        index = question_of(event)
        _apply(view, view.questions[index] if 0 <= index < count else None, event)
    return view


def _apply(view: RoundView, q: QuestionView | None, event: Event) -> None:
    match event:
        case RoundStart():
            view.started = True
        case RoundEnd():
            view.ended = True
            view.end_reason = event.reason
            for question in view.questions:
                if not question.locked:
                    question.locked, question.locked_at = True, event.t
        case Resume():
            view.resumes += 1
        case LangSwitch():
            view.lang = event.lang
        case Pause():
            view.paused = True
        case Unpause():
            view.paused = False
    if q is None:
        return
    match event:
        case Snapshot(part="explanation"):
            q.explanation = event.text
        case Edit(part="explanation"):
            q.explanation = apply_edit(q.explanation, event.pos, event.cut, event.ins)
        case Snapshot():
            q.answer = event.text
            q.edit_at = 0
        case Edit():
            q.answer = apply_edit(q.answer, event.pos, event.cut, event.ins)
            q.edit_at = event.pos + len(event.ins)
        case EditorTrip():
            q.editor_trips += 1
        case Hint():
            q.hints.append(event.index)
            q.hint_times.append(event.t)
        case Clarify():
            q.asks.append(event.index)
            q.ask_times.append(event.t)
        case RunStart():
            q.runs.append(RunView(number=event.run, mode=event.mode, cause=event.cause, started_at=event.t))
        case RunResult():
            for i, run in enumerate(q.runs):
                if run.number == event.run:
                    q.runs[i] = RunView(
                        number=run.number,
                        mode=run.mode,
                        cause=run.cause,
                        started_at=run.started_at,
                        finished_at=event.t,
                        outcome=event.outcome,
                        tests=event.tests,
                        failure_reason=event.failure_reason,
                        failure_message=event.failure_message,
                    )
        case Finish():
            if not q.locked:
                q.locked, q.locked_at, q.finished_at = True, event.t, event.t
        case FeedbackNote():
            q.feedback = dict(event.feedback) if event.feedback else None
            q.feedback_error = event.error


def session_lang_at(record: SessionRecord, round_index: int, t: float) -> str:
    """The prompt language at (round, t): the last toggle before it, in this round or an earlier one."""
    lang = record.lang
    for rec in record.rounds[: round_index + 1]:
        for event in rec.events:
            if rec.index == round_index and event.t > t:
                break
            if isinstance(event, LangSwitch):
                lang = event.lang
    return lang


def state_at(record: SessionRecord, round_index: int, t: float) -> RoundView:
    """What the candidate saw in round ``round_index`` at round-elapsed ``t`` seconds."""
    rec = record.rounds[round_index]
    return fold_round(rec, t, lang=session_lang_at(record, round_index, t))


# -- the timeline: markers and jumps ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marker:
    t: float
    kind: str  # run, submit, result, hint, ask, round_start, round_end, time_up, finish
    q: int
    label: str


def markers(rec: RoundRecord) -> list[Marker]:
    """The events worth a mark on the timeline, in time order."""
    found: list[Marker] = []
    for event in rec.events:
        kind = _marker_kind(event)
        if kind:
            q = question_of(event)
            prefix = f"Q{q + 1} " if q >= 0 and len(rec.questions) > 1 else ""
            found.append(Marker(event.t, kind, q, _label(event, prefix)))
    return found


def _marker_kind(event: Event) -> str:
    match event:
        case RunStart():
            return "submit" if event.mode == "submit" else "run"
        case RunResult() | Hint() | Clarify() | RoundStart() | RoundEnd() | ClockRanOut() | Finish():
            return event.kind
    return ""


def _label(event: Event, prefix: str) -> str:
    match event:
        case RunStart() if event.mode == "run":
            return prefix + "run"
        case RunStart():
            return prefix + {"time_up": "submitted at time's up", "finish": "submitted on finishing"}.get(
                event.cause, "submit"
            )
        case RunResult():
            passed = sum(1 for row in event.tests if row.status == "passed")
            return prefix + f"results {passed}/{len(event.tests)} ({event.outcome})"
        case Hint():
            return prefix + f"hint {event.index + 1}"
        case Clarify():
            return prefix + "clarification asked"
        case Finish():
            return prefix + "finished"
        case ClockRanOut():
            return "time's up"
        case RoundStart():
            return "round starts"
        case RoundEnd():
            return "round ends"
    return event.kind


def event_times(rec: RoundRecord) -> list[float]:
    return sorted({m.t for m in markers(rec)})


def next_event(rec: RoundRecord, t: float) -> float | None:
    times = event_times(rec)
    i = bisect.bisect_right(times, t + 1e-6)
    return times[i] if i < len(times) else None


def previous_event(rec: RoundRecord, t: float) -> float | None:
    times = event_times(rec)
    i = bisect.bisect_left(times, t - 1e-6)
    return times[i - 1] if i > 0 else None
