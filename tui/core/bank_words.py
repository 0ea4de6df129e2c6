"""The bank's own vocabulary (kinds, question types, difficulties) in the interface language.

The bank stores these as English identifiers (``code``, ``Edge Cases``,
``medium``): they are data that filters and files rely on. Every view that
shows one to a person goes through these functions, so ``mockloop bank show``,
the bank browser and the drill picker say "Cas limites" and "moyenne" alike.
``lang`` defaults to the interface language. A value the catalogue does not
know (a new type in a user's bank) is shown as it is written.
"""

from __future__ import annotations

from question_bank import UnknownLoop, UnknownQuestion
from tui.core.messages import Language, has, t


def _slug(value: str) -> str:
    return value.strip().lower().replace(" ", "_").replace("-", "_")


#: Where each group's words are in the catalogue.
_GROUPS = {"kind": "bank.kind.", "type": "bank.type.", "difficulty": "bank.difficulty."}


def _word(group: str, value: str, lang: Language | None) -> str:
    key = _GROUPS[group] + _slug(value)
    return t(key, lang) if has(key) else value


def kind_name(kind: str, lang: Language | None = None) -> str:
    """``code``, ``design``… as a person reads it."""
    return _word("kind", kind, lang)


def type_name(question_type: str, lang: Language | None = None) -> str:
    """The guide's question type (``Edge Cases``…) as a person reads it."""
    return _word("type", question_type, lang)


def difficulty_name(difficulty: str, lang: Language | None = None) -> str:
    """``easy``, ``medium``, ``hard`` as a person reads it."""
    return _word("difficulty", difficulty, lang)


def unknown_text(error: UnknownQuestion | UnknownLoop) -> str:
    """The bank's "no such question/loop" sentence in the interface language (the bank's own is English)."""
    if isinstance(error, UnknownLoop):
        return t("bank.unknown_loop", id=error.loop_id, known=", ".join(error.known) or "—")
    if error.close:
        return t(
            "bank.unknown_question_close", id=error.question_id, close=t("bank.or").join(f'"{c}"' for c in error.close)
        )
    return t("bank.unknown_question", id=error.question_id)
