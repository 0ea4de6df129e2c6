"""Errors the bank raises: each one reads as a single sentence a person can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class BankError(Exception):
    """A question or loop file that cannot be used, located as precisely as we know."""

    def __init__(self, path: Path, problem: str, key: str | None = None) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        where = display_path(path)
        message = f'{where}: key "{key}" {problem}' if key else f"{where}: {problem}"
        super().__init__(message if message.endswith(".") else message + ".")


class UnknownQuestion(LookupError):
    """A question id that is not in the bank; the message suggests close matches."""

    def __init__(self, question_id: str, known: Iterable[str]) -> None:
        self.question_id = question_id
        close = difflib.get_close_matches(question_id, list(known), n=3, cutoff=0.5)
        self.close: tuple[str, ...] = tuple(close)  # what the app says in its own language (tui.core.bank_words)
        if close:
            hint = " Did you mean " + " or ".join(f'"{c}"' for c in close) + "?"
        else:
            hint = " Run `mockloop bank list` to see every question."
        super().__init__(f'There is no question "{question_id}" in the bank.{hint}')

    def __str__(self) -> str:  # LookupError would wrap the message in quotes
        return str(self.args[0])


class UnknownLoop(LookupError):
    """A loop id that is not in the bank."""

    def __init__(self, loop_id: str, known: Iterable[str]) -> None:
        self.loop_id = loop_id
        self.known: tuple[str, ...] = tuple(sorted(known))
        names = ", ".join(self.known) or "none"
        super().__init__(f'There is no interview loop "{loop_id}"; available: {names}.')

    def __str__(self) -> str:
        return str(self.args[0])
