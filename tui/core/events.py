"""What happens in a round, one typed record per kind, stamped with round-elapsed seconds ``t``.

The session (``tui.core.session``, ``tui.core.attempt``) creates these at the
moment things happen (a hint revealed, a run started, its results back, the
clock paused, the round over) and hands them to its timeline; the recorder
appends them to the session file; replay, resume and the report fold the same
list (``tui.core.replay_state.fold_round``). Nothing rediscovers an event by
comparing states. The one exception to "one event per action" is typing:
answer changes are compacted into ``Edit`` or ``Snapshot`` records by the
recorder (at most one a second), since a keystroke is not worth a record.

Question events carry ``q``, the question's index in the round; round events
do not. ``kind`` is the name in the file (``docs/sessions.md``); ``urgent``
says the autosave writes it at once rather than at its next beat.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from tui.core.results import CheckRun

#: The texts of one answer: every answer has one; a debugging answer also explains what was wrong.
AnswerPart = Literal["answer", "explanation"]
ANSWER_PARTS: tuple[AnswerPart, ...] = ("answer", "explanation")


@dataclass(frozen=True, slots=True)
class TestRecord:
    """One test's result as recorded: hidden tests never carry expected/actual."""

    __test__ = False

    name: str
    status: str
    visible: bool = True
    description: str = ""
    danger: str = ""
    duration: float | None = None
    message: str = ""
    expected: str | None = None
    actual: str | None = None
    traceback: str = ""  # visible tests only, already trimmed to the answer's frames


# -- round events ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoundStart:
    """The round's clock started."""

    t: float
    kind: ClassVar[str] = "round_start"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class RoundEnd:
    """The round ended: ``reason`` is ``time_up`` or ``finished``."""

    t: float
    reason: str
    kind: ClassVar[str] = "round_end"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Resume:
    """The session was restored from its file (after a crash, a kill or a quit)."""

    t: float
    kind: ClassVar[str] = "resume"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class LangSwitch:
    """The prompts switched language."""

    t: float
    lang: str
    kind: ClassVar[str] = "lang"
    urgent: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Pause:
    """A drill's clock paused (saved at once: a crash must not bring it back running)."""

    t: float
    kind: ClassVar[str] = "pause"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Unpause:
    t: float
    kind: ClassVar[str] = "unpause"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class ClockRanOut:
    """The onsite round ran out (``time_up`` in the file); its ``RoundEnd`` follows."""

    t: float
    kind: ClassVar[str] = "time_up"
    urgent: ClassVar[bool] = True


# -- question events ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The whole answer (written instead of an edit when edits pile up).

    ``part``: which text of the answer, ``"answer"`` (the code or the written
    answer) or ``"explanation"`` (a debugging answer's "what was wrong").
    """

    t: float
    q: int
    text: str
    part: AnswerPart = "answer"
    kind: ClassVar[str] = "snapshot"
    urgent: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``cut`` characters at ``pos`` with ``ins`` in the answer's ``part`` (see ``Snapshot``)."""

    t: float
    q: int
    pos: int
    cut: int
    ins: str
    part: AnswerPart = "answer"
    kind: ClassVar[str] = "edit"
    urgent: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class EditorTrip:
    """A round trip through ``$VISUAL``/``$EDITOR`` (``changed``: the answer was edited there)."""

    t: float
    q: int
    changed: bool
    kind: ClassVar[str] = "editor"
    urgent: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class RunStart:
    """A Run or Submit started; ``cause``: candidate, finish (finished early) or time_up (the clock)."""

    t: float
    q: int
    run: int
    mode: str
    cause: str = "candidate"
    kind: ClassVar[str] = "run"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class RunResult:
    """That run's results: ``outcome`` finished, failed or cancelled."""

    t: float
    q: int
    run: int
    outcome: str
    tests: tuple[TestRecord, ...] = ()
    failure_reason: str = ""
    failure_message: str = ""
    kind: ClassVar[str] = "result"
    urgent: ClassVar[bool] = True

    @classmethod
    def of(cls, q: int, number: int, run: CheckRun) -> RunResult:
        """The results of a run that ended (hidden tests carry no evidence: ``CheckRun`` dropped it)."""
        tests = []
        for row in run.rows:
            result = row.result
            tests.append(
                TestRecord(
                    name=row.name,
                    status=str(row.status),
                    visible=row.info.visible,
                    description=row.info.description,
                    danger=row.info.danger or "",
                    duration=round(result.duration, 4) if result is not None else None,
                    message=result.message if result is not None else "",
                    expected=result.expected if result is not None else None,
                    actual=result.actual if result is not None else None,
                    traceback=result.traceback if result is not None else "",
                )
            )
        return cls(
            t=run.finished_at if run.finished_at is not None else run.started_at,
            q=q,
            run=number,
            outcome=str(run.outcome),
            tests=tuple(tests),
            failure_reason=run.failure.reason if run.failure is not None else "",
            failure_message=run.failure.message if run.failure is not None else "",
        )


@dataclass(frozen=True, slots=True)
class Hint:
    """Hint ``index`` of the question was revealed."""

    t: float
    q: int
    index: int
    kind: ClassVar[str] = "hint"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Clarify:
    """Clarification ``index`` was asked (``ask`` in the file)."""

    t: float
    q: int
    index: int
    kind: ClassVar[str] = "ask"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Finish:
    """The candidate finished the question early (its answer is locked)."""

    t: float
    q: int
    kind: ClassVar[str] = "finish"
    urgent: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class FeedbackNote:
    """The analyzers' verdict on a written answer at its round's end (or why they could not read it)."""

    t: float
    q: int
    feedback: Mapping[str, Any] | None = None
    error: str = ""
    kind: ClassVar[str] = "feedback"
    urgent: ClassVar[bool] = True


RoundEvent = RoundStart | RoundEnd | Resume | LangSwitch | Pause | Unpause | ClockRanOut
QuestionEvent = Snapshot | Edit | EditorTrip | RunStart | RunResult | Hint | Clarify | Finish | FeedbackNote
Event = RoundEvent | QuestionEvent

#: Every kind, in the order ``docs/sessions.md`` documents them.
EVENT_TYPES: tuple[type[Event], ...] = (
    RoundStart,
    RoundEnd,
    Resume,
    Snapshot,
    Edit,
    EditorTrip,
    RunStart,
    RunResult,
    Hint,
    Clarify,
    LangSwitch,
    Pause,
    Unpause,
    ClockRanOut,
    Finish,
    FeedbackNote,
)
BY_KIND: Mapping[str, type[Event]] = {cls.kind: cls for cls in EVENT_TYPES}
EVENT_KINDS: tuple[str, ...] = tuple(BY_KIND)
QUESTION_TYPES: tuple[type[QuestionEvent], ...] = (
    Snapshot,
    Edit,
    EditorTrip,
    RunStart,
    RunResult,
    Hint,
    Clarify,
    Finish,
    FeedbackNote,
)


def question_of(event: Event) -> int:
    """The question an event is about, or -1 for the round itself."""
    return event.q if isinstance(event, QUESTION_TYPES) else -1
