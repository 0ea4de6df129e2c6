"""The interview state machine: an onsite loop of rounds, or a single drill.

The screens ask the session what phase it is in and render that; they never
decide themselves when a round ends or what comes next. Time only enters
through the injected clock, and ``tick`` is the one place where the passage of
time turns into decisions (time's up locks and submits in an onsite; a drill
keeps counting as overtime).

Phases, in order::

    BRIEFING → IN_ROUND → ROUND_OVER → IN_ROUND → … → ROUND_OVER → DONE

A drill skips the briefing and has one round.

The **lifecycle** (``Session.status``, the one field the file, history, Home
and the resume offer read) is separate from the phases: a session is
``in_progress`` until its last round ends, then ``finished``; or ``finished``
earlier when the candidate ends it (``end_now``, from the quit dialog); or
``abandoned`` when the candidate discards it (``abandon``). Only an
``in_progress`` session is ever offered for resume.

**Events**: every change is announced as it happens, as one typed record
(``tui.core.events``), to the session's ``Timeline``: the round's start and
end, time's up, pauses, language switches, and through each attempt hints,
clarifications, runs and their results, finishing early, answer changes. The
recorder attaches to the timeline (until then events are held, so a drill's
``RoundStart`` at construction is not lost); nothing is rediscovered later by
comparing states.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from question_bank import DrawnRound, Lang, Loop, Question, Round, Text
from tui.core.attempt import QuestionAttempt
from tui.core.clock import Clock
from tui.core.events import (
    AnswerPart,
    ClockRanOut,
    EditorTrip,
    Event,
    Finish,
    LangSwitch,
    Pause,
    RoundEnd,
    RoundStart,
    Unpause,
)
from tui.core.messages import language
from tui.core.timer import RoundTimer


class Mode(StrEnum):
    ONSITE = "onsite"
    DRILL = "drill"


class SessionPhase(StrEnum):
    BRIEFING = "briefing"
    IN_ROUND = "in_round"
    ROUND_OVER = "round_over"
    DONE = "done"


class Status(StrEnum):
    """Where a session is in its life; written to its file as ``status``."""

    IN_PROGRESS = "in_progress"
    FINISHED = "finished"  # its last round ended, or the candidate ended it early
    ABANDONED = "abandoned"  # the candidate discarded it


class EndReason(StrEnum):
    TIME_UP = "time_up"
    FINISHED = "finished"  # the candidate finished every question early


@dataclass(frozen=True, slots=True)
class TimeUp:
    """An onsite round ran out: its answers are locked; these must be submitted."""

    round_index: int
    to_submit: tuple[QuestionAttempt, ...]


@dataclass(frozen=True, slots=True)
class OvertimeStarted:
    """A drill ran out: the clock keeps counting, as overtime."""

    round_index: int


RoundEvent = TimeUp | OvertimeStarted


class EventSink(Protocol):
    """Who receives a session's events: the recorder (``tui.core.recorder``)."""

    def record_event(self, round_index: int, event: Event) -> None: ...

    def answer_changed(self, round_index: int, question: int, text: str, at: float, part: AnswerPart) -> None: ...

    def lifecycle_changed(self) -> None: ...


class Timeline:
    """Where a session's events go as they happen: to the sink once attached, held in order until then."""

    def __init__(self) -> None:
        self._sink: EventSink | None = None
        self._held: list[Callable[[EventSink], None]] = []

    def attach(self, sink: EventSink) -> None:
        self._sink = sink
        held, self._held = self._held, []
        for call in held:
            call(sink)

    def forget(self) -> None:
        """Drop what is held (a session being restored from its file re-creates what is already recorded)."""
        self._held.clear()

    def _send(self, call: Callable[[EventSink], None]) -> None:
        if self._sink is None:
            self._held.append(call)
        else:
            call(self._sink)

    def event(self, round_index: int, event: Event) -> None:
        self._send(lambda sink: sink.record_event(round_index, event))

    def answer(self, round_index: int, question: int, text: str, at: float, part: AnswerPart = "answer") -> None:
        self._send(lambda sink: sink.answer_changed(round_index, question, text, at, part))

    def lifecycle(self) -> None:
        self._send(lambda sink: sink.lifecycle_changed())


