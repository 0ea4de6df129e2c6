"""What every text analyzer returns: a band, the reasons for it, and the evidence.

The result is plain, immutable data so that the TUI can render it, the CLI can
print it with ``--json``, and the session file can store it. ``to_dict()``
gives JSON- *and* TOML-safe values (no ``None``, since TOML has no null: an
absent coverage is simply left out) and ``Feedback.from_dict`` reads it back,
so a replay shows exactly the feedback the candidate saw.

A band is decided by *caps*: each rule that fails says "at best, this band" and
why; the band is the lowest cap. The reasons kept are those of the caps that
set the band, so every band can be explained in one or two sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from checkers.text.messages import message


class Severity(StrEnum):
    """How much a finding matters: only warnings and problems move the band."""

    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"


class Band(StrEnum):
    """The hiring recommendation an interviewer would write, lowest first."""

    STRONG_NO_HIRE = "Strong No Hire"
    NO_HIRE = "No Hire"
    HIRE = "Hire"
    STRONG_HIRE = "Strong Hire"

    @property
    def rank(self) -> int:
        """0 for Strong No Hire up to 3 for Strong Hire, for comparisons."""
        return list(Band).index(self)

    @property
    def is_hire(self) -> bool:
        return self.rank >= Band.HIRE.rank


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about the answer, with quotes from it and what to do instead."""

    id: str
    severity: Severity
    title: str
    evidence: tuple[str, ...] = ()
    suggestion: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": str(self.severity),
            "title": self.title,
            "evidence": list(self.evidence),
            "suggestion": self.suggestion,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            id=str(data["id"]),
            severity=Severity(data["severity"]),
            title=str(data["title"]),
            evidence=tuple(str(e) for e in data.get("evidence", ())),
            suggestion=str(data.get("suggestion", "")),
        )


@dataclass(frozen=True, slots=True)
class ConceptCoverage:
    """Whether one rubric concept is covered, and by which of its words.

    ``where`` is the canvas section (or STAR part) of the first match; empty
    when the answer is a single text or the concept is missed.
    """

    id: str
    concept: str
    weight: int
    covered: bool
    matched: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "concept": self.concept,
            "weight": self.weight,
            "covered": self.covered,
            "matched": list(self.matched),
            "evidence": list(self.evidence),
            "where": self.where,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConceptCoverage:
        return cls(
            id=str(data["id"]),
            concept=str(data["concept"]),
            weight=int(data["weight"]),
            covered=bool(data["covered"]),
            matched=tuple(str(m) for m in data.get("matched", ())),
            evidence=tuple(str(e) for e in data.get("evidence", ())),
            where=str(data.get("where", "")),
        )


