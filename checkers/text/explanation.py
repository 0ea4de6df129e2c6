"""The written half of a debugging answer: "what was wrong", judged against the question's rubric.

A debugging round asks the candidate to fix the function *and* explain it.
The fix is judged by the tests; the explanation by
``analyze_explanation(question, text, lang)``, against the question's
``[explanation]`` rubric (``question_bank.ExplanationSpec``): does it name
the root cause, say why the fix is right, and name a test that would have
caught the bug? It returns a ``Feedback`` of kind ``"explanation"`` like
every written answer, with coverage quoting the sentences that show each
concept.

Findings (ids in brackets):

- ``[thin-explanation]`` **warning**: fewer than ``THIN_WORDS`` words, too
  little to say what went wrong and why the fix is right;
- ``[no-code-reference]`` note: the explanation names no line, variable or
  construct of the code (``total_tokens``, "the if", "the loop"): it may be
  right, but an interviewer would ask "where?".

Band rules (each failed rule caps the band; the lowest cap wins):

1. fewer than ``MIN_ASSESSABLE_WORDS`` words → Strong No Hire;
2. a required concept (the root cause) not covered → No Hire at best;
3. coverage below 25 % → Strong No Hire; below 50 % → No Hire at best; below
   75 % → Hire at best;
4. warnings: three or more → No Hire at best; one or two → Hire at best;
5. otherwise Strong Hire.
"""

from __future__ import annotations

import re

from checkers.text.feedback import Band, Cap, Feedback, Finding, Severity, decide, severity_caps, sort_findings
from checkers.text.language import analyse
from checkers.text.matching import count_words
from checkers.text.messages import bank_text, message
from checkers.text.rubric import coverage_cap, required_cap, rubric_coverage
from question_bank import Question

#: Below this the explanation is not assessable at all.
MIN_ASSESSABLE_WORDS = 8
#: An explanation shorter than this is thin.
THIN_WORDS = 25
#: Something that points into the code: an identifier with an underscore or brackets, or a construct.
_CODE_REFERENCE = re.compile(
    r"`[^`]+`|\b\w+_\w+\b|\b\w+\(|\b(?:if|else|loop|boucle|line|ligne|branch|branche|condition|indent\w*)\b",
    re.IGNORECASE,
)


class NoExplanationRubric(ValueError):
    """The question has no ``[explanation]`` rubric (only debugging questions may have one)."""


def analyze_explanation(question: Question, text: str, lang: str = "en") -> Feedback:
    """Judge the "what was wrong" explanation of a debugging answer (see the module docstring)."""
    spec = question.explanation
    if spec is None:
        raise NoExplanationRubric(f'The question "{question.id}" has no explanation to judge.')
    text = text.strip()
    words = count_words(text)
    doc = analyse(text)
    coverage = rubric_coverage(doc, spec.rubric, lang)

    findings: list[Finding] = []
    if 0 < words < THIN_WORDS:
        title = message("explanation.thin", lang, words=words, minimum=THIN_WORDS)
        quotes = tuple(s.text for s in doc.sentences[:2])
        findings.append(Finding("thin-explanation", Severity.WARNING, title, quotes, bank_text(spec.guidance, lang)))
    if words and not _CODE_REFERENCE.search(text):
        title = message("explanation.no-code-reference", lang)
        findings.append(Finding("no-code-reference", Severity.INFO, title, (), message("explanation.where", lang)))

    caps: list[Cap] = []
    if words < MIN_ASSESSABLE_WORDS:
        caps.append(Cap(Band.STRONG_NO_HIRE, message("too-short-to-assess", lang, words=words)))
    if (cap := required_cap(spec.rubric, coverage, lang)) is not None:
        caps.append(cap)
    if (cap := coverage_cap(coverage, lang)) is not None:
        caps.append(cap)
    caps += severity_caps(findings, lang)
    band, reasons = decide(caps, message("explanation.strong", lang, score=round(100 * coverage.score)))
    return Feedback(
        kind="explanation",
        band=band,
        reasons=reasons,
        findings=sort_findings(findings),
        coverage=coverage,
        stats={"language": doc.lang, "total_words": words, "coverage_score": coverage.score},
        lang=lang,
    )
