"""`mockloop check` for behavioral, design and motivation answers written in Markdown.

The answer file is Markdown: ``# Situation`` … ``# Result`` (optional
``# Reflection``) for a behavioral question, the canvas section names as
headings for a design question, plain text for a motivation question. The
feedback is the same deterministic analysis the app shows: a band, the
reasons that produced it, findings quoting the sentences that triggered them,
rubric coverage (each covered concept with the sentence that shows it, each
missing one as "not covered") and the danger zones the answer states. Exit 0
for Hire or Strong Hire, 1 below, 2 when the file cannot be read as an answer
of that kind.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from checkers.text import Feedback, check_text
from checkers.text.markdown import AnswerFormatError
from question_bank import Question
from tui.core.bank_words import kind_name
from tui.core.messages import language, t
from tui.core.verdict import band_label

SEVERITY_ICONS = {"problem": "✗", "warning": "!", "info": "·"}


def _speaking_time(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def format_feedback(question: Question, feedback: Feedback) -> str:
    """The feedback as plain text, most important first."""
    stats = feedback.stats
    header = t("cli.text.header", id=question.id, kind=kind_name(feedback.kind), words=stats.get("total_words", 0))
    if "speaking_seconds" in stats:
        header += t("cli.text.spoken", time=_speaking_time(int(stats["speaking_seconds"])))
    lines = [header, "", t("cli.text.band", band=band_label(feedback.band))]
    lines += [f"  - {reason}" for reason in feedback.reasons]
    if feedback.findings:
        lines += ["", t("cli.text.findings")]
        for finding in feedback.findings:
            lines.append(f"  {SEVERITY_ICONS.get(str(finding.severity), '·')} {finding.title}")
            lines += [f'      "{quote}"' for quote in finding.evidence]
            if finding.suggestion:
                lines.append(f"      → {finding.suggestion}")
    if feedback.coverage is not None:
        coverage = feedback.coverage
        lines += [
            "",
            t(
                "cli.text.coverage",
                covered=len(coverage.covered),
                concepts=len(coverage.concepts),
                share=round(100 * coverage.score),
            ),
        ]
        for concept in coverage.covered:
            lines.append(f"  ✓ {concept.concept}")
            lines += [f'      "{quote}"' for quote in concept.evidence[:1]]
        lines += [t("cli.text.missed", concept=c.concept, weight=c.weight) for c in coverage.missed]
    if feedback.danger_zones_hit:
        titles = [z.title.get(language()) for zid in feedback.danger_zones_hit if (z := question.danger_zone(zid))]
        lines += ["", t("cli.check.zones", zones="; ".join(titles or feedback.danger_zones_hit))]
    return "\n".join(lines)


def run_text_check(question: Question, answer: str, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Analyze ``answer`` (the file's text) and print the feedback; returns the exit code."""
    try:
        feedback = check_text(question, answer, language())  # the answer is judged in the interface language
    except AnswerFormatError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if as_json:
        document = {"question": question.id, "kind": str(question.kind), "passed": feedback.passed}
        print(json.dumps(document | feedback.to_dict(), ensure_ascii=False, indent=2), file=out)
    else:
        print(format_feedback(question, feedback), file=out)
    return 0 if feedback.passed else 1