class RoundState:
    """One round being interviewed: its timer and one attempt per question."""

    def __init__(
        self, index: int, drawn: DrawnRound, timer: RoundTimer, mode: Mode, timeline: Timeline | None = None
    ) -> None:
        self.index = index
        self.drawn = drawn
        self.timer = timer
        self.mode = mode
        self.timeline = timeline or Timeline()
        self.attempts: tuple[QuestionAttempt, ...] = tuple(QuestionAttempt.start(q) for q in drawn.questions)
        for number, attempt in enumerate(self.attempts):
            attempt.bind(number, self._emit, self._answer_changed(number))
        self.end_reason: EndReason | None = None
        self._time_signalled = False

    def _emit(self, event: Event) -> None:
        self.timeline.event(self.index, event)

    def _answer_changed(self, number: int) -> Callable[[str, AnswerPart], None]:
        return lambda text, part: self.timeline.answer(self.index, number, text, self.at(), part)

    @property
    def round(self) -> Round:
        return self.drawn.round

    @property
    def started(self) -> bool:
        return self.timer.started

    @property
    def ended(self) -> bool:
        return self.end_reason is not None

    def at(self) -> float:
        """Round-elapsed seconds: the timestamp of everything recorded in this round.

        An onsite round has no overtime: what happens between its deadline and
        the tick that notices it (the answer synced just before locking) is
        stamped at the deadline.
        """
        elapsed = self.timer.elapsed()
        return min(elapsed, self.timer.duration) if self.mode is Mode.ONSITE else elapsed

    def start(self) -> None:
        if not self.timer.started:
            self.timer.start()
            self._emit(RoundStart(0.0))

    def pause(self) -> None:
        """Pause a drill's clock (an onsite's never pauses: ``RuntimeError``)."""
        if self.timer.running and not self.timer.paused:
            self.timer.pause()
            self._emit(Pause(self.at()))

    def unpause(self) -> None:
        if self.timer.paused:
            self.timer.resume()
            self._emit(Unpause(self.at()))

    def note_editor(self, question_index: int, *, changed: bool) -> None:
        """The answer came back from a round trip through ``$EDITOR``."""
        self._emit(EditorTrip(self.at(), question_index, changed))

    def tick(self) -> RoundEvent | None:
        """Turn the passage of time into at most one decision; safe to call as often as wanted."""
        if not self.timer.running or self._time_signalled or not self.timer.is_up():
            return None
        self._time_signalled = True
        if self.mode is Mode.DRILL:
            return OvertimeStarted(self.index)
        to_submit = tuple(a for a in self.attempts if not a.locked and a.needs_final_submit())
        self._end(EndReason.TIME_UP)
        return TimeUp(self.index, to_submit)

    def finish_question(self, question_index: int) -> tuple[QuestionAttempt, ...]:
        """Lock one answer early; returns what must be submitted (ends the round when it was the last)."""
        attempt = self.attempts[question_index]
        if attempt.locked:
            return ()
        to_submit = (attempt,) if attempt.needs_final_submit() else ()
        attempt.lock(self.at())
        self._emit(Finish(self.at(), question_index))
        if all(a.locked for a in self.attempts):
            self._end(EndReason.FINISHED)
        return to_submit

    def next_open_question(self, after: int = -1) -> int | None:
        """The next question still being answered, wrapping around."""
        count = len(self.attempts)
        for step in range(1, count + 1):
            index = (after + step) % count
            if not self.attempts[index].locked:
                return index
        return None

    def _end(self, reason: EndReason) -> None:
        if self.end_reason is None:
            self.unpause()
            self.timer.stop(at_deadline=reason is EndReason.TIME_UP)
            at = self.at()
            if reason is EndReason.TIME_UP:
                self._emit(ClockRanOut(at))
            for attempt in self.attempts:
                attempt.lock(at)
            self.end_reason = reason
            self._emit(RoundEnd(at, str(reason)))


