"""Rubric coverage of a recruiter-screen motivation answer, and whether it fits two minutes.

``analyze_motivation(answer, spec, zones, lang)`` takes the answer as one
text, the question's ``MotivationSpec`` and its danger zones. What makes a
motivation answer good is that it is *specific* (to the company, to the role,
to the candidate's own work), which is exactly what the rubric's concepts
name; so the coverage does most of the judging.

Findings (ids in brackets):

- ``[danger-zone:<id>]`` **problem**: the answer *says* a zone's mistake
  ("I haven't built anything with LLMs yet", "the company doesn't matter
  much to me"), quoted (see ``checkers.text.rubric``); what it leaves out is
  coverage, never a zone;
- ``[too-short]`` **warning**: under 1 minute (140 words) spoken, for a
  two-minute answer; under half a minute (70 words) a **problem**;
  ``[too-long]`` (over 3 minutes, 420 words) is a note that never moves the
  band. The numbers are ``checkers.text.speech.MOTIVATION_LENGTH``, which the
  motivation panel's "short" / "good length" / "long" label also uses;
- ``[fillers]`` **warning** — more than 2 fillers or hedges per 100 words.

Band rules (each failed rule caps the band; the lowest cap wins):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words → Strong No Hire;
2. coverage below 25 % → Strong No Hire; below 50 % → No Hire at best; below
   75 % → Hire at best;
3. two or more problems (danger zones stated, or half a minute or less) →
   Strong No Hire; one → No Hire at best;
4. three or more warnings → No Hire at best; one or two → Hire at best;
5. otherwise Strong Hire.
"""

from __future__ import annotations

from collections.abc import Iterable

from checkers.text.feedback import Band, Cap, Feedback, Finding, decide, severity_caps, sort_findings
from checkers.text.language import analyse
from checkers.text.matching import count_words
from checkers.text.messages import message
from checkers.text.rubric import coverage_cap, problem_coverage_cap, required_cap, rubric_coverage, zone_findings
from checkers.text.speech import MOTIVATION_LENGTH, count_fillers, filler_finding, length_finding, speaking_seconds
from question_bank import DangerZone, MotivationSpec

MIN_ASSESSABLE_WORDS = 40
STRONG_NO_HIRE_ZONES = 2
#: A stated zone in an answer covering less than this share of the rubric is Strong No Hire: a motivation
#: rubric is short, so a third of it already says something specific.
PROBLEM_COVERAGE = 0.35


def analyze_motivation(answer: str, spec: MotivationSpec, zones: Iterable[DangerZone], lang: str = "en") -> Feedback:
    """Judge a motivation answer: specific (rubric), free of the danger zones, about two minutes long."""
    text = answer.strip()
    words = count_words(text)
    doc = analyse(text)
    language = doc.lang
    coverage = rubric_coverage(doc, spec.rubric, lang)

    findings: list[Finding] = zone_findings(zones, doc, lang, design=False)
    fillers = count_fillers(text, language, words)
    length = length_finding(words, MOTIVATION_LENGTH, lang)
    for extra in (filler_finding(fillers, lang), length):
        if extra is not None:
            findings.append(extra)

    caps: list[Cap] = []
    if words < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=words)))
    if (cap := coverage_cap(coverage, lang)) is not None:
        caps.append(cap)
    if (cap := required_cap(spec.rubric, coverage, lang)) is not None:
        caps.append(cap)
    caps += severity_caps(findings, lang, strong_no_hire_problems=STRONG_NO_HIRE_ZONES)
    if (cap := problem_coverage_cap(findings, coverage, lang, PROBLEM_COVERAGE)) is not None:
        caps.append(cap)
    band, reasons = decide(caps, message("motivation.strong", lang, score=round(100 * coverage.score)))

    stats = {
        "language": language,
        "total_words": words,
        "speaking_seconds": round(speaking_seconds(words)),
        "coverage_score": coverage.score,
        "fillers": {
            "count": fillers.total,
            "per_100_words": fillers.per_100_words,
            "by_word": dict(fillers.by_word),
        },
    }
    zone_ids = tuple(f.id.removeprefix("danger-zone:") for f in findings if f.id.startswith("danger-zone:"))
    return Feedback(
        kind="motivation",
        band=band,
        reasons=reasons,
        findings=sort_findings(findings),
        coverage=coverage,
        danger_zones_hit=zone_ids,
        stats=stats,
        lang=lang,
    )
