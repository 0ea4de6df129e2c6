"""What a session file holds: plain data, self-contained, read and written by ``tui.core.store``.

A ``SessionRecord`` is the loop, the seed, the lifecycle, and each round
with its questions *as they were shown* (titles, prompts in both languages,
hints, clarifications, danger zones, the starter code) and its timeline of
typed events (``tui.core.events``) stamped with round-elapsed seconds. It is
self-contained, so a file replays on another machine with another bank;
``tui.core.replay_state`` folds it into the state at any time, and
``tui.core.recorder`` appends to it while the interview runs. The format is
documented in ``docs/sessions.md``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from question_bank import Lang, Question, Text
from tui.core.events import Event
from tui.core.session import Session, Status
from tui.core.session_toml import SessionToml

#: The version of the session file this code writes; readers refuse newer ones, and read formats 1
#: (before runs said what caused them and finished sessions said "finished") and 2 (before a debugging
#: answer's explanation: its questions have no ``explanation``, its edits no ``part``).
FORMAT = 3


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


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
    #: A debugging question's request to explain what was wrong (its guidance); None: no explanation asked.
    explanation: Text | None = None

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
            explanation=question.explanation.guidance if question.explanation is not None else None,
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
    #: The TOML already made for this record's events and questions (shared by its snapshots; ``store.dumps``).
    toml: SessionToml = field(default_factory=SessionToml, repr=False, compare=False)

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
