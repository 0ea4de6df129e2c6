"""Rubric coverage and danger zones: shared by the design and motivation analyzers.

A rubric concept is *covered* when any of its synonyms, English or French,
occurs in the answer (case- and accent-insensitive, on word boundaries: see
``checkers.text.matching``). Coverage is weighted: the score is the covered
weight over the rubric's total weight, so missing the heavy concepts costs
more than missing the nice-to-haves.

A danger zone with ``missing_any`` is *hit* when any listed concept is not
covered, e.g. for ``distributed-rate-limiter`` the zone "not distributed or
scalable" lists ``shared-state`` and ``atomic-update``: an answer with per-node
counters, or with shared counters updated by read-then-write, falls into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from checkers.text.feedback import Band, Cap, ConceptCoverage, Coverage, Finding, Severity
from checkers.text.matching import Match, find_phrase
from checkers.text.messages import bank_text, message
from question_bank import DangerZone, RubricConcept

#: Coverage below each threshold caps the band, lowest threshold first.
COVERAGE_CAPS: tuple[tuple[float, Band], ...] = (
    (0.25, Band.STRONG_NO_HIRE),
    (0.50, Band.NO_HIRE),
    (0.75, Band.HIRE),
)
#: Quotes kept per covered concept.
EVIDENCE_PER_CONCEPT = 2


def rubric_coverage(texts: Mapping[str, str], rubric: Sequence[RubricConcept], lang: str = "en") -> Coverage:
    """Which concepts ``texts`` (section name → text, in reading order) cover, and by which words."""
    concepts = []
    for concept in rubric:
        hits: list[tuple[int, Match, str]] = []
        for order, (where, text) in enumerate(texts.items()):
            for synonym in dict.fromkeys(concept.synonyms):
                match = find_phrase(text, synonym)
                if match is not None:
                    hits.append((order, match, where))
        hits.sort(key=lambda h: (h[0], h[1].start))
        matched = tuple(dict.fromkeys(match.phrase for _, match, _ in hits))
        evidence = tuple(dict.fromkeys(match.snippet for _, match, _ in hits))[:EVIDENCE_PER_CONCEPT]
        concepts.append(
            ConceptCoverage(
                id=concept.id,
                concept=bank_text(concept.concept, lang),
                weight=concept.weight,
                covered=bool(hits),
                matched=matched,
                evidence=evidence,
                where=hits[0][2] if hits else "",
            )
        )
    return Coverage(tuple(concepts))


def zone_findings(zones: Iterable[DangerZone], coverage: Coverage, lang: str = "en") -> list[Finding]:
    """A problem finding for each zone whose ``missing_any`` names an uncovered concept.

    Zones without ``missing_any`` (code and behavioral zones) are judged
    elsewhere and ignored here. There is nothing to quote for what is absent,
    so the evidence is empty; the suggestion is the zone's ``judged`` text
    (it already says what a passing answer does) followed by the concepts
    that were not covered.
    """
    findings = []
    for zone in zones:
        missing = [cid for cid in zone.missing_any if not coverage.is_covered(cid)]
        if missing:
            names = {c.id: c.concept for c in coverage.concepts}
            findings.append(
                Finding(
                    id=f"danger-zone:{zone.id}",
                    severity=Severity.PROBLEM,
                    title=bank_text(zone.title, lang),
                    evidence=(),
                    suggestion=bank_text(zone.judged, lang)
                    + " "
                    + message("rubric.not-covered", lang, concepts="; ".join(names.get(c, c) for c in missing)),
                )
            )
    return findings


def coverage_cap(coverage: Coverage, lang: str = "en") -> Cap | None:
    """The cap set by the coverage score (see ``COVERAGE_CAPS``), if any."""
    for threshold, band in COVERAGE_CAPS:
        if coverage.score < threshold:
            score, limit = round(100 * coverage.score), round(100 * threshold)
            return Cap(band, message("rubric.coverage", lang, score=score, threshold=limit))
    return None
