"""Rubric coverage and stated red flags: shared by the behavioral, design and motivation analyzers.

Two different questions, kept apart on purpose:

- **Coverage: what the answer shows.** A rubric concept is covered when a
  sentence matches one of its patterns, or its built-in check finds evidence
  (``checkers.text.checks``). Coverage is weighted: the score is the covered
  weight over the rubric's total, so missing a heavy concept costs more than
  missing a nice-to-have. A concept that is not covered is reported as
  "not covered", and it lowers the band through the coverage score only.
- **Red flags and danger zones: what the answer says.** A flag fires only on
  sentences of the answer that say the thing (a pattern or a check matches),
  are not negated, and are not an option raised to be rejected ("a
  per-server counter would not work because…"); and only when none of its
  ``unless`` patterns occurs anywhere. Its finding quotes those sentences.
  The absence of a phrase is never a red flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from checkers.text.checks import run_check
from checkers.text.clauses import is_distanced
from checkers.text.feedback import Band, Cap, ConceptCoverage, Coverage, Finding, Severity
from checkers.text.language import Doc, analyse
from checkers.text.messages import bank_text, message
from checkers.text.patterns import Hit, find, says
from question_bank import DangerZone, RedFlag, RubricConcept
from question_bank.patterns import Pattern

#: Quotes kept per covered concept, and per red flag.
EVIDENCE_PER_CONCEPT = 2
EVIDENCE_PER_FLAG = 3


def _doc(answer: Doc | Mapping[str, str] | str, lang: str | None = None) -> Doc:
    return answer if isinstance(answer, Doc) else analyse(answer, lang)


def evidence(doc: Doc, patterns: Sequence[Pattern], checks: Sequence[str] = ()) -> list[Hit]:
    """Sentences matched by ``patterns`` or found by ``checks``, in reading order, one hit per sentence."""
    hits = find(doc, patterns) if patterns else []
    for check in checks:
        hits += run_check(check, doc)
    order = {id(s): i for i, s in enumerate(doc.sentences)}
    kept: dict[int, Hit] = {}
    for hit in sorted(hits, key=lambda h: order.get(id(h.sentence), 0)):
        kept.setdefault(id(hit.sentence), hit)
    return list(kept.values())


def stated(
    doc: Doc,
    patterns: Sequence[Pattern],
    unless: Sequence[Pattern] = (),
    checks: Sequence[str] = (),
    *,
    options: bool = False,
    distance: bool = True,
) -> list[Hit]:
    """The sentences that *say* it: not negated, not imagined or rejected, and not mitigated by ``unless``.

    ``options``: the answer weighs design options, so calling one bad, or
    comparing it, rejects it (``checkers.text.clauses.is_distanced``).
    ``distance=False``: a conditional still says it (a motivation answer's
    "any AI lab would do" is an attitude, not a hypothesis).
    """
    hits = evidence(doc, patterns, checks)
    if distance:
        hits = [h for h in hits if not is_distanced(h.sentence, h.indices, options=options)]
    if hits and unless and says(doc, unless):
        return []
    return hits


def rubric_coverage(
    answer: Doc | Mapping[str, str] | str, rubric: Sequence[RubricConcept], lang: str = "en"
) -> Coverage:
    """Which concepts the answer covers, with the words that matched and the sentences to quote."""
    doc = _doc(answer)
    concepts = []
    for concept in rubric:
        hits = evidence(doc, concept.patterns, concept.checks)
        if concept.parts:
            hits = [h for h in hits if h.sentence.where in concept.parts]
        concepts.append(
            ConceptCoverage(
                id=concept.id,
                concept=bank_text(concept.concept, lang),
                weight=concept.weight,
                covered=bool(hits),
                matched=tuple(dict.fromkeys(h.words for h in hits))[:3],
                evidence=tuple(dict.fromkeys(h.quote for h in hits))[:EVIDENCE_PER_CONCEPT],
                where=hits[0].sentence.where if hits else "",
            )
        )
    return Coverage(tuple(concepts))


def _quotes(hits: Iterable[Hit]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.quote for h in hits))[:EVIDENCE_PER_FLAG]


def red_flag_finding(flag: RedFlag, answer: Doc | Mapping[str, str] | str, lang: str = "en") -> Finding | None:
    """The red flag as a problem finding quoting what the answer says, or ``None`` when it does not say it."""
    hits = stated(_doc(answer), flag.patterns, flag.unless, flag.checks)
    if not hits:
        return None
    return Finding(
        id=f"red-flag:{flag.id}",
        severity=Severity.PROBLEM,
        title=bank_text(flag.title, lang),
        evidence=_quotes(hits),
        suggestion=bank_text(flag.suggestion, lang),
    )


def zone_findings(
    zones: Iterable[DangerZone], answer: Doc | Mapping[str, str] | str, lang: str = "en", *, design: bool = True
) -> list[Finding]:
    """A problem finding for each design (or, ``design=False``, motivation) zone the answer *says*, quoting it.

    A design weighs options, so a bad option raised to be rejected or compared
    is not a hit; a motivation answer states attitudes, so "any lab would do"
    is one even though it is a conditional.
    """
    doc = _doc(answer)
    findings = []
    for zone in zones:
        if not zone.patterns and not zone.checks:
            continue  # code and behavioral zones are judged elsewhere
        hits = stated(doc, zone.patterns, zone.unless, zone.checks, options=design, distance=design)
        if hits:
            findings.append(
                Finding(
                    id=f"danger-zone:{zone.id}",
                    severity=Severity.PROBLEM,
                    title=bank_text(zone.title, lang),
                    evidence=_quotes(hits),
                    suggestion=bank_text(zone.judged, lang),
                )
            )
    return findings


#: One serious problem in an answer covering less than this share of its rubric is Strong No Hire.
PROBLEM_COVERAGE = 0.50


def problem_coverage_cap(
    findings: Iterable[Finding], coverage: Coverage | None, lang: str = "en", threshold: float = PROBLEM_COVERAGE
) -> Cap | None:
    """Strong No Hire for a stated red flag or danger zone in an answer that also covers little.

    A flag alone caps at No Hire (the rest of the answer may be good); said in
    an answer that shows less than ``threshold`` of what the question looks
    for, nothing offsets it.
    """
    problems = [f for f in findings if f.id.startswith(("red-flag:", "danger-zone:"))]
    if not problems or coverage is None or not coverage.concepts or coverage.score >= threshold:
        return None
    titles = "; ".join(f.title for f in problems)
    score, limit = round(100 * coverage.score), round(100 * threshold)
    return Cap(
        Band.STRONG_NO_HIRE, message("band.problem-low-coverage", lang, score=score, threshold=limit, titles=titles)
    )


def required_cap(rubric: Sequence[RubricConcept], coverage: Coverage | None, lang: str = "en") -> Cap | None:
    """No Hire at best when a concept the rubric marks ``required`` is not covered (it is named)."""
    if coverage is None:
        return None
    required = {c.id for c in rubric if c.required}
    missing = [c.concept for c in coverage.concepts if c.id in required and not c.covered]
    if not missing:
        return None
    return Cap(Band.NO_HIRE, message("rubric.required", lang, concepts="; ".join(missing)))


#: Coverage below each threshold caps the band, lowest threshold first.
COVERAGE_CAPS: tuple[tuple[float, Band], ...] = (
    (0.25, Band.STRONG_NO_HIRE),
    (0.50, Band.NO_HIRE),
    (0.75, Band.HIRE),
)


def coverage_cap(
    coverage: Coverage, lang: str = "en", caps: Sequence[tuple[float, Band]] = COVERAGE_CAPS
) -> Cap | None:
    """The cap set by the coverage score (see ``COVERAGE_CAPS``), naming what is not covered."""
    for threshold, band in caps:
        if coverage.score < threshold:
            score, limit = round(100 * coverage.score), round(100 * threshold)
            missed = "; ".join(c.concept for c in coverage.missed[:3])
            reason = message("rubric.coverage", lang, score=score, threshold=limit)
            if missed:
                reason += " " + message("rubric.not-covered", lang, concepts=missed)
            return Cap(band, reason)
    return None
