"""What a session file holds, and the recorder that writes it while the interview runs.

A ``SessionRecord`` is plain data: the loop, the seed, each round with its
questions *as they were shown* (titles, prompts in both languages, hints,
clarifications, danger zones, the starter code), and per round a timeline of
``Event`` values stamped with round-elapsed seconds. It is self-contained, so
a file replays on another machine with another bank; ``tui.core.store``
reads and writes it as TOML, ``tui.core.replay_state`` folds it into the
state at any time.

The ``Recorder`` watches a live ``Session`` rather than being told about every
change: ``observe()`` compares the session with what it has already recorded
and appends the difference (answers, hints, clarifications, runs and their
results, language, pauses, locks, round boundaries). The screens therefore
only have to call ``observe()`` from time to time (the app does it on a timer
and after each action); nothing they forget to report is lost, and the
recorder can be unit-tested with a session and a fake clock alone.

Answers are recorded compactly: an ``edit`` is a single-span replacement
(position, characters cut, text inserted) against the previously recorded
text, taken at most once per ``debounce`` seconds while the text changes
(and always right before a run, a lock or the end of a round); a full
``snapshot`` is written instead whenever the edits since the last snapshot
add up to more than the text itself (and at least ``SNAPSHOT_MIN_BYTES``),
which bounds both the file size and the work of seeking.
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from question_bank import Lang, Question, Text
from tui.core.checking import RunMode
from tui.core.results import CheckRun, RunOutcome
from tui.core.session import EndReason, Mode, Session, Status

#: The version of the session file this code writes; readers refuse newer ones, and read format 1
#: (before runs said what caused them and finished sessions said "finished").
FORMAT = 2
#: Seconds between two recorded edits of the same answer while it keeps changing.
EDIT_DEBOUNCE = 1.0
#: A snapshot is never written before this many bytes of edits piled up.
SNAPSHOT_MIN_BYTES = 4096

#: Event kinds, in the order they are documented in docs/sessions.md.
EVENT_KINDS: tuple[str, ...] = (
    "round_start",
    "round_end",
    "resume",
    "snapshot",
    "edit",
    "editor",
    "run",
    "result",
    "hint",
    "ask",
    "lang",
    "pause",
    "unpause",
    "time_up",
    "finish",
    "feedback",
)
#: Kinds shown as markers on the replay's timeline.
MARKER_KINDS = frozenset({"run", "result", "hint", "ask", "round_start", "round_end", "time_up", "finish"})


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened in a round, ``t`` seconds after it started.

    ``q`` is the question's index in the round (``-1`` for the round itself);
    ``data`` holds the kind's own fields (see ``docs/sessions.md``).
    """

    t: float
    kind: str
    q: int = -1
    data: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(frozen=True, slots=True)
class DangerZoneRecord:
    id: str
    title: Text
    judged: Text


@dataclass(frozen=True, slots=True)
class ClarificationRecord:
    question: Text
    answer: Text


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    """A question exactly as the candidate saw it."""

    id: str
    kind: str
    title: Text
    prompt: Text
    hints: tuple[Text, ...] = ()
    clarifications: tuple[ClarificationRecord, ...] = ()
    danger_zones: tuple[DangerZoneRecord, ...] = ()
    starter: str = ""

    @property
    def is_code(self) -> bool:
        return self.kind in ("code", "debugging")

    def danger_title(self, zone_id: str, lang: Lang = "en") -> str:
        zone = next((z for z in self.danger_zones if z.id == zone_id), None)
        return zone.title.get(lang) if zone is not None else zone_id

    @classmethod
    def of(cls, question: Question) -> QuestionRecord:
        return cls(
            id=question.id,
            kind=str(question.kind),
            title=question.title,
            prompt=question.prompt,
            hints=tuple(question.hints),
            clarifications=tuple(ClarificationRecord(c.question, c.answer) for c in question.clarifications),
            danger_zones=tuple(DangerZoneRecord(z.id, z.title, z.judged) for z in question.danger_zones),
            starter=question.code.starter() if question.code is not None else "",
        )


