"""The question bank: interview loops and questions as validated, immutable data.

Import from here; the submodules are implementation detail::

    from question_bank import load_bank
    bank = load_bank()
    question = bank.question("safe-divide")
"""

from question_bank.errors import BankError, UnknownLoop, UnknownQuestion
from question_bank.loader import SHIPPED_BANK, load_bank, load_bank_from, load_question
from question_bank.models import (
    DESIGN_SECTIONS,
    LANGUAGES,
    QUESTION_TYPES,
    ROUND_IDS,
    STAR_PARTS,
    Bank,
    Clarification,
    CodeSpec,
    DangerZone,
    DesignSpec,
    Difficulty,
    DrawnRound,
    ExplanationSpec,
    Kind,
    Lang,
    Loop,
    MotivationSpec,
    Question,
    RedFlag,
    Round,
    RubricConcept,
    Slot,
    StarSpec,
    Text,
    as_lang,
)

__all__ = [
    "DESIGN_SECTIONS",
    "LANGUAGES",
    "QUESTION_TYPES",
    "ROUND_IDS",
    "SHIPPED_BANK",
    "STAR_PARTS",
    "Bank",
    "BankError",
    "Clarification",
    "CodeSpec",
    "DangerZone",
    "DesignSpec",
    "Difficulty",
    "DrawnRound",
    "ExplanationSpec",
    "Kind",
    "Lang",
    "Loop",
    "MotivationSpec",
    "Question",
    "RedFlag",
    "Round",
    "RubricConcept",
    "Slot",
    "StarSpec",
    "Text",
    "UnknownLoop",
    "UnknownQuestion",
    "as_lang",
    "load_bank",
    "load_bank_from",
    "load_question",
]