@dataclass(frozen=True, slots=True)
class Coverage:
    """Rubric coverage: every concept, and the share of the rubric's weight covered."""

    concepts: tuple[ConceptCoverage, ...]

    @property
    def total_weight(self) -> int:
        return sum(c.weight for c in self.concepts)

    @property
    def covered_weight(self) -> int:
        return sum(c.weight for c in self.concepts if c.covered)

    @property
    def score(self) -> float:
        """Covered weight over total weight, 0.0–1.0 (0.0 for an empty rubric)."""
        total = self.total_weight
        return self.covered_weight / total if total else 0.0

    @property
    def covered(self) -> tuple[ConceptCoverage, ...]:
        return tuple(c for c in self.concepts if c.covered)

    @property
    def missed(self) -> tuple[ConceptCoverage, ...]:
        """Missed concepts, heaviest first: what to study next."""
        return tuple(sorted((c for c in self.concepts if not c.covered), key=lambda c: -c.weight))

    def is_covered(self, concept_id: str) -> bool:
        return any(c.id == concept_id and c.covered for c in self.concepts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "covered_weight": self.covered_weight,
            "total_weight": self.total_weight,
            "concepts": [c.to_dict() for c in self.concepts],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Coverage:
        return cls(tuple(ConceptCoverage.from_dict(c) for c in data.get("concepts", ())))


@dataclass(frozen=True, slots=True)
class Feedback:
    """The verdict on one text answer: band, reasons, findings, coverage, stats."""

    kind: str
    band: Band
    reasons: tuple[str, ...]
    findings: tuple[Finding, ...]
    coverage: Coverage | None = None
    danger_zones_hit: tuple[str, ...] = ()
    stats: Mapping[str, Any] = field(default_factory=dict)
    lang: str = "en"

    @property
    def passed(self) -> bool:
        """Hire or Strong Hire: what ``mockloop check`` reports as exit status 0."""
        return self.band.is_hire

    def finding(self, finding_id: str) -> Finding:
        """The finding with that id (``KeyError``, naming the ids there are, when it is absent)."""
        found = next((f for f in self.findings if f.id == finding_id), None)
        if found is None:
            raise KeyError(f"no finding {finding_id!r}; the findings are {', '.join(self.finding_ids) or 'none'}")
        return found

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """JSON- and TOML-safe: lists, dicts, str, int, float, bool; never ``None``."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "lang": self.lang,
            "band": str(self.band),
            "passed": self.passed,
            "reasons": list(self.reasons),
            "findings": [f.to_dict() for f in self.findings],
            "danger_zones_hit": list(self.danger_zones_hit),
            "stats": _plain(self.stats),
        }
        if self.coverage is not None:
            data["coverage"] = self.coverage.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Feedback:
        coverage = data.get("coverage")
        return cls(
            kind=str(data["kind"]),
            band=Band(data["band"]),
            reasons=tuple(str(r) for r in data.get("reasons", ())),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            coverage=Coverage.from_dict(coverage) if coverage is not None else None,
            danger_zones_hit=tuple(str(z) for z in data.get("danger_zones_hit", ())),
            stats=dict(data.get("stats", {})),
            lang=str(data.get("lang", "en")),
        )


def _plain(value: Any) -> Any:
    """Stats as plain containers, floats rounded so saved files diff cleanly."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    if value is None:
        raise TypeError("stats must not contain None: the session file is TOML, which has no null")
    return value


_ORDER = {Severity.PROBLEM: 0, Severity.WARNING: 1, Severity.INFO: 2}


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Problems first, then warnings, then notes; the analyzer's rule order within each."""
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))


# -- deciding a band ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cap:
    """A rule that failed: the answer can be at best ``band``, because ``reason``."""

    band: Band
    reason: str


def decide(caps: Iterable[Cap], strong_reason: str) -> tuple[Band, tuple[str, ...]]:
    """The lowest cap's band and the reasons of every cap at that band.

    With no cap the answer is Strong Hire, explained by ``strong_reason``.
    Reasons keep the order the analyzer produced them (rule order), without
    repeats.
    """
    caps = list(caps)
    if not caps:
        return Band.STRONG_HIRE, (strong_reason,)
    band = min((c.band for c in caps), key=lambda b: b.rank)
    reasons = tuple(dict.fromkeys(c.reason for c in caps if c.band == band))
    return band, reasons


def severity_caps(findings: Iterable[Finding], lang: str, *, strong_no_hire_problems: int = 2) -> list[Cap]:
    """The caps every kind shares, from the findings' severities.

    - ``strong_no_hire_problems`` or more problems (default two) → Strong No Hire;
    - one problem or more → No Hire at best;
    - three or more warnings → No Hire at best (many small gaps add up);
    - one or two warnings → Hire at best.

    Info findings never move the band.
    """
    findings = list(findings)
    problems = [f for f in findings if f.severity is Severity.PROBLEM]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    caps: list[Cap] = []
    if len(problems) >= strong_no_hire_problems:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("band.problems", lang, n=len(problems), titles=_titles(problems))))
    elif problems:
        caps.append(Cap(Band.NO_HIRE, message("band.problem", lang, titles=_titles(problems))))
    if len(warnings) >= 3:
        caps.append(Cap(Band.NO_HIRE, message("band.many-warnings", lang, n=len(warnings), titles=_titles(warnings))))
    elif warnings:
        caps.append(Cap(Band.HIRE, message("band.warnings", lang, titles=_titles(warnings))))
    return caps


def _titles(findings: list[Finding]) -> str:
    return "; ".join(f.title for f in findings)
