"""Feedback on written answers, and the live counts the written-answer panels show.

Two things the panels and summaries need, both pure and cheap:

- ``assess(question, text, lang)``: the ``checkers.text`` verdict on a
  behavioral, design or motivation answer held as one Markdown string (the
  panels' ``answer_text()``), or the one sentence saying why it cannot be
  judged (its headings do not parse). Never raises for a text kind, so a
  summary or a live pane can always show *something*.
- ``star_counts`` / ``spoken``: words per part, speaking time at 140 words a
  minute and the parts' shares against the STAR targets, as the candidate
  types. Whether the length is short, good or long is
  ``checkers.text.speech.SpokenTarget.pace`` on the same targets the analyzers
  use (``STAR_LENGTH``, ``MOTIVATION_LENGTH``), so the live label and the
  ``[too-short]`` / ``[too-long]`` findings always agree.

When feedback is shown is the screens' business (onsite: in the summaries,
never while answering; drill: a live pane on demand); this module only
computes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checkers.text import TEXT_KINDS, AnswerFormatError, Feedback, analyze_answer, check_text
from checkers.text.matching import count_words
from checkers.text.speech import MOTIVATION_LENGTH, STAR_LENGTH, WORDS_PER_MINUTE, Pace, SpokenTarget, speaking_seconds
from checkers.text.star import TARGET_SHARES
from question_bank import STAR_PARTS, Kind, Question
from tui.core.attempt import QuestionAttempt

__all__ = [
    "MOTIVATION_LENGTH",
    "STAR_LENGTH",
    "TARGET_SHARES",
    "WORDS_PER_MINUTE",
    "Assessment",
    "Pace",
    "SpokenLength",
    "SpokenTarget",
    "StarCounts",
    "assess",
    "assess_attempt",
    "count_words",
    "is_text_kind",
    "recorded_assessment",
    "spoken",
    "star_counts",
]


def is_text_kind(question: Question) -> bool:
    return question.kind in TEXT_KINDS


@dataclass(frozen=True, slots=True)
class Assessment:
    """The feedback on an answer, or why there is none.

    Exactly one of ``feedback`` and ``error`` is set; ``error`` is one sentence
    (the answer's headings do not parse), shown as it is.
    """

    feedback: Feedback | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.feedback is not None


def assess(question: Question, text: str, lang: str = "en") -> Assessment:
    """Judge ``text`` (the panel's Markdown) as ``mockloop check`` would."""
    if not is_text_kind(question):
        raise ValueError(f'"{question.id}" is a {question.kind} question: its answer is judged by tests.')
    if not text.strip():  # nothing written: judged as empty, not as a file without headings
        empty: Mapping[str, str] | str = "" if question.kind is Kind.MOTIVATION else {}
        return Assessment(analyze_answer(question, empty, lang))
    try:
        return Assessment(check_text(question, text, lang))
    except AnswerFormatError as error:
        return Assessment(None, str(error))


def assess_attempt(attempt: QuestionAttempt, lang: str = "en") -> Assessment | None:
    """The assessment of a written attempt as it stands; ``None`` for code questions."""
    if not is_text_kind(attempt.question):
        return None
    return assess(attempt.question, attempt.answer, lang)


def recorded_assessment(feedback: Mapping[str, object] | None, error: str = "") -> Assessment | None:
    """The assessment recorded when a round ended (``feedback`` event), for the summaries.

    The summaries show what was recorded, never a fresh analysis, so they
    agree with the report built from the same file. ``None``: nothing was
    recorded (no answer).
    """
    if feedback:
        return Assessment(Feedback.from_dict(feedback))
    if error:
        return Assessment(None, error)
    return None


# -- live counts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpokenLength:
    words: int
    seconds: float
    pace: Pace
    low: int  # the range to aim for, in seconds (``SpokenTarget.aim``)
    high: int

    @property
    def clock(self) -> str:
        """``m:ss``, rounded to the second."""
        return _clock(self.seconds)

    @property
    def range_text(self) -> str:
        return f"{_clock(self.low)}–{_clock(self.high)}"


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def spoken(words: int, length: SpokenTarget) -> SpokenLength:
    """``words`` spoken at ``WORDS_PER_MINUTE``, judged as the analyzer judges ``length``."""
    low, high = length.aim
    return SpokenLength(words, speaking_seconds(words), length.pace(words), low, high)


@dataclass(frozen=True, slots=True)
class StarCounts:
    """Words per STAR part, the total and how it sounds, and the parts' shares.

    ``shares`` are over Situation + Task + Action + Result (the Reflection is a
    coda, not part of the proportions), 0.0 when those are empty; the targets
    are ``checkers.text.star.TARGET_SHARES``, the same the analyzer uses.
    """

    words: Mapping[str, int]
    total: int
    spoken: SpokenLength
    shares: Mapping[str, float]
    targets: Mapping[str, float]


def star_counts(parts: Mapping[str, str]) -> StarCounts:
    words = {part: count_words(parts.get(part, "")) for part in STAR_PARTS}
    total = sum(words.values())
    core = sum(words[part] for part in TARGET_SHARES)
    shares = {part: (words[part] / core if core else 0.0) for part in TARGET_SHARES}
    return StarCounts(words, total, spoken(total, STAR_LENGTH), shares, dict(TARGET_SHARES))
