"""Text answers judged by pure, deterministic, explainable analyzers.

Behavioral answers get a STAR analysis, design and motivation answers a
rubric coverage, the "what was wrong" explanation of a debugging answer its
own rubric (``analyze_explanation``); all return a ``Feedback`` (band, the reasons for it, findings
with quotes from the answer, coverage, danger zones hit, stats) that is plain
data, serialisable with ``to_dict()``. Nothing here imports the TUI or
Textual, reads files or keeps state: same answer, same feedback.

    from checkers.text import check_text
    feedback = check_text(question, markdown_text, lang="fr")

Module map: ``language`` (sentences of lemmatised tokens), ``clauses``
(negation, rejected options, who acted), ``quantities`` (numbers that
measure), ``patterns`` (the bank's lemma patterns), ``checks`` /
``checks_story`` / ``checks_design`` (built-in substance checks), ``rubric``
(coverage, stated red flags and danger zones), ``star``, ``design``,
``motivation``, ``explanation`` (the debugging question's "what was wrong"),
``speech`` (length, fillers), ``matching`` (literal phrases: fillers,
headings, word counts), ``markdown`` (answer files), ``capacity`` (scale
estimates), ``feedback`` (the result model), ``messages`` (our own wording in
English and French), ``answer`` (kind → parser and analyzer).
"""

from checkers.text.answer import TEXT_KINDS, analyze_answer, check_text, parse_answer
from checkers.text.capacity import (
    CapacityError,
    CapacityEstimate,
    estimate_capacity,
    human_bytes,
    human_count,
    parse_ratio,
)
from checkers.text.design import DesignSectionError, analyze_design
from checkers.text.explanation import NoExplanationRubric, analyze_explanation
from checkers.text.feedback import Band, ConceptCoverage, Coverage, Feedback, Finding, Severity
from checkers.text.markdown import (
    AnswerFormatError,
    UnknownHeading,
    parse_design_markdown,
    parse_motivation_text,
    parse_star_markdown,
)
from checkers.text.matching import Match, find_all, find_phrase
from checkers.text.motivation import analyze_motivation
from checkers.text.star import StarPartError, analyze_star

__all__ = [
    "TEXT_KINDS",
    "AnswerFormatError",
    "Band",
    "CapacityError",
    "CapacityEstimate",
    "ConceptCoverage",
    "Coverage",
    "DesignSectionError",
    "Feedback",
    "Finding",
    "Match",
    "NoExplanationRubric",
    "Severity",
    "StarPartError",
    "UnknownHeading",
    "analyze_answer",
    "analyze_design",
    "analyze_explanation",
    "analyze_motivation",
    "analyze_star",
    "check_text",
    "estimate_capacity",
    "find_all",
    "find_phrase",
    "human_bytes",
    "human_count",
    "parse_answer",
    "parse_design_markdown",
    "parse_motivation_text",
    "parse_ratio",
    "parse_star_markdown",
]
