"""Progress: per round and per question, how practice went, computed from the history index alone.

``progress(entries)`` folds the facts the index keeps for each session
(``HistoryEntry.practice``: the ended rounds of sessions not discarded; see
``tui.core.progress_facts``) into one ``Progress``: the Progress screen and
``mockloop stats`` (text and JSON) show it and decide nothing. No session
file is read, so 10,000 sessions take a fraction of a second
(``bench/stats.py``).

An *attempt* is a question (or a round) with a band: a drill is one attempt
of its question and one of the question's round; an onsite round is one
attempt of that round and one of each of its questions. For each:

- attempts, the last and the best band, and the bands in time order (the
  trend);
- time used against the suggested time: summed over the attempts whose time
  is known (a round's always; a question's when it was alone in its round),
  so the share is "of the time given, how much was used";
- tests passed on the final submission, summed over the code questions that
  were submitted, and the last one's;
- hints taken, in all;
- the danger zones hit, most often first, with their titles (as recorded).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from question_bank import ROUND_IDS
from tui.core.history import HistoryEntry
from tui.core.progress_facts import QuestionFacts, RoundFacts
from tui.core.verdict import Band

__all__ = ["Point", "Progress", "QuestionStats", "RoundStats", "TimeFigure", "ZoneCount", "progress"]


@dataclass(frozen=True, slots=True)
class Point:
    """One attempt on the trend: when it ended and its band."""

    at: dt.datetime
    band: Band


@dataclass(frozen=True, slots=True)
class ZoneCount:
    id: str
    title: str
    hits: int


@dataclass(frozen=True, slots=True)
class TimeFigure:
    """Time used against time suggested, summed over ``count`` attempts (seconds)."""

    used: float
    suggested: float
    count: int

    @property
    def share(self) -> float:
        return self.used / self.suggested if self.suggested else 0.0


@dataclass(frozen=True, slots=True)
class TestsFigure:
    """Tests passed on final submissions, summed over ``submissions`` of them."""

    __test__ = False

    passed: int
    total: int
    submissions: int

    @property
    def share(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class _Stats:
    attempts: int
    last: Band | None
    best: Band | None
    trend: tuple[Point, ...]
    time: TimeFigure | None
    tests: TestsFigure | None
    hints: int
    zones: tuple[ZoneCount, ...]

    def _common(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "last": _band(self.last),
            "best": _band(self.best),
            "trend": [{"at": p.at.isoformat(), "band": str(p.band)} for p in self.trend],
            "time": None
            if self.time is None
            else {"used": self.time.used, "suggested": self.time.suggested, "attempts": self.time.count},
            "tests": None
            if self.tests is None
            else {"passed": self.tests.passed, "total": self.tests.total, "submissions": self.tests.submissions},
            "hints": self.hints,
            "danger_zones": [{"id": z.id, "title": z.title, "hits": z.hits} for z in self.zones],
        }


@dataclass(frozen=True, slots=True)
class RoundStats(_Stats):
    id: str = ""
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, **self._common()}


@dataclass(frozen=True, slots=True)
class QuestionStats(_Stats):
    id: str = ""
    title: str = ""
    round: str = ""
    last_time: tuple[float, float] | None = None  # (used, suggested) of the last attempt, when known
    last_tests: tuple[int, int] | None = None  # (passed, total) of the last submitted attempt
    due: dt.datetime | None = None  # when the practice schedule has it due next

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "round": self.round,
            **self._common(),
            "last_tests": None if self.last_tests is None else list(self.last_tests),
            "due": None if self.due is None else self.due.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Progress:
    rounds: tuple[RoundStats, ...]
    questions: tuple[QuestionStats, ...]
    trend: tuple[Point, ...]  # every question attempt, oldest first
    sessions: int  # sessions with at least one attempt

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions": self.sessions,
            "attempts": len(self.trend),
            "rounds": [r.to_dict() for r in self.rounds],
            "questions": [q.to_dict() for q in self.questions],
        }


def _band(band: Band | None) -> str | None:
    return None if band is None else str(band)


_RANK = {band: band.rank for band in Band}


@dataclass(slots=True)
class _Tally:
    """What one round or question accumulates, attempt by attempt (oldest first)."""

    points: list[Point] = field(default_factory=list)
    used: float = 0.0
    suggested: float = 0.0
    timed: int = 0
    passed: int = 0
    total: int = 0
    submissions: int = 0
    hints: int = 0
    zones: Counter[str] = field(default_factory=Counter)
    titles: dict[str, str] = field(default_factory=dict)
    last_time: tuple[float, float] | None = None
    last_tests: tuple[int, int] | None = None

    def add_question(self, q: QuestionFacts) -> None:
        if q.passed is not None and q.total is not None:
            self.passed += q.passed
            self.total += q.total
            self.submissions += 1
            self.last_tests = (q.passed, q.total)
        self.hints += q.hints
        for zone_id, title in q.zones:
            self.zones[zone_id] += 1
            self.titles[zone_id] = title

    def add_time(self, used: float, suggested: float) -> None:
        self.used += used
        self.suggested += suggested
        self.timed += 1
        self.last_time = (used, suggested)

    def stats(self) -> dict[str, Any]:
        bands = [p.band for p in self.points]
        return {
            "attempts": len(self.points),
            "last": bands[-1] if bands else None,
            "best": max(bands, key=_RANK.__getitem__) if bands else None,
            "trend": tuple(self.points),
            "time": TimeFigure(self.used, self.suggested, self.timed) if self.timed else None,
            "tests": TestsFigure(self.passed, self.total, self.submissions) if self.submissions else None,
            "hints": self.hints,
            "zones": tuple(
                ZoneCount(zone_id, self.titles[zone_id], hits)
                for zone_id, hits in sorted(self.zones.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        }


def _round_order(round_id: str) -> tuple[int, str]:
    return (ROUND_IDS.index(round_id) if round_id in ROUND_IDS else len(ROUND_IDS), round_id)


def _title_of(round_id: str, titles: Mapping[str, str]) -> str:
    return titles.get(round_id) or round_id.replace("-", " ").capitalize()


def progress(
    entries: Iterable[HistoryEntry],
    *,
    round_titles: Mapping[str, str] | None = None,
    due: Mapping[str, dt.datetime] | None = None,
) -> Progress:
    """The progress shown by the Progress screen and ``mockloop stats``.

    ``round_titles`` names the rounds (the loop's titles; else those recorded
    in onsites, else the id); ``due`` is the schedule's next date per question.
    """
    played: list[tuple[dt.datetime, str, RoundFacts]] = []
    sessions = 0
    for entry in entries:
        counted = [r for r in entry.practice if r.band is not None or any(q.band is not None for q in r.questions)]
        if counted:
            sessions += 1
        played.extend((r.at, entry.name, r) for r in counted)
    played.sort(key=lambda item: (item[0], item[1], item[2].index))

    rounds: dict[str, _Tally] = {}
    questions: dict[str, _Tally] = {}
    about: dict[str, tuple[str, str]] = {}  # question id → (title, round id), as last recorded
    titles = dict(round_titles or {})
    trend: list[Point] = []
    for at, _, facts in played:
        if facts.title:
            titles.setdefault(facts.id, facts.title)
        if facts.band is not None:
            tally = rounds.get(facts.id) or rounds.setdefault(facts.id, _Tally())
            tally.points.append(Point(at, facts.band))
            tally.add_time(facts.used, facts.minutes * 60.0)
            for q in facts.questions:
                tally.add_question(q)
        for q in facts.questions:
            if q.band is None:
                continue
            tally = questions.get(q.id) or questions.setdefault(q.id, _Tally())
            tally.points.append(Point(at, q.band))
            tally.add_question(q)
            if q.used is not None and q.suggested is not None:
                tally.add_time(q.used, q.suggested)
            about[q.id] = (q.title, facts.id)
            trend.append(Point(at, q.band))

    round_stats = tuple(
        RoundStats(**tally.stats(), id=round_id, title=_title_of(round_id, titles))
        for round_id, tally in sorted(rounds.items(), key=lambda kv: _round_order(kv[0]))
    )
    question_stats = tuple(
        QuestionStats(
            **tally.stats(),
            id=question_id,
            title=about[question_id][0],
            round=about[question_id][1],
            last_time=tally.last_time,
            last_tests=tally.last_tests,
            due=(due or {}).get(question_id),
        )
        for question_id, tally in sorted(
            questions.items(), key=lambda kv: (_round_order(about[kv[0]][1]), about[kv[0]][0].lower(), kv[0])
        )
    )
    return Progress(round_stats, question_stats, tuple(trend), sessions)
