"""The recorder: appends a live session's events to its ``SessionRecord`` as they happen.

The recorder is the session's event sink (``Session.timeline``): every typed
event the session and its attempts announce (``tui.core.events``) is appended
to its round's timeline at once, stamped so that a round's timeline never
goes back. Three things are the recorder's own decisions, none of them
rediscovered by comparing states:

- **typing** is compacted: an answer change becomes an ``Edit`` (one span,
  against the previously recorded text) at most once per ``debounce``
  seconds, and always right before any other event of its round (a run, a
  lock, the end), so a run's source is the recorded answer at that moment; a
  ``Snapshot`` replaces the edit whenever the edits since the last snapshot
  add up to more than the answer itself (and at least ``SNAPSHOT_MIN_BYTES``),
  which bounds both the file size and the work of seeking;
- when a round ends, each written answer, and each debugging answer's
  explanation of what was wrong, gets the analyzers' verdict
  (``FeedbackNote``), so the summaries, the report and replay show the
  same feedback;
- ``flush()`` (the app's beat) writes a pending edit once its debounce has
  passed and notes the time used in the current round (resume continues from
  it).

``dirty`` says the record changed since ``mark_saved()``; ``urgent`` says
the change was one the autosaver writes at once (see ``Event.urgent``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from question_bank import Question
from tui.core.events import (
    ANSWER_PARTS,
    AnswerPart,
    Edit,
    Event,
    FeedbackNote,
    LangSwitch,
    Pause,
    RoundEnd,
    RoundStart,
    Snapshot,
    Unpause,
)
from tui.core.record import RoundRecord, SessionRecord, edit_between, record_of, utc_now
from tui.core.session import Session

#: Seconds between two recorded edits of the same answer while it keeps changing.
EDIT_DEBOUNCE = 1.0
#: A snapshot is never written before this many bytes of edits piled up.
SNAPSHOT_MIN_BYTES = 4096

FeedbackFn = Callable[[Question, str, str], Mapping[str, Any] | str | None]


def analyze_text_answer(question: Question, answer: str, lang: str) -> Mapping[str, Any] | str | None:
    """The analyzers' verdict on a written answer: their feedback as a table, or their sentence when
    they cannot read it (its headings), or None when there is nothing to judge (no answer).

    For a code question ``answer`` is the explanation of what was wrong, judged when the question
    asks for one (a debugging question's ``[explanation]``); other code is judged by its tests only.
    """
    if not answer.strip():
        return None
    if question.kind.is_code:
        if question.explanation is None:
            return None
        from checkers.text import analyze_explanation

        return analyze_explanation(question, answer, lang).to_dict()
    from tui.core.feedback import assess

    assessment = assess(question, answer, lang)
    return assessment.feedback.to_dict() if assessment.feedback is not None else assessment.error


@dataclasses.dataclass(slots=True)
class _Answer:
    """One answer as recorded so far, and the change not yet written."""

    text: str
    edit_t: float = -math.inf
    edit_bytes: int = 0
    pending: str | None = None
    pending_t: float = 0.0


class Recorder:
    """Appends what happens in ``session`` to ``record`` (a fresh one by default)."""

    def __init__(
        self,
        session: Session,
        record: SessionRecord | None = None,
        *,
        debounce: float = EDIT_DEBOUNCE,
        feedback: FeedbackFn | None = analyze_text_answer,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        from tui.core.replay_state import fold_round

        self.session = session
        self.record = record if record is not None else record_of(session, now=now())
        self.debounce = debounce
        self._feedback = feedback
        self._now = now
        self.dirty = False
        self.urgent = False
        self.changes = 0  # counts changes; a save covers those up to its snapshot's count
        self._urgent_change = 0
        # What is already recorded of each answer's parts (a resumed record is not recorded twice).
        self._answers: list[list[dict[AnswerPart, _Answer]]] = [
            [{"answer": _Answer(q.answer), "explanation": _Answer(q.explanation)} for q in fold.questions]
            for fold in (fold_round(rec, math.inf) for rec in self.record.rounds)
        ]
        session.timeline.attach(self)

    # -- the sink ----------------------------------------------------------------------

    def record_event(self, round_index: int, event: Event) -> None:
        rec = self.record.rounds[round_index]
        if isinstance(event, LangSwitch) and not rec.started:
            self.record.lang = event.lang  # switched before the interview started: its first language
            self._changed(urgent=False)
            return
        self._flush_round(round_index, force=True)  # the text first: the event follows what it concerns
        self._append(rec, event)
        if isinstance(event, RoundStart):
            rec.started = True
        elif isinstance(event, Pause | Unpause):
            rec.paused = isinstance(event, Pause)
        elif isinstance(event, RoundEnd):
            rec.end = event.reason
            rec.elapsed = rec.last_t
            self._feedback_for(round_index, rec.last_t)
        self._sync_lifecycle()

    def answer_changed(
        self, round_index: int, question: int, text: str, at: float, part: AnswerPart = "answer"
    ) -> None:
        answer = self._answers[round_index][question][part]
        answer.pending, answer.pending_t = text, at
        if at - answer.edit_t >= self.debounce:
            self._write_answer(self.record.rounds[round_index], question, answer, part)

    def lifecycle_changed(self) -> None:
        self._sync_lifecycle()

    # -- the app's beat ----------------------------------------------------------------

    def flush(self, *, force: bool = False) -> None:
        """Write pending edits whose debounce passed (all of them with ``force``); note the time used."""
        for index, state in enumerate(self.session.rounds):
            if not state.started:
                continue
            self._flush_round(index, force=force, at=state.at())
            rec = self.record.rounds[index]
            if not rec.ended:
                elapsed = round(state.at(), 3)
                if elapsed != rec.elapsed:
                    rec.elapsed = elapsed
                    self._changed(urgent=False)
        self._sync_lifecycle()

    # -- recording ---------------------------------------------------------------------

    def _append(self, rec: RoundRecord, event: Event) -> None:
        t = max(round(event.t, 3), rec.last_t)  # a round's timeline never goes back
        rec.events.append(event if t == event.t else dataclasses.replace(event, t=t))
        rec.elapsed = max(rec.elapsed, t)
        self._changed(urgent=event.urgent)

    def _changed(self, *, urgent: bool) -> None:
        self.changes += 1
        self.dirty = True
        if urgent:
            self.urgent = True
            self._urgent_change = self.changes
        self.record.updated = self._now()

    def _flush_round(self, round_index: int, *, force: bool, at: float = math.inf) -> None:
        rec = self.record.rounds[round_index]
        for question, parts in enumerate(self._answers[round_index]):
            for part in ANSWER_PARTS:
                answer = parts[part]
                if answer.pending is not None and (force or at - answer.edit_t >= self.debounce):
                    self._write_answer(rec, question, answer, part)

    def _write_answer(self, rec: RoundRecord, question: int, answer: _Answer, part: AnswerPart) -> None:
        text, t = answer.pending, answer.pending_t
        answer.pending = None
        if text is None or text == answer.text:
            return
        pos, cut, ins = edit_between(answer.text, text)
        size = len(ins.encode("utf-8")) + 24
        if answer.edit_bytes + size > max(SNAPSHOT_MIN_BYTES, len(text.encode("utf-8"))):
            self._append(rec, Snapshot(t, question, text, part))
            answer.edit_bytes = 0
        else:
            self._append(rec, Edit(t, question, pos, cut, ins, part))
            answer.edit_bytes += size
        answer.text = text
        answer.edit_t = t

    def _feedback_for(self, round_index: int, at: float) -> None:
        if self._feedback is None:
            return
        rec = self.record.rounds[round_index]
        attempts = self.session.rounds[round_index].attempts
        for question, (attempt, parts) in enumerate(zip(attempts, self._answers[round_index], strict=True)):
            judged = parts["explanation" if attempt.question.kind.is_code else "answer"]
            verdict = self._feedback(attempt.question, judged.text, self.session.lang)
            if isinstance(verdict, str):
                self._append(rec, FeedbackNote(at, question, error=verdict))
            elif verdict is not None:
                self._append(rec, FeedbackNote(at, question, feedback=dict(verdict)))

    def _sync_lifecycle(self) -> None:
        status, position = str(self.session.status), self.session.position
        if (status, position) != (self.record.status, self.record.position):
            self.record.status, self.record.position = status, position
            self._changed(urgent=True)

    def mark_saved(self, upto: int | None = None) -> None:
        """The record was saved as it was after change number ``upto`` (default: now).

        A save that ran in the background while recording went on covers only
        the changes before its snapshot: later ones keep the record dirty (and
        urgent, if one of them was).
        """
        upto = self.changes if upto is None else upto
        if upto >= self.changes:
            self.dirty = False
        if upto >= self._urgent_change:
            self.urgent = False