@dataclass(slots=True)
class RoundRecord:
    index: int
    id: str
    title: Text
    minutes: int
    questions: tuple[QuestionRecord, ...]
    events: list[Event] = field(default_factory=list)
    started: bool = False
    elapsed: float = 0.0  # round-elapsed seconds when last saved (resume continues from here)
    end: str = ""  # "", "time_up" or "finished"
    paused: bool = False

    @property
    def duration(self) -> float:
        return self.minutes * 60.0

    @property
    def ended(self) -> bool:
        return self.end != ""

    @property
    def last_t(self) -> float:
        return self.events[-1].t if self.events else 0.0

    def length(self) -> float:
        """How long the timeline of this round is, in seconds."""
        return max(self.elapsed, self.last_t)


@dataclass(slots=True)
class SessionRecord:
    id: str
    mode: str  # "onsite" or "drill"
    title: Text
    rounds: list[RoundRecord]
    created: dt.datetime
    updated: dt.datetime
    loop: str = ""
    seed: int | None = None
    lang: str = "en"  # the language when the session started
    status: str = "in_progress"  # ``session.Status``: "in_progress", "finished" or "abandoned"
    position: int = 0  # the round being interviewed (or last interviewed)
    format: int = FORMAT

    @property
    def finished(self) -> bool:
        return self.status == Status.FINISHED.value

    @property
    def started_rounds(self) -> list[RoundRecord]:
        return [r for r in self.rounds if r.started]

    @property
    def resumable(self) -> bool:
        return self.status == Status.IN_PROGRESS.value and bool(self.started_rounds)


def new_session_id(mode: str, when: dt.datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}-{mode}-{secrets.token_hex(2)}"


def record_of(session: Session, *, now: dt.datetime | None = None) -> SessionRecord:
    """A fresh record for ``session`` (nothing happened yet)."""
    when = now or utc_now()
    rounds = [
        RoundRecord(
            index=state.index,
            id=state.round.id,
            title=state.round.title,
            minutes=state.round.minutes,
            questions=tuple(QuestionRecord.of(a.question) for a in state.attempts),
        )
        for state in session.rounds
    ]
    return SessionRecord(
        id=new_session_id(str(session.mode), when),
        mode=str(session.mode),
        title=session.title,
        rounds=rounds,
        created=when,
        updated=when,
        loop=session.loop.id if session.loop is not None else "",
        seed=session.seed,
        lang=session.lang,
    )


def run_rows(run: CheckRun) -> list[dict[str, Any]]:
    """A finished run's rows as TOML-safe tables (hidden tests carry no evidence)."""
    rows: list[dict[str, Any]] = []
    for row in run.rows:
        entry: dict[str, Any] = {
            "name": row.name,
            "status": str(row.status),
            "visible": row.info.visible,
        }
        if row.info.description:
            entry["description"] = row.info.description
        if row.info.danger:
            entry["danger"] = row.info.danger
        result = row.result
        if result is not None:
            entry["duration"] = round(result.duration, 4)
            if result.message:
                entry["message"] = result.message
            if result.expected is not None:
                entry["expected"] = result.expected
            if result.actual is not None:
                entry["actual"] = result.actual
        rows.append(entry)
    return rows