class Session:
    """An onsite loop or a drill, from the briefing to the last summary."""

    def __init__(
        self,
        mode: Mode,
        clock: Clock,
        drawn: tuple[DrawnRound, ...],
        *,
        title: Text,
        loop: Loop | None = None,
        seed: int | None = None,
        lang: Lang | None = None,
    ) -> None:
        if not drawn:
            raise ValueError("a session needs at least one round")
        self.mode = mode
        self.clock = clock
        self.loop = loop
        self.title = title
        self.seed = seed
        self.lang: Lang = lang or language()  # the question's language starts as the interface's
        self.timeline = Timeline()
        pausable = mode is Mode.DRILL
        self.rounds: tuple[RoundState, ...] = tuple(
            RoundState(i, d, RoundTimer(clock, d.round.minutes * 60, pausable=pausable), mode, self.timeline)
            for i, d in enumerate(drawn)
        )
        self.position = 0
        self.ended_early = False  # the candidate ended the session before its last round
        self.abandoned = False
        self.phase = SessionPhase.BRIEFING if mode is Mode.ONSITE else SessionPhase.IN_ROUND
        if self.phase is SessionPhase.IN_ROUND:
            self.rounds[0].start()

    # -- construction ----------------------------------------------------------------

    @classmethod
    def onsite(cls, loop: Loop, drawn: tuple[DrawnRound, ...], clock: Clock, *, seed: int) -> Session:
        return cls(Mode.ONSITE, clock, drawn, title=loop.title, loop=loop, seed=seed)

    @classmethod
    def drill(cls, question: Question, clock: Clock, *, round_title: Text | None = None) -> Session:
        """A one-question session timed by the question's suggested minutes."""
        drill_round = Round(
            id=question.round,
            title=round_title or Text(en="Drill", fr="Exercice"),
            minutes=question.minutes,
            assesses=Text(en="", fr=""),
            slots=(),
        )
        title = Text(en=f"Drill · {question.title.en}", fr=f"Exercice · {question.title.fr}")
        return cls(Mode.DRILL, clock, (DrawnRound(drill_round, (question,)),), title=title)

    # -- reading ---------------------------------------------------------------------

    @property
    def current(self) -> RoundState:
        return self.rounds[self.position]

    @property
    def is_last_round(self) -> bool:
        return self.position == len(self.rounds) - 1

    @property
    def status(self) -> Status:
        """The lifecycle: in progress until the last round ends (or the candidate ends or discards it)."""
        if self.abandoned:
            return Status.ABANDONED
        if self.ended_early or self.phase is SessionPhase.DONE or self.rounds[-1].ended:
            return Status.FINISHED
        return Status.IN_PROGRESS

    @property
    def in_progress(self) -> bool:
        """True from the first round's start until the session is finished: quitting now must ask."""
        return self.status is Status.IN_PROGRESS and self.rounds[0].started

    # -- transitions -----------------------------------------------------------------

    def begin(self) -> RoundState:
        """Leave the briefing: the first round's clock starts."""
        if self.phase is not SessionPhase.BRIEFING:
            raise RuntimeError(f"cannot begin from {self.phase}")
        self.phase = SessionPhase.IN_ROUND
        self.current.start()
        return self.current

    def tick(self) -> RoundEvent | None:
        if self.phase is not SessionPhase.IN_ROUND:
            return None
        event = self.current.tick()
        if isinstance(event, TimeUp):
            self.phase = SessionPhase.ROUND_OVER
            self.timeline.lifecycle()
        return event

    def finish_question(self, question_index: int) -> tuple[QuestionAttempt, ...]:
        """Finish one question early (after the candidate confirmed); may end the round."""
        if self.phase is not SessionPhase.IN_ROUND:
            return ()
        to_submit = self.current.finish_question(question_index)
        if self.current.ended:
            self.phase = SessionPhase.ROUND_OVER
            self.timeline.lifecycle()
        return to_submit

    def advance(self) -> RoundState | None:
        """From a round's summary to the next round (its clock starts), or to DONE."""
        if self.phase is not SessionPhase.ROUND_OVER:
            raise RuntimeError(f"cannot advance from {self.phase}")
        if self.is_last_round:
            self.phase = SessionPhase.DONE
            self.timeline.lifecycle()
            return None
        self.position += 1
        self.phase = SessionPhase.IN_ROUND
        self.current.start()
        self.timeline.lifecycle()
        return self.current

    def end_now(self) -> tuple[QuestionAttempt, ...]:
        """The candidate ends the session here ("finish now" when quitting); returns what must be submitted.

        A round being answered ends as if finished early (its answers locked);
        the rounds not yet started are not taken. The session is finished.
        """
        to_submit: tuple[QuestionAttempt, ...] = ()
        state = self.current
        if state.started and not state.ended:
            for attempt in state.attempts:  # a Run still streaming is cut short, as at time's up
                attempt.cancel_runs(state.at())
            to_submit = tuple(a for a in state.attempts if not a.locked and a.needs_final_submit())
            for index, attempt in enumerate(state.attempts):
                if not attempt.locked:
                    state.finish_question(index)
        self.ended_early = True
        self.phase = SessionPhase.DONE
        self.timeline.lifecycle()
        return to_submit

    def abandon(self) -> None:
        """The candidate discards the session: it is kept in history, never offered for resume."""
        self.abandoned = True
        self.timeline.lifecycle()

    def toggle_lang(self) -> Lang:
        self.lang = "fr" if self.lang == "en" else "en"
        self.current._emit(LangSwitch(self.current.at(), self.lang))
        return self.lang
