"""What Progress and the practice schedule need from one session: per ended round and question, its facts.

They are read once from the session's report (``tui.core.report``, so every
band is the one ``tui.core.verdict`` gave) when its history line is made, and
kept with that line in the history index (``tui.core.history``). The stats
(``tui.core.stats``) and the schedule (``tui.core.practice``) then never
re-read a session file.

Only rounds that ended are attempts. Per question:

- ``band``: the question's verdict; None while its final submission is still
  being checked;
- ``used`` against ``suggested``: the round's time used against the round's
  time, for a question alone in its round (every drill, whose round is timed
  by the question's own suggested minutes; an onsite's recruiter or design
  round). A question sharing its round with others has no time of its own in
  the file (the candidate moves between them), so both are None and the
  round's figures say how the time went;
- ``passed`` / ``total``: the tests of the final submission (code questions
  whose final submission ran; None otherwise);
- ``zones``: the danger zones hit, as (id, title): for code only tests that
  failed with a wrong answer (``checkers.verdicts.status_hits_zone``), for
  written answers what the analyzers recorded.

A round's ``at`` is when it ended: the session's creation plus the time of
its rounds so far (pauses and breaks between rounds are not in the file; a
drill's is its end to the minute). It depends only on the file, so the
schedule rebuilt from history is the schedule kept up to date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.verdict import Band

if TYPE_CHECKING:  # annotations only: the history index imports this module, and the report when it needs one
    from tui.core.record import SessionRecord
    from tui.core.report import QuestionReport, Report

__all__ = ["FactsError", "QuestionFacts", "RoundFacts", "facts_of"]


class FactsError(ValueError):
    """A cached entry's facts do not have the expected shape (the index is then rebuilt for that file)."""


#: Band by its text: a dict lookup, as 10,000 index lines are read for every Progress (``bench/stats.py``).
_BANDS = {str(band): band for band in Band}


def _band(value: object) -> Band | None:
    if value is None:
        return None
    band = _BANDS.get(value) if isinstance(value, str) else None
    if band is None:
        raise FactsError(f"not a band: {value!r}")
    return band


def _optional_number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FactsError(f"not a number: {value!r}")
    return float(value)


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FactsError(f"not a whole number: {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class QuestionFacts:
    """One question of an ended round (see the module docstring for each field)."""

    id: str
    title: str
    kind: str
    band: Band | None
    used: float | None
    suggested: float | None
    passed: int | None
    total: int | None
    hints: int
    zones: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "band": None if self.band is None else str(self.band),
            "used": self.used,
            "suggested": self.suggested,
            "passed": self.passed,
            "total": self.total,
            "hints": self.hints,
            "zones": [list(zone) for zone in self.zones],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuestionFacts:
        hints = data["hints"]
        if isinstance(hints, bool) or not isinstance(hints, int):
            raise FactsError(f"not a hint count: {hints!r}")
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            kind=str(data["kind"]),
            band=_band(data["band"]),
            used=_optional_number(data["used"]),
            suggested=_optional_number(data["suggested"]),
            passed=_optional_int(data["passed"]),
            total=_optional_int(data["total"]),
            hints=hints,
            zones=tuple((str(zone_id), str(title)) for zone_id, title in data["zones"]),
        )


@dataclass(frozen=True, slots=True)
class RoundFacts:
    """One ended round: its verdict, its time, when it ended, and its questions."""

    index: int
    id: str
    title: str  # "" for a drill's round (named "Drill" in the file): views name it from its id
    band: Band | None
    used: float
    minutes: int
    at: dt.datetime
    questions: tuple[QuestionFacts, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "id": self.id,
            "title": self.title,
            "band": None if self.band is None else str(self.band),
            "used": self.used,
            "minutes": self.minutes,
            "at": self.at.isoformat(),
            "questions": [q.to_dict() for q in self.questions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundFacts:
        index, minutes = data["index"], data["minutes"]
        if not isinstance(index, int) or not isinstance(minutes, int):
            raise FactsError("a round's index and minutes are whole numbers")
        at = dt.datetime.fromisoformat(str(data["at"]))
        if at.tzinfo is None:
            raise FactsError("a round's end time has no time zone")
        used = _optional_number(data["used"])
        return cls(
            index=index,
            id=str(data["id"]),
            title=str(data["title"]),
            band=_band(data["band"]),
            used=used if used is not None else 0.0,
            minutes=minutes,
            at=at,
            questions=tuple(QuestionFacts.from_dict(q) for q in data["questions"]),
        )


def _question(q: QuestionReport, used: float, minutes: int, *, alone: bool) -> QuestionFacts:
    final = q.final
    judged = final is not None and final.outcome in ("finished", "failed") and final.total > 0
    return QuestionFacts(
        id=q.id,
        title=q.title,
        kind=q.kind,
        band=None if q.verdict.pending else q.band,
        used=used if alone else None,
        suggested=minutes * 60.0 if alone else None,
        passed=final.passed if judged and final is not None else None,
        total=final.total if judged and final is not None else None,
        hints=len(q.hints),
        zones=tuple(zip(q.zones_hit, q.danger_zones_hit, strict=True)),
    )


def facts_of(record: SessionRecord, report: Report) -> tuple[RoundFacts, ...]:
    """The facts of every ended round of ``record``, read from ``report`` (its report)."""
    rounds: list[RoundFacts] = []
    clock = 0.0
    for rec, rr in zip(record.rounds, report.rounds, strict=True):
        if not rec.started:
            continue
        clock += rr.used
        if rr.verdict is None:
            continue
        questions = tuple(_question(q, rr.used, rr.minutes, alone=len(rr.questions) == 1) for q in rr.questions)
        rounds.append(
            RoundFacts(
                index=rr.index,
                id=rec.id,
                title="" if record.mode == "drill" else rr.title,
                band=None if rr.verdict.pending else rr.verdict.band,
                used=rr.used,
                minutes=rr.minutes,
                at=record.created + dt.timedelta(seconds=round(clock)),
                questions=questions,
            )
        )
    return tuple(rounds)
