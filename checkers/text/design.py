"""Rubric coverage of a system-design answer written on the canvas.

``analyze_design(answer, spec, zones, lang)`` takes the text of each canvas
section (``question_bank.DESIGN_SECTIONS``), the question's ``DesignSpec`` and
its danger zones, and returns a ``Feedback`` whose ``coverage`` lists every
rubric concept, covered or missed, with the words that matched.

Findings (ids in brackets):

- ``[danger-zone:<id>]`` **problem** — a zone's ``missing_any`` names a
  concept the answer does not cover (see ``checkers.text.rubric``);
- ``[empty-section:<section>]`` **warning** — a canvas section left empty;
- ``[scale-without-numbers]`` **warning** — Scale estimates with no digit or
  number word: an estimate without numbers estimates nothing;
- ``[thin-section:<section>]`` info — fewer words than ``THIN_SECTION_WORDS``.

Band rules (each failed rule caps the band; the lowest cap wins):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words in all → Strong No Hire;
2. coverage below 25 % of the rubric's weight → Strong No Hire; below 50 % →
   No Hire at best; below 75 % → Hire at best;
3. three or more danger zones hit → Strong No Hire; one or two → No Hire at
   best (a design that misses a classic failure mode does not pass, however
   much else it covers);
4. three or more warnings → No Hire at best; one or two → Hire at best;
5. otherwise Strong Hire: 75 % coverage or more, no danger zone, every section
   filled, numbers in the scale estimates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from checkers.text.feedback import Band, Cap, Feedback, Finding, Severity, decide, severity_caps, sort_findings
from checkers.text.matching import count_words, find_quantity
from checkers.text.messages import bank_text, message, section_name
from checkers.text.rubric import coverage_cap, rubric_coverage, zone_findings
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
#: Zones hit from which the answer is Strong No Hire.
STRONG_NO_HIRE_ZONES = 3


class DesignSectionError(ValueError):
    """The answer mapping names something that is not a canvas section."""


def analyze_design(
    answer: Mapping[str, str], spec: DesignSpec, zones: Iterable[DangerZone], lang: str = "en"
) -> Feedback:
    """Judge a design answer given as text per canvas section (missing sections are empty)."""
    sections = _sections(answer)
    words = {s: count_words(sections[s]) for s in DESIGN_SECTIONS}
    total = sum(words.values())
    coverage = rubric_coverage({s: sections[s] for s in DESIGN_SECTIONS if sections[s]}, spec.rubric, lang)

    zone_hits = zone_findings(zones, coverage, lang)
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
    scale_number = find_quantity(sections["scale"])
    if words["scale"] and scale_number is None:
        title = message("design.scale-without-numbers", lang)
        suggestion = message("design.scale-without-numbers.suggestion", lang)
        findings.append(Finding("scale-without-numbers", Severity.WARNING, title, (), suggestion))

    caps: list[Cap] = []
    if total < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=total)))
    if (cap := coverage_cap(coverage, lang)) is not None:
        caps.append(cap)
    caps += severity_caps(findings, lang, strong_no_hire_problems=STRONG_NO_HIRE_ZONES)
    band, reasons = decide(caps, message("design.strong", lang, score=round(100 * coverage.score)))

    stats = {
        "words": words,
        "total_words": total,
        "coverage_score": coverage.score,
        "scale_has_numbers": scale_number is not None,
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
