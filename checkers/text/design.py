"""Rubric coverage of a system-design answer written on the canvas, and the danger zones it states.

``analyze_design(answer, spec, zones, lang)`` takes the text of each canvas
section (``question_bank.DESIGN_SECTIONS``), the question's ``DesignSpec`` and
its danger zones, and returns a ``Feedback`` whose ``coverage`` lists every
rubric concept, covered (with the sentences that show it) or not.

Findings (ids in brackets):

- ``[danger-zone:<id>]`` **problem**: the design *says* a zone's bad choice
  ("each gateway node keeps its own bucket in memory", "the queue can be as
  big as needed"); the quotes are those sentences. Raising a bad option to
  reject it ("round-robin would not work because…") is not a hit, and a
  concept the design does not cover is coverage, never a zone;
- ``[empty-section:<section>]`` **warning**: a canvas section left empty;
  the suggestion is the section's guidance, which asks the interviewer's
  questions rather than giving the answer;
- ``[scale-without-numbers]`` **warning**: the Scale estimates contain no
  number in digits ("billions of events" estimates nothing), quoted;
- ``[thin-section:<section>]`` note: fewer words than ``THIN_SECTION_WORDS``.

Band rules (each failed rule caps the band; the lowest cap wins):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words in all → Strong No Hire;
2. coverage below 25 % of the rubric's weight → Strong No Hire; below 50 % →
   No Hire at best; below 75 % → Hire at best (the rubric includes "numbers
   used to decide" and "alternatives rejected with a reason", so a list of
   tools covers little);
3. two or more danger zones stated → Strong No Hire; one → No Hire at best;
4. three or more warnings → No Hire at best; one or two → Hire at best;
5. otherwise Strong Hire.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from checkers.text.checks_design import sizing, tradeoffs
from checkers.text.feedback import Band, Cap, Feedback, Finding, Severity, decide, severity_caps, sort_findings
from checkers.text.language import analyse
from checkers.text.matching import count_words
from checkers.text.messages import bank_text, message, section_name
from checkers.text.rubric import coverage_cap, problem_coverage_cap, required_cap, rubric_coverage, zone_findings
from question_bank import DESIGN_SECTIONS, DangerZone, DesignSpec

#: A filled section shorter than this (in words) is noted as thin.
THIN_SECTION_WORDS: dict[str, int] = {
    "requirements": 15,
    "scale": 10,
    "api": 8,
    "data_model": 8,
    "high_level": 25,
    "deep_dives": 30,
    "tradeoffs": 15,
}
#: Below this the canvas is not assessable at all.
MIN_ASSESSABLE_WORDS = 80
#: Zones stated from which the answer is Strong No Hire.
STRONG_NO_HIRE_ZONES = 2
#: A Strong Hire design argues at least this many choices: numbers used to decide, or alternatives rejected.
STRONG_REASONS = 6


class DesignSectionError(ValueError):
    """The answer mapping names something that is not a canvas section."""


def analyze_design(
    answer: Mapping[str, str], spec: DesignSpec, zones: Iterable[DangerZone], lang: str = "en"
) -> Feedback:
    """Judge a design answer given as text per canvas section (missing sections are empty)."""
    sections = _sections(answer)
    words = {s: count_words(sections[s]) for s in DESIGN_SECTIONS}
    total = sum(words.values())
    doc = analyse({s: sections[s] for s in DESIGN_SECTIONS if sections[s]})
    coverage = rubric_coverage(doc, spec.rubric, lang)

    zone_hits = zone_findings(zones, doc, lang)
    findings: list[Finding] = list(zone_hits)
    for section in DESIGN_SECTIONS:
        name, guidance = section_name(section, lang), bank_text(spec.guidance(section), lang)
        if words[section] == 0:
            title = message("design.empty", lang, section=name)
            findings.append(Finding(f"empty-section:{section}", Severity.WARNING, title, (), guidance))
        elif words[section] < THIN_SECTION_WORDS[section]:
            minimum = THIN_SECTION_WORDS[section]
            title = message("design.thin", lang, section=name, words=words[section], minimum=minimum)
            findings.append(Finding(f"thin-section:{section}", Severity.INFO, title, (), guidance))
    scale = doc.part("scale")
    scale_has_numbers = any(t.is_number for s in scale for t in s.tokens)
    if words["scale"] and not scale_has_numbers:
        title = message("design.scale-without-numbers", lang)
        suggestion = message("design.scale-without-numbers.suggestion", lang)
        quotes = tuple(s.text for s in scale[:2])
        findings.append(Finding("scale-without-numbers", Severity.WARNING, title, quotes, suggestion))

    caps: list[Cap] = []
    if total < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=total)))
    if (cap := coverage_cap(coverage, lang)) is not None:
        caps.append(cap)
    if (cap := required_cap(spec.rubric, coverage, lang)) is not None:
        caps.append(cap)
    caps += severity_caps(findings, lang, strong_no_hire_problems=STRONG_NO_HIRE_ZONES)
    if (cap := problem_coverage_cap(findings, coverage, lang)) is not None:
        caps.append(cap)
    reasons_given = len(sizing(doc)) + len(tradeoffs(doc))
    if total and not reasons_given:
        zones_said = [f.title for f in zone_hits]
        if zones_said:
            titles = "; ".join(zones_said)
            caps.append(Cap(Band.STRONG_NO_HIRE, message("design.zone-no-reasoning", lang, titles=titles)))
        caps.append(Cap(Band.NO_HIRE, message("design.no-reasoning", lang)))
    elif reasons_given < STRONG_REASONS:
        caps.append(Cap(Band.HIRE, message("design.few-reasons", lang, n=reasons_given, minimum=STRONG_REASONS)))
    band, reasons = decide(caps, message("design.strong", lang, score=round(100 * coverage.score)))

    stats = {
        "language": doc.lang,
        "words": words,
        "total_words": total,
        "coverage_score": coverage.score,
        "scale_has_numbers": scale_has_numbers,
        "empty_sections": [s for s in DESIGN_SECTIONS if words[s] == 0],
    }
    return Feedback(
        kind="design",
        band=band,
        reasons=reasons,
        findings=sort_findings(findings),
        coverage=coverage,
        danger_zones_hit=tuple(f.id.removeprefix("danger-zone:") for f in zone_hits),
        stats=stats,
        lang=lang,
    )


def _sections(answer: Mapping[str, str]) -> dict[str, str]:
    unknown = [key for key in answer if key not in DESIGN_SECTIONS]
    if unknown:
        raise DesignSectionError(
            f'"{unknown[0]}" is not a design canvas section; the sections are {", ".join(DESIGN_SECTIONS)}.'
        )
    return {s: (answer.get(s) or "").strip() for s in DESIGN_SECTIONS}