def edit_between(old: str, new: str) -> tuple[int, int, str]:
    """The single span that turns ``old`` into ``new``: (position, characters cut, inserted)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old - start, new[start:end_new]


def apply_edit(text: str, pos: int, cut: int, ins: str) -> str:
    return text[:pos] + ins + text[pos + cut :]


@dataclass(slots=True)
class _QuestionTrack:
    text: str
    edit_t: float = -math.inf
    edit_bytes: int = 0
    hints: int = 0
    asks: set[int] = field(default_factory=set)
    runs: int = 0  # runs whose start is recorded
    results: set[int] = field(default_factory=set)  # runs whose result is recorded
    locked: bool = False
    feedback: bool = False


@dataclass(slots=True)
class _RoundTrack:
    started: bool = False
    ended: bool = False
    paused: bool = False
    questions: list[_QuestionTrack] = field(default_factory=list)


FeedbackFn = Callable[[Question, str, str], Mapping[str, Any] | str | None]


def analyze_text_answer(question: Question, answer: str, lang: str) -> Mapping[str, Any] | str | None:
    """The analyzers' verdict on a written answer: their feedback as a table, or their sentence when
    they cannot read it (its headings), or None when there is nothing to judge (code, no answer)."""
    if question.kind.is_code or not answer.strip():
        return None
    from tui.core.feedback import assess

    assessment = assess(question, answer, lang)
    return assessment.feedback.to_dict() if assessment.feedback is not None else assessment.error


class Recorder:
    """Appends what happens in ``session`` to ``record``; call ``observe()`` often.

    ``dirty`` says the record changed since ``mark_saved()``; ``urgent`` says
    the change was a run, a submission, a hint, a clarification or a round
    boundary, which the autosaver writes at once rather than at its next beat.
    """

    def __init__(
        self,
        session: Session,
        record: SessionRecord | None = None,
        *,
        debounce: float = EDIT_DEBOUNCE,
        feedback: FeedbackFn | None = analyze_text_answer,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.session = session
        self.record = record if record is not None else record_of(session, now=now())
        self.debounce = debounce
        self._feedback = feedback
        self._now = now
        self.dirty = False
        self.urgent = False
        self.changes = 0  # counts changes; a save covers those up to its snapshot's count
        self._urgent_change = 0
        self._lang = self.record.lang
        self._tracks = [self._track(r) for r in self.record.rounds]

    def _track(self, rec: RoundRecord) -> _RoundTrack:
        """What is already recorded for one round (a resumed record is not recorded twice)."""
        from tui.core.replay_state import fold_round

        view = fold_round(rec, math.inf)
        if view.lang:
            self._lang = view.lang
        track = _RoundTrack(started=rec.started, ended=rec.ended, paused=view.paused)
        for q in view.questions:
            track.questions.append(
                _QuestionTrack(
                    text=q.answer,
                    hints=len(q.hints),
                    asks=set(q.asks),
                    runs=q.runs_started,
                    results=set(q.results_recorded),
                    locked=q.locked,
                    feedback=q.feedback is not None,
                )
            )
        return track

    # -- recording -------------------------------------------------------------------

    def _add(self, rec: RoundRecord, t: float, kind: str, q: int = -1, *, urgent: bool = False, **data: Any) -> None:
        t = max(round(t, 3), rec.last_t)  # a round's timeline never goes back
        rec.events.append(Event(t, kind, q, data))
        self._changed(urgent=urgent)

    def _changed(self, *, urgent: bool) -> None:
        self.changes += 1
        self.dirty = True
        if urgent:
            self.urgent = True
            self._urgent_change = self.changes

    def note_editor(self, round_index: int, question_index: int, *, changed: bool) -> None:
        """The answer came back from $EDITOR (``changed``: it was edited there)."""
        self.observe(force_edits=True)
        state = self.session.rounds[round_index]
        self._add(self.record.rounds[round_index], state.at(), "editor", question_index, changed=changed)

    def note_resume(self) -> None:
        """The session was restored from its file after a crash or a quit."""
        state = self.session.current
        if state.started:
            self._add(self.record.rounds[state.index], state.at(), "resume", urgent=True)

    def observe(self, *, force_edits: bool = False) -> None:
        """Record whatever changed in the session since the last call."""
        session = self.session
        for state, rec, track in zip(session.rounds, self.record.rounds, self._tracks, strict=True):
            if not state.started:
                continue
            at = state.at()
            if not track.started:
                track.started = rec.started = True
                self._add(rec, 0.0, "round_start", urgent=True)
            ending = state.ended and not track.ended
            if state.index == session.position and session.lang != self._lang:
                self._lang = session.lang
                self._add(rec, at, "lang", lang=session.lang)
            paused = state.timer.paused
            if paused != track.paused:
                track.paused = rec.paused = paused
                # Urgent: a crash must not bring a paused drill back running (or the reverse).
                self._add(rec, at, "pause" if paused else "unpause", urgent=True)
            for qi, (attempt, qt) in enumerate(zip(state.attempts, track.questions, strict=True)):
                self._observe_question(
                    rec, at, qi, attempt, qt, force=force_edits or ending, end_reason=state.end_reason
                )
            if ending:
                track.ended = True
                rec.end = str(state.end_reason)
                if state.end_reason is EndReason.TIME_UP:
                    self._add(rec, at, "time_up", urgent=True)
                self._add(rec, at, "round_end", urgent=True, reason=rec.end)
                for qi, (attempt, qt) in enumerate(zip(state.attempts, track.questions, strict=True)):
                    self._feedback_for(rec, at, qi, attempt.question, attempt.answer, qt)
            rec.elapsed = round(at, 3)
        position = session.position
        status = str(session.status)
        if position != self.record.position or status != self.record.status:
            self.record.position, self.record.status = position, status
            self._changed(urgent=True)
        if self.dirty:
            self.record.updated = self._now()

    def _observe_question(
        self,
        rec: RoundRecord,
        at: float,
        qi: int,
        attempt: Any,
        qt: _QuestionTrack,
        *,
        force: bool,
        end_reason: EndReason | None,
    ) -> None:
        # Hints and clarifications carry their exact time.
        for hint in attempt.hints[qt.hints :]:
            self._add(rec, hint.at, "hint", qi, urgent=True, index=hint.index)
        qt.hints = len(attempt.hints)
        for ask in attempt.asks:
            if ask.index not in qt.asks:
                qt.asks.add(ask.index)
                self._add(rec, ask.at, "ask", qi, urgent=True, index=ask.index)
        # Runs: the source they ran is the answer at that moment.
        for number in range(qt.runs, len(attempt.runs)):
            run: CheckRun = attempt.runs[number]
            self._flush_source(rec, run.started_at, qi, run.source, qt)
            self._add(
                rec,
                run.started_at,
                "run",
                qi,
                urgent=True,
                run=number,
                mode=str(run.mode),
                cause=str(run.cause),
            )
        qt.runs = len(attempt.runs)
        for number, run in enumerate(attempt.runs):
            if number in qt.results or run.outcome is RunOutcome.RUNNING:
                continue
            qt.results.add(number)
            data: dict[str, Any] = {"run": number, "outcome": str(run.outcome), "tests": run_rows(run)}
            if run.failure is not None:
                data["failure_reason"] = run.failure.reason
                data["failure_message"] = run.failure.message
            self._add(rec, run.finished_at if run.finished_at is not None else at, "result", qi, urgent=True, **data)
        # The answer itself, debounced.
        if attempt.answer != qt.text and (force or attempt.locked or at - qt.edit_t >= self.debounce):
            self._flush_source(rec, at, qi, attempt.answer, qt)
        if attempt.locked and not qt.locked:
            qt.locked = True
            locked_at = attempt.locked_at if attempt.locked_at is not None else at
            # Locked by the candidate (finished early), not by the clock at time's up.
            if end_reason is not EndReason.TIME_UP or locked_at < at - 1e-6:
                self._add(rec, locked_at, "finish", qi, urgent=True)

    def _flush_source(self, rec: RoundRecord, t: float, qi: int, text: str, qt: _QuestionTrack) -> None:
        if text == qt.text:
            return
        pos, cut, ins = edit_between(qt.text, text)
        size = len(ins.encode("utf-8")) + 24
        if qt.edit_bytes + size > max(SNAPSHOT_MIN_BYTES, len(text.encode("utf-8"))):
            self._add(rec, t, "snapshot", qi, text=text)
            qt.edit_bytes = 0
        else:
            self._add(rec, t, "edit", qi, pos=pos, cut=cut, ins=ins)
            qt.edit_bytes += size
        qt.text = text
        qt.edit_t = t

    def _feedback_for(
        self, rec: RoundRecord, at: float, qi: int, question: Question, answer: str, qt: _QuestionTrack
    ) -> None:
        if qt.feedback or self._feedback is None:
            return
        qt.feedback = True
        verdict = self._feedback(question, answer, self._lang)
        if isinstance(verdict, str):
            self._add(rec, at, "feedback", qi, error=verdict)
        elif verdict is not None:
            self._add(rec, at, "feedback", qi, feedback=dict(verdict))

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


def is_run_mode(value: str) -> bool:
    return value in (RunMode.RUN.value, RunMode.SUBMIT.value)


def mode_of(record: SessionRecord) -> Mode:
    return Mode(record.mode)
