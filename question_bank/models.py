"""Typed, immutable models of the bank: what the loader produces and everything else reads.

Frozen dataclasses with tuples instead of lists, so a question handed to a
screen, a recorder or a checker cannot be changed behind anyone's back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from question_bank.errors import UnknownLoop, UnknownQuestion
from question_bank.patterns import Pattern

Lang = Literal["en", "fr"]
LANGUAGES: tuple[Lang, ...] = ("en", "fr")


def as_lang(value: str) -> Lang:
    """A language read from a file or a setting: French when it says so, English otherwise."""
    return "fr" if value == "fr" else "en"


class Kind(StrEnum):
    """Which panel a question uses and which judge grades it."""

    CODE = "code"
    DEBUGGING = "debugging"
    DESIGN = "design"
    BEHAVIORAL = "behavioral"
    MOTIVATION = "motivation"

    @property
    def is_code(self) -> bool:
        return self in (Kind.CODE, Kind.DEBUGGING)


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


#: The guide's question types, spelled as the guide spells them.
QUESTION_TYPES: tuple[str, ...] = (
    "Algorithmic",
    "Edge Cases",
    "Debugging",
    "System Design",
    "Motivation",
    "Past Experience",
    "Conflict Resolution",
)

#: The rounds of the guide's loop, in interview order.
ROUND_IDS: tuple[str, ...] = (
    "recruiter-screen",
    "coding-screen",
    "system-design",
    "onsite-coding",
    "behavioral",
)


@dataclass(frozen=True, slots=True)
class Text:
    """A text shown to candidates, in English and in French."""

    en: str
    fr: str

    def get(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True, slots=True)
class Clarification:
    """A question a candidate may ask the interviewer, and the interviewer's answer."""

    question: Text
    answer: Text


@dataclass(frozen=True, slots=True)
class DangerZone:
    """A classic way to fail the question, and how the answer is judged on it.

    For design and motivation questions the zone is hit only by what the
    answer *says*: one of ``patterns`` (or a built-in ``checks``) matches a
    sentence that is not negated or raised only to be rejected, and none of
    ``unless`` occurs anywhere. What an answer leaves out is rubric coverage,
    never a danger zone. Behavioral zones are detected by the red flag of the
    same id; code zones by the tests tagged with it.
    """

    id: str
    title: Text
    judged: Text
    patterns: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()
    checks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeSpec:
    """Where a code question's files are, and how the checker runs them."""

    entry: str
    starter_path: Path
    tests_path: Path
    reference_path: Path
    timeout: float = 2.0

    def starter(self) -> str:
        return self.starter_path.read_text(encoding="utf-8")

    def reference(self) -> str:
        return self.reference_path.read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class RedFlag:
    """Something a behavioral answer says that hurts it, unless the answer also says ``unless``.

    It fires on a sentence matching one of ``patterns`` or found by one of
    the built-in substance ``checks`` (``checkers.text.checks``: "blame",
    "humblebrag"…), when none of ``unless`` occurs anywhere in the answer.
    """

    id: str
    title: Text
    patterns: tuple[Pattern, ...]
    unless: tuple[Pattern, ...]
    suggestion: Text
    checks: tuple[str, ...] = ()


#: STAR parts in the order a candidate answers them.
STAR_PARTS: tuple[str, ...] = ("situation", "task", "action", "result", "reflection")


@dataclass(frozen=True, slots=True)
class StarSpec:
    """Guidance per STAR part, and the red flags and rubric of a behavioral question.

    The rubric names what a strong story of this kind shows (the other
    side's view understood, a lasting change…); like a design rubric it is
    coverage, weighted in the band, never a red flag.
    """

    situation: Text
    task: Text
    action: Text
    result: Text
    reflection: Text
    red_flags: tuple[RedFlag, ...] = ()
    rubric: tuple[RubricConcept, ...] = ()

    def guidance(self, part: str) -> Text:
        if part not in STAR_PARTS:
            raise KeyError(part)
        text: Text = getattr(self, part)
        return text


@dataclass(frozen=True, slots=True)
class RubricConcept:
    """Something a good answer covers, and how to recognise that it does.

    Covered when a sentence of the answer matches one of ``patterns`` (either
    language's words: patterns are matched on lemmas, not per language), or
    when one of the built-in ``checks`` finds evidence (``checkers.text.checks``).
    ``parts`` limits where it counts (STAR parts or canvas sections): "a
    lasting change" said in the Situation is not a change made afterwards.
    ``required``: an answer that does not cover it is No Hire at best (a
    motivation answer with nothing the candidate did), still as coverage,
    never as a red flag.
    """

    id: str
    concept: Text
    weight: int
    patterns: tuple[Pattern, ...] = ()
    checks: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    required: bool = False


