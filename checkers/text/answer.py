"""One entry point per question: parse a text answer for its kind and analyze it.

The headless ``mockloop check QUESTION_ID FILE`` and the TUI's Submit both
need "this question, this answer → feedback" without caring which analyzer a
kind uses; this module is that switch, so the mapping lives in one place.
"""

from __future__ import annotations

from collections.abc import Mapping

from checkers.text.design import analyze_design
from checkers.text.feedback import Feedback
from checkers.text.markdown import parse_design_markdown, parse_motivation_text, parse_star_markdown
from checkers.text.motivation import analyze_motivation
from checkers.text.star import analyze_star
from question_bank import Kind, Question

#: The kinds judged by text analysis (the others run code checkers).
TEXT_KINDS: tuple[Kind, ...] = (Kind.BEHAVIORAL, Kind.DESIGN, Kind.MOTIVATION)

Answer = Mapping[str, str] | str


def parse_answer(kind: Kind | str, text: str) -> Answer:
    """Split a Markdown answer the way ``kind`` expects it (raises ``AnswerFormatError``)."""
    kind = Kind(kind)
    if kind is Kind.BEHAVIORAL:
        return parse_star_markdown(text)
    if kind is Kind.DESIGN:
        return parse_design_markdown(text)
    if kind is Kind.MOTIVATION:
        return parse_motivation_text(text)
    raise ValueError(f'Questions of kind "{kind}" are judged by running code, not by text analysis.')


def analyze_answer(question: Question, answer: Answer, lang: str = "en") -> Feedback:
    """The feedback on ``answer`` (already parsed) to a behavioral, design or motivation question."""
    if question.kind is Kind.BEHAVIORAL and question.star is not None and not isinstance(answer, str):
        return analyze_star(answer, question.star, lang, zones=question.danger_zones)
    if question.kind is Kind.DESIGN and question.design is not None and not isinstance(answer, str):
        return analyze_design(answer, question.design, question.danger_zones, lang)
    if question.kind is Kind.MOTIVATION and question.motivation is not None and isinstance(answer, str):
        return analyze_motivation(answer, question.motivation, question.danger_zones, lang)
    shape = "one text" if isinstance(answer, str) else "text per part"
    raise ValueError(f'The question "{question.id}" ({question.kind}) cannot be judged from {shape}.')


def check_text(question: Question, markdown: str, lang: str = "en") -> Feedback:
    """Parse ``markdown`` for the question's kind and analyze it: what ``mockloop check`` runs."""
    return analyze_answer(question, parse_answer(question.kind, markdown), lang)