#: Design canvas sections, in the order of a well-run design interview.
DESIGN_SECTIONS: tuple[str, ...] = (
    "requirements",
    "scale",
    "api",
    "data_model",
    "high_level",
    "deep_dives",
    "tradeoffs",
)


@dataclass(frozen=True, slots=True)
class DesignSpec:
    """Guidance per canvas section, and the rubric of a design question."""

    requirements: Text
    scale: Text
    api: Text
    data_model: Text
    high_level: Text
    deep_dives: Text
    tradeoffs: Text
    rubric: tuple[RubricConcept, ...]

    def guidance(self, section: str) -> Text:
        if section not in DESIGN_SECTIONS:
            raise KeyError(section)
        text: Text = getattr(self, section)
        return text


@dataclass(frozen=True, slots=True)
class MotivationSpec:
    """Guidance bullets and rubric of a recruiter-screen question."""

    guidance: tuple[Text, ...]
    rubric: tuple[RubricConcept, ...]


@dataclass(frozen=True, slots=True)
class ExplanationSpec:
    """What the written "what was wrong" part of a debugging answer should say, and its rubric.

    ``guidance`` is shown above the part; the rubric judges it like any
    written answer (``checkers.text.explanation``): the root cause, why the
    fix is right, a test that would have caught it.
    """

    guidance: Text
    rubric: tuple[RubricConcept, ...]


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question, as validated from its ``question.toml``."""

    id: str
    title: Text
    round: str
    kind: Kind
    type: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    minutes: int
    prompt: Text
    clarifications: tuple[Clarification, ...]
    hints: tuple[Text, ...]
    danger_zones: tuple[DangerZone, ...]
    folder: Path
    code: CodeSpec | None = None
    star: StarSpec | None = None
    design: DesignSpec | None = None
    motivation: MotivationSpec | None = None
    explanation: ExplanationSpec | None = None

    def danger_zone(self, zone_id: str) -> DangerZone | None:
        return next((z for z in self.danger_zones if z.id == zone_id), None)


@dataclass(frozen=True, slots=True)
class Slot:
    """One question a round draws: which kinds, difficulties and types may fill it."""

    kinds: tuple[Kind, ...]
    difficulty: tuple[Difficulty, ...] = ()
    types: tuple[str, ...] = ()

    def accepts(self, question: Question) -> bool:
        return (
            question.kind in self.kinds
            and (not self.difficulty or question.difficulty in self.difficulty)
            and (not self.types or question.type in self.types)
        )


@dataclass(frozen=True, slots=True)
class Round:
    """A round of a loop: its length, what it assesses, and the slots it draws."""

    id: str
    title: Text
    minutes: int
    assesses: Text
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class DrawnRound:
    """A round with the questions drawn for it, in slot order."""

    round: Round
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Loop:
    """An interview loop: rounds in order, each with its duration and draw rules."""

    id: str
    title: Text
    company: str
    rounds: tuple[Round, ...]
    path: Path

    def draw(self, bank: Bank, seed: int) -> tuple[DrawnRound, ...]:
        """The questions of every round for ``seed``: reproducible, never one twice."""
        from question_bank.draw import draw_loop

        return draw_loop(self, bank, seed)

    @property
    def total_minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)


@dataclass(frozen=True)
class Bank:
    """Every question and loop, looked up by id."""

    questions: Mapping[str, Question]
    loops: Mapping[str, Loop] = field(default_factory=lambda: MappingProxyType({}))

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise UnknownQuestion(question_id, self.questions) from None

    def loop(self, loop_id: str) -> Loop:
        try:
            return self.loops[loop_id]
        except KeyError:
            raise UnknownLoop(loop_id, self.loops) from None

    def in_round(self, round_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self if q.round == round_id)

    def round_titles(self, loop_id: str, lang: Lang = "en") -> dict[str, str]:
        """Every round id to its title in the loop ``loop_id`` (when the bank has it), else the id in words."""
        titles = {round_id: round_id.replace("-", " ").title() for round_id in ROUND_IDS}
        if loop_id in self.loops:
            titles |= {r.id: r.title.get(lang) for r in self.loops[loop_id].rounds}
        return titles
